import type { BlobClient } from '../../github/read-branch-texts.js';
import type { RepositoryContentClient } from '../../github/read-repository-file.js';
import { readStatusCommentById, type CommentByIdClient } from '../../github/read-status-comment-by-id.js';
import { retireDuplicateBoard, type DeleteCommentClient } from '../../github/retire-duplicate-board.js';
import {
  listStatusComments,
  type StatusCommentClient,
  type StatusCommentRef,
} from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import type { MirrorStores } from '../mirror/mirror-stores-for-config.js';
import { resendUnsentArtifacts } from '../mirror/resend-unsent-artifacts.js';
import { resendUnsentDeployments } from '../mirror/resend-unsent-deployments.js';
import { setTimeout as delay } from 'node:timers/promises';
import { createStatusBoard, SETTLE_MS, type StatusBoard } from './status-board.js';

/**
 * The GitHub calls a connected board makes: the comment itself, its read-back (*Get an issue
 * comment*), the removal of a second board two runs created at once, the agent's files at a commit
 * (artifact re-send) and a template at a sha (deployment record re-send). `octokit.rest` from
 * Probot and from @actions/github both satisfy it.
 */
export type BoardClient = StatusCommentClient &
  CommentByIdClient &
  DeleteCommentClient &
  BlobClient &
  RepositoryContentClient;

/** The mirrors a board writes and re-sends to; each is absent when not configured. */
export type BoardMirrors = Pick<MirrorStores, 'tasks' | 'events' | 'publisher' | 'artifacts' | 'deployments'>;

/**
 * The one way every runtime (the app, the Action's task and deploy runs) builds a task's status
 * board: markers signed with `trust`'s current key; written to the `mirrors`; an earlier
 * attempt's artifacts (`unsent_artifacts`) and deployment records (`unsent_deployments`) the
 * stores did not take re-sent with the next step; the comment read just before every write (a
 * 304 when unchanged) and back after it, twice (`SETTLE_MS` apart), so a racing run's
 * step is applied on top instead of lost — a write that created the comment by listing the
 * issue's boards, so two runs that both created one keep the oldest. `existing` is the status the task continues from
 * (`readTaskStatus`); absent, the first move creates the comment. Throws nothing itself; the
 * board's moves throw what the comment write throws.
 */
export function connectedStatusBoard(params: {
  client: BoardClient;
  trust: StatusTrust;
  owner: string;
  repo: string;
  issueNumber: number;
  taskId: string;
  existing: StatusCommentRef | undefined;
  mirrors?: BoardMirrors;
  /** The trigger this run carries out; absent for moves no trigger asked for. */
  trigger?: string;
  log: (line: string) => void;
  now?: () => Date;
  /** Waits before a write is read back the second time; a timer of `SETTLE_MS` by default. */
  settle?: () => Promise<void>;
  /**
   * GitHub's id of the repository: written into the marker (`createStatusBoard`), and what every
   * read-back judges markers by (`judgeMarker`).
   */
  repositoryId: number;
}): StatusBoard {
  const { client, trust, owner, repo, issueNumber, taskId } = params;
  const authority = async () => ({ identity: await trust.identity(), keys: trust.keys });
  const artifacts = params.mirrors?.artifacts;
  const deployments = params.mirrors?.deployments;
  return createStatusBoard({
    client,
    owner,
    repo,
    issueNumber,
    taskId,
    existing: params.existing,
    signingKey: trust.keys?.current,
    repositoryId: params.repositoryId,
    ...(params.trigger === undefined ? {} : { trigger: params.trigger }),
    ...(params.mirrors === undefined ? {} : { mirrors: params.mirrors }),
    ...(artifacts === undefined
      ? {}
      : {
          resendArtifacts: (unsent) =>
            resendUnsentArtifacts({ store: artifacts, client, owner, repo, taskId, unsent }),
        }),
    ...(deployments === undefined
      ? {}
      : {
          resendDeployments: (unsent) =>
            resendUnsentDeployments({ store: deployments, client, owner, repo, unsent }),
        }),
    reread: async (commentId, etag) =>
      readStatusCommentById({
        client,
        owner,
        repo,
        issueNumber,
        commentId,
        authority: await authority(),
        repositoryId: params.repositoryId,
        ...(etag === undefined ? {} : { etag }),
      }),
    listBoards: async () =>
      listStatusComments({
        client,
        owner,
        repo,
        issueNumber,
        authority: await authority(),
        repositoryId: params.repositoryId,
      }),
    settle: params.settle ?? settleWithin(undefined),
    retire: ({ commentId, keptId }) => retireDuplicateBoard({ client, owner, repo, commentId, keptId }),
    log: params.log,
    ...(params.now === undefined ? {} : { now: params.now }),
  });
}

/**
 * The wait before a board reads its write back the second time: `SETTLE_MS`, or `pollMs` when a
 * shorter poll interval is configured (the Action's `poll-interval-ms`, for tests against stand-ins).
 */
export function settleWithin(pollMs: number | undefined): () => Promise<void> {
  const ms = Math.min(SETTLE_MS, pollMs ?? SETTLE_MS);
  return async () => {
    await delay(ms);
  };
}
