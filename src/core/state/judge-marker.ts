import type { MarkerKeys } from './marker-keys.js';
import { markerSignatureMatches } from './marker-signature.js';
import type { MarkerLine } from './state-marker.js';
import { keyThatSigned } from './key-that-signed.js';
import { parseTaskId } from '../task/parse-task-id.js';

/**
 * How far a marker read back from a comment may be believed:
 * - `trusted`: the agent's own identity wrote it, it names this issue, and (where signing applies)
 *   its signature holds. Only these decide anything: a deploy, a release, whether work repeats.
 * - `display-only`: the agent's identity wrote it and it names this issue, but nothing proves the
 *   agent and not another writer under the same identity did. Shown, and without a key the task's
 *   progress is kept in it; never used for a decision.
 * - `ignored`: another account's, another issue's, or a signature that does not hold.
 */
export type MarkerTrust = 'trusted' | 'display-only' | 'ignored';

export interface MarkerJudgement {
  readonly trust: MarkerTrust;
  /** Why, in a clause that fits "the status … <reason>". */
  readonly reason: string;
  /** Which key the signature held under; `previous` means it must be re-signed now. */
  readonly signedWith?: 'current' | 'previous';
}

/**
 * Identities several writers share: a workflow's `GITHUB_TOKEN` acts as `github-actions[bot]` for
 * every workflow of the repository ("Automatic token authentication", GitHub Actions docs), so
 * its comments prove nothing about which workflow wrote them.
 */
export const SHARED_IDENTITIES: readonly string[] = ['github-actions[bot]'];

export function isSharedIdentity(login: string): boolean {
  return SHARED_IDENTITIES.includes(login.toLowerCase());
}

/**
 * Judges one marker. `author` is the comment's `user.login` (undefined for a deleted account);
 * `identity` the login the agent writes as (`<app-slug>[bot]`, or `github-actions[bot]` under
 * `GITHUB_TOKEN`); `taskId` the task of the issue being read (`owner/repo#number`); `keys` the
 * marker keys, when configured. With keys, a marker counts only with a signature that holds
 * under one of them; without, only when the identity is the agent's alone.
 *
 * Which task: a repository keeps its numeric id through a rename or a transfer (GitHub docs,
 * *Renaming a repository*, *Transferring a repository*), while its name in `task_id` changes. So a
 * marker of the same issue is this task's when it names the same repository in any case, or
 * another name of the same repository: its `repository_id`, or else `markerRepositoryId` (the id
 * GitHub now gives the name the marker names: the old name redirects), equals `repositoryId`
 * (this repository's id). A marker whose `repository_id` is another repository's is never this
 * task's, whatever its name says (a repository deleted and created again under the same name).
 */
export function judgeMarker(params: {
  author: string | undefined;
  line: MarkerLine;
  identity: string;
  taskId: string;
  keys: MarkerKeys | undefined;
  /**
   * GitHub's id of the repository being read (`repository.id` of the event, `GITHUB_REPOSITORY_ID`
   * in a workflow): required, so no reader can take a marker of a repository deleted and created
   * again under the same name (a new id) for this one's.
   */
  repositoryId: number;
  /** GitHub's id of the repository the marker's `task_id` names, looked up by the caller. */
  markerRepositoryId?: number | undefined;
}): MarkerJudgement {
  const { author, line, identity, taskId, keys } = params;
  if (author === undefined || author.toLowerCase() !== identity.toLowerCase()) {
    return {
      trust: 'ignored',
      reason: `was written by ${author ?? 'a deleted account'}, not by ${identity}`,
    };
  }
  const named = line.marker.repository_id;
  if (named !== undefined && named !== params.repositoryId) {
    return {
      trust: 'ignored',
      reason: `names repository ${named}, not this repository (${params.repositoryId}): a repository of this name before it was deleted and created again, or another's; it is not read and nothing is replayed from it`,
    };
  }
  if (line.marker.task_id.toLowerCase() !== taskId.toLowerCase() && !renamedFrom(params)) {
    return { trust: 'ignored', reason: `names task ${line.marker.task_id}, not ${taskId}` };
  }
  if (keys === undefined) {
    return isSharedIdentity(identity)
      ? {
          trust: 'display-only',
          reason: `was written as ${identity}, which every workflow of the repository can write as, and no marker key is configured`,
        }
      : { trust: 'trusted', reason: `was written by ${identity}` };
  }
  if (line.signature === undefined) {
    return { trust: 'display-only', reason: 'is not signed, although a marker key is configured' };
  }
  const holds = (key: Buffer) =>
    markerSignatureMatches({ text: line.json, signature: line.signature ?? '', key });
  const signedWith = keyThatSigned(keys, holds);
  if (signedWith === 'current') return { trust: 'trusted', reason: 'is signed', signedWith };
  if (signedWith === 'previous') {
    return { trust: 'trusted', reason: 'is signed with the previous key', signedWith };
  }
  return {
    trust: 'ignored',
    reason:
      'carries a signature that does not hold under the marker key: forged, or signed with a key no longer configured',
  };
}

/** Whether the marker names this issue of this repository under the repository's former name (by id). */
function renamedFrom(params: {
  line: MarkerLine;
  taskId: string;
  repositoryId: number;
  markerRepositoryId?: number | undefined;
}): boolean {
  const theirs = parseTaskId(params.line.marker.task_id);
  const ours = parseTaskId(params.taskId);
  if (theirs === undefined || ours === undefined || theirs.issueNumber !== ours.issueNumber) return false;
  const id = params.line.marker.repository_id ?? params.markerRepositoryId;
  return id === params.repositoryId;
}
