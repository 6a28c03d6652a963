/**
 * Keys of `entries` (a lockfile entry's key → what it installs, e.g. its resolution) that the
 * reviewed base lockfile's `base` does not have with the same source: the packages this change adds
 * or moves. Without a base every entry is new.
 */
export function newLockfileEntries(
  entries: ReadonlyMap<string, string>,
  base: ReadonlyMap<string, string> | undefined,
): string[] {
  return [...entries].filter(([key, source]) => base?.get(key) !== source).map(([key]) => key);
}

/** How many new entries a reason names before it says "and N more". */
const NAMED = 5;

/** `a, b, c and 4 more`: the first few of `keys`, for a reason's message. */
export function nameSome(keys: readonly string[]): string {
  const named = keys.slice(0, NAMED).join(', ');
  return keys.length > NAMED ? `${named} and ${keys.length - NAMED} more` : named;
}
