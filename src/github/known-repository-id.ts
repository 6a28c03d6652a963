import type { RepositoryIdClient } from './marker-repository-ids.js';

/**
 * This repository's numeric GitHub id, which a rename or a transfer keeps and a repository deleted
 * and created again under the same name does not (GitHub docs, *Renaming a repository*): `given`
 * (the event's `repository.id`, `GITHUB_REPOSITORY_ID` in a workflow) when the caller knows it,
 * else asked of GitHub once (*Get a repository*). Throws when it cannot be had, so a status is
 * never read without it (`readTaskStatus`).
 */
export async function knownRepositoryId(params: {
  client: RepositoryIdClient;
  owner: string;
  repo: string;
  given: number | undefined;
}): Promise<number> {
  if (params.given !== undefined) return params.given;
  const get = params.client.repos?.get;
  if (get === undefined) {
    throw new Error(
      `The id of ${params.owner}/${params.repo} is not known and this client cannot ask GitHub for it.`,
    );
  }
  const { data } = await get({ owner: params.owner, repo: params.repo });
  return data.id;
}
