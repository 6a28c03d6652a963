import type { TaskMarker } from '../core/state/state-marker.js';
import { parseTaskId } from '../core/task/parse-task-id.js';
import { repositoryIdOfName } from './repository-id-of-name.js';

/** *Get a repository*: its numeric id. `octokit.rest` satisfies it; absent, no id is looked up. */
export interface RepositoryIdClient {
  repos?: {
    get?(p: { owner: string; repo: string }): Promise<{ data: { id: number } }>;
    // The client's other `repos` methods: a test double without `get` is still a client.
    [method: string]: unknown;
  };
}

/** The ids `judgeMarker` compares for one marker. */
export interface MarkerRepositoryIds {
  readonly repositoryId: number;
  readonly markerRepositoryId?: number;
}

/**
 * For the comments of one issue of `owner/repo`: the repository ids `judgeMarker` needs to tell
 * a marker written under the repository's former name (a rename or a transfer) from another
 * repository's. A marker naming this repository (in any case) needs no call; one naming another
 * name costs at most one *Get a repository* call per name and listing (the id GitHub gives the
 * marker's name: a renamed or transferred repository's old name redirects to it), made once;
 * `repositoryId`, this repository's id, is what the event or run knows. A name GitHub does not know (deleted,
 * or never a repository) or a failed call gives no id, and the marker stays another task's.
 */
export function markerRepositoryIds(params: {
  client: RepositoryIdClient;
  owner: string;
  repo: string;
  repositoryId: number;
}): (marker: TaskMarker) => Promise<MarkerRepositoryIds> {
  const { client, owner, repo } = params;
  const looked = new Map<string, Promise<number | undefined>>();
  const idOf = (name: { owner: string; repo: string }) => {
    const key = `${name.owner}/${name.repo}`.toLowerCase();
    let id = looked.get(key);
    if (id === undefined) {
      id = repositoryIdOfName({ client, owner: name.owner, repo: name.repo }).catch(() => undefined);
      looked.set(key, id);
    }
    return id;
  };
  const { repositoryId } = params;
  const given = { repositoryId };
  return async (marker) => {
    const named = parseTaskId(marker.task_id);
    if (
      named === undefined ||
      `${named.owner}/${named.repo}`.toLowerCase() === `${owner}/${repo}`.toLowerCase()
    )
      return given;
    const markerRepositoryId = marker.repository_id ?? (await idOf(named));
    return markerRepositoryId === undefined ? { repositoryId } : { repositoryId, markerRepositoryId };
  };
}
