/**
 * GitHub's numeric id of the repository a webhook payload is about (`repository.id`, present in
 * every repository event: GitHub docs, *Webhook events and payloads*), or `undefined` when the
 * payload has none. Pure.
 */
export function repositoryIdOf(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null || !('repository' in payload)) return undefined;
  const { repository } = payload;
  if (typeof repository !== 'object' || repository === null || !('id' in repository)) return undefined;
  const { id } = repository;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
