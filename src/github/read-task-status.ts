import { resignStateMarker } from '../core/state/state-marker.js';
import { findStatusComment, type StatusCommentClient, type StatusCommentRef } from './status-comment.js';
import type { StatusTrust } from './status-trust.js';

/**
 * The issue's status comment as `findStatusComment` judges it for this agent. A marker signed
 * with the previous key (during a key rotation) is accepted this once and re-signed with the
 * current key at once, its JSON untouched, so the previous key is never needed for it again.
 */
export async function readTaskStatus(params: {
  client: StatusCommentClient;
  trust: StatusTrust;
  owner: string;
  repo: string;
  issueNumber: number;
  /**
   * GitHub's id of the repository (`repository.id` of the event, `GITHUB_REPOSITORY_ID` in a
   * workflow; `knownRepositoryId`). Required: a marker naming another repository's id (one deleted
   * and created again under this name) is never read as this task's (`judgeMarker`).
   */
  repositoryId: number;
  /** Told why each of the agent's own markers on the issue is not read. */
  log?: ((line: string) => void) | undefined;
}): Promise<StatusCommentRef | undefined> {
  const { client, trust, owner, repo, issueNumber } = params;
  const authority = { identity: await trust.identity(), keys: trust.keys };
  const found = await findStatusComment({
    client,
    owner,
    repo,
    issueNumber,
    authority,
    repositoryId: params.repositoryId,
    log: params.log,
  });
  if (found?.signedWith !== 'previous' || trust.keys === undefined) return found;
  const body = resignStateMarker(found.body, trust.keys.current);
  await client.issues.updateComment({ owner, repo, comment_id: found.commentId, body });
  return { ...found, body, signedWith: 'current', reason: 'is signed (re-signed from the previous key)' };
}
