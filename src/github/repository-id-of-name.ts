import { isRecord } from '../core/request/is-record.js';
import type { RepositoryIdClient } from './marker-repository-ids.js';

/**
 * GitHub's id of the repository a name leads to now (*Get a repository*), or `undefined` when it
 * leads nowhere (404) or the client cannot ask (a test double without `repos.get`). A renamed or
 * transferred repository's former name still leads to it (GitHub answers with a redirect, which
 * Octokit follows: GitHub docs, *Renaming a repository*), unless a repository was since created
 * under that name, which has an id of its own. Throws any other error Octokit throws.
 */
export async function repositoryIdOfName(params: {
  client: RepositoryIdClient;
  owner: string;
  repo: string;
}): Promise<number | undefined> {
  const { client, owner, repo } = params;
  const get = client.repos?.get;
  if (get === undefined) return undefined;
  try {
    return (await get.call(client.repos, { owner, repo })).data.id;
  } catch (error) {
    if (isRecord(error) && error['status'] === 404) return undefined;
    throw error;
  }
}
