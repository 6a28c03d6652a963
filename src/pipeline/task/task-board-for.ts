import type { AgentConfig } from '../../core/config/agent-config.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { readStatusCommentById } from '../../github/read-status-comment-by-id.js';
import { resendUnsentArtifacts } from '../mirror/resend-unsent-artifacts.js';
import { createStatusBoard, type StatusBoard } from './status-board.js';

/**
 * The status board of one task as a use case running on `deps` moves it: the runtime's client,
 * signed with its marker key, mirrored to what the repository's `config` names (tables, buckets,
 * bus; an earlier attempt's artifacts the bucket did not take are re-sent), read back after each write so a racing run's step is not lost, logging and timed as the runtime does. Every use case builds its board here, so none of
 * them can forget the signature or the mirrors. `trigger` is the trigger this run carries out
 * (recorded as handled with the first move); absent for moves no trigger asked for.
 */
export function taskBoardFor(
  deps: Pick<TaskEventDependencies, 'client' | 'trust' | 'mirrors' | 'log' | 'now'>,
  params: {
    owner: string;
    repo: string;
    issueNumber: number;
    taskId: string;
    existing: StatusCommentRef | undefined;
    config: AgentConfig;
    trigger?: string;
  },
): StatusBoard {
  const mirrors = deps.mirrors?.forConfig(params.config);
  const store = mirrors?.artifacts;
  return createStatusBoard({
    client: deps.client,
    owner: params.owner,
    repo: params.repo,
    issueNumber: params.issueNumber,
    taskId: params.taskId,
    existing: params.existing,
    signingKey: deps.trust.keys?.current,
    ...(params.trigger === undefined ? {} : { trigger: params.trigger }),
    ...(mirrors === undefined ? {} : { mirrors }),
    ...(store === undefined
      ? {}
      : {
          resendArtifacts: (unsent) =>
            resendUnsentArtifacts({
              store,
              client: deps.client,
              owner: params.owner,
              repo: params.repo,
              taskId: params.taskId,
              unsent,
            }),
        }),
    reread: async (commentId) =>
      readStatusCommentById({
        client: deps.client,
        owner: params.owner,
        repo: params.repo,
        issueNumber: params.issueNumber,
        commentId,
        authority: { identity: await deps.trust.identity(), keys: deps.trust.keys },
      }),
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
