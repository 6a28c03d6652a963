/**
 * Whether a store already holds what a re-send would write (a put that timed out after the store
 * took it): `read` gives what the store holds under the item's key, and `same` (absent: anything
 * held) whether that is this very item. The one rule both re-sends follow
 * (`resendUnsentDeployments`, `resendUnsentArtifacts`): what is held counts as sent and is not
 * written again, so what only the first write had (a deployment's outputs) stays. A store that
 * cannot be read holds nothing here: the re-send goes on, and its write says whether the store is back.
 */
export async function heldInStore<T>(params: {
  read: () => Promise<T | undefined>;
  same?: (stored: T) => boolean;
}): Promise<boolean> {
  const stored = await params.read().catch(() => undefined);
  return stored !== undefined && (params.same?.(stored) ?? true);
}
