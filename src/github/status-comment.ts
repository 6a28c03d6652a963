import { fitBody } from '../core/markdown/fit-body.js';
import { COMMENT_BODY_LIMIT } from '../core/markdown/github-limits.js';
import type { MarkerKeys } from '../core/state/marker-keys.js';
import { judgeMarker, type MarkerJudgement } from '../core/state/judge-marker.js';
import { latestMarker } from '../core/state/latest-marker.js';
import { readStateMarker, type TaskMarker } from '../core/state/state-marker.js';
import { taskIdOf } from '../core/task/task-id-of.js';
import { markerRepositoryIds, type RepositoryIdClient } from './marker-repository-ids.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';

interface IssueComment {
  id: number;
  body?: string;
  user: { login: string; type: string } | null;
}

export interface StatusCommentClient extends RepositoryIdClient {
  issues: {
    listComments(p: {
      owner: string;
      repo: string;
      issue_number: number;
      per_page: number;
      page: number;
    }): Promise<{ data: IssueComment[] }>;
    createComment(p: {
      owner: string;
      repo: string;
      issue_number: number;
      body: string;
    }): Promise<{ data: { id: number }; headers?: ResponseValidators }>;
    updateComment(p: {
      owner: string;
      repo: string;
      comment_id: number;
      body: string;
    }): Promise<{ data?: unknown; headers?: ResponseValidators }>;
  };
}

/** The response header a conditional read of the same comment sends back (`If-None-Match`). */
export interface ResponseValidators {
  etag?: string;
}

/** The issue's status comment, the state it carries and how far that state may be believed. */
export interface StatusCommentRef {
  readonly commentId: number;
  readonly marker: TaskMarker;
  /** `trusted` or `display-only`; ignored markers are never returned. */
  readonly trust: Exclude<MarkerJudgement['trust'], 'ignored'>;
  /** Why it is trusted or not, for answers and logs. */
  readonly reason: string;
  readonly signedWith?: MarkerJudgement['signedWith'];
  /** The comment's body as read (the held request is shown there). */
  readonly body: string;
  /** The read's `ETag` (`readStatusCommentById`), for a conditional read of the same comment next. */
  readonly etag?: string;
}

/** Who the agent is and which keys sign its markers: what judging a marker needs. */
export interface MarkerAuthority {
  /** The login the agent's comments are written as (`<app-slug>[bot]`, `github-actions[bot]`). */
  readonly identity: string;
  readonly keys: MarkerKeys | undefined;
}

const PAGE_SIZE = 100;

/**
 * The issue's status comment: of the comments whose marker is trusted (see `judgeMarker`), the one
 * with the latest state (`latestMarker`: highest record version), so an older signed marker
 * replayed in a new comment never outranks the live one; else the first whose marker is
 * display-only, else `undefined`. Markers written by anyone else, naming another issue or with a
 * signature that does not hold are skipped, whatever they say; so is any marker not on the last
 * line of its comment (`readStateMarker`). Reads every page (`listStatusComments`).
 */
export async function findStatusComment(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  authority: MarkerAuthority;
  /** GitHub's id of the repository (`repository.id` of the event, `GITHUB_REPOSITORY_ID`): see `judgeMarker`. */
  repositoryId: number;
  /** Told why each of the agent's own markers is not read (another repository's id, say). */
  log?: ((line: string) => void) | undefined;
}): Promise<StatusCommentRef | undefined> {
  const found = await listStatusComments(params);
  return (
    latestMarker(found.filter((ref) => ref.trust === 'trusted')) ??
    found.find((ref) => ref.trust === 'display-only')
  );
}

/**
 * Every comment of the issue carrying a marker of this task that `judgeMarker` does not ignore
 * (trusted or display-only), in GitHub's order: oldest first (*List issue comments*, every page of
 * 100). Two runs that each created the status comment find both here and keep the oldest. A
 * marker of the agent's naming the repository's former name (renamed or transferred) is judged
 * by the repository's id (`markerRepositoryIds`); one of the agent's markers not read (another
 * repository's id, another task, a signature that does not hold) is named to `log`, with why.
 */
export async function listStatusComments(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  authority: MarkerAuthority;
  repositoryId: number;
  log?: ((line: string) => void) | undefined;
}): Promise<StatusCommentRef[]> {
  const { client, owner, repo, issueNumber, authority } = params;
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const idsFor = markerRepositoryIds({ client, owner, repo, repositoryId: params.repositoryId });
  const found: StatusCommentRef[] = [];
  for (let page = 1; ; page++) {
    const { data } = await client.issues.listComments({
      owner,
      repo,
      issue_number: issueNumber,
      per_page: PAGE_SIZE,
      page,
    });
    for (const comment of data) {
      const line = comment.body === undefined ? undefined : readStateMarker(comment.body);
      if (!line) continue;
      const author = comment.user?.login;
      // Only the agent's own markers are worth a repository lookup.
      const ours = author?.toLowerCase() === authority.identity.toLowerCase();
      const ids = ours ? await idsFor(line.marker) : { repositoryId: params.repositoryId };
      const judgement = judgeMarker({
        author,
        line,
        identity: authority.identity,
        taskId,
        keys: authority.keys,
        ...ids,
      });
      if (judgement.trust === 'ignored') {
        if (ours) params.log?.(`Task ${taskId}: the status comment ${comment.id} ${judgement.reason}.`);
        continue;
      }
      found.push({
        commentId: comment.id,
        marker: line.marker,
        trust: judgement.trust,
        reason: judgement.reason,
        ...(judgement.signedWith === undefined ? {} : { signedWith: judgement.signedWith }),
        body: comment.body ?? '',
      });
    }
    if (data.length < PAGE_SIZE) return found;
  }
}

/**
 * Edits the status comment in place, or creates it the first time. Returns its id and the
 * response's `ETag` (when GitHub sends one), with which the read-back asks *has it changed since
 * this write?* (`readStatusCommentById`). A body over GitHub's 65,536-character limit is cut with
 * "…and N more", its hidden state marker kept intact at the end, so the problems are still shown
 * and the state still read back. The body is redacted here, at the sink (`redactSecrets`): every
 * text a step adds (an error's message in a mirror warning, a note, a problem) goes out checked,
 * whoever rendered it; text already redacted comes back as it is. Throws when the scanner fails,
 * so a body that could not be checked is never written.
 */
export async function writeStatusComment(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  issueNumber: number;
  commentId: number | undefined;
  body: string;
}): Promise<{ commentId: number; etag?: string }> {
  const { client, owner, repo } = params;
  const body = fitBody({ body: await redactSecrets(params.body), limit: COMMENT_BODY_LIMIT });
  const validators = (headers: ResponseValidators | undefined) =>
    headers?.etag === undefined ? {} : { etag: headers.etag };
  if (params.commentId !== undefined) {
    const updated = await client.issues.updateComment({ owner, repo, comment_id: params.commentId, body });
    return { commentId: params.commentId, ...validators(updated?.headers) };
  }
  const created = await client.issues.createComment({ owner, repo, issue_number: params.issueNumber, body });
  return { commentId: created.data.id, ...validators(created.headers) };
}
