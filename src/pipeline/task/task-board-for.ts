import type { AgentConfig } from '../../core/config/agent-config.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { connectedStatusBoard } from './connected-status-board.js';
import type { StatusBoard } from './status-board.js';

/**
 * The status board of one task as a use case running on `deps` moves it (`connectedStatusBoard`:
 * signed, mirrored to what the repository's `config` names, re-sending what the stores did not
 * take, read back after each write). Every use case builds its board here, so none of them can
 * forget the signature or the mirrors. `trigger` is the trigger this run carries out (recorded as
 * handled with the first move); absent for moves no trigger asked for.
 */
export function taskBoardFor(
  deps: Pick<
    TaskEventDependencies,
    'client' | 'trust' | 'mirrors' | 'log' | 'now' | 'repositoryId' | 'settle'
  >,
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
  const { config: _config, ...where } = params;
  return connectedStatusBoard({
    ...where,
    client: deps.client,
    trust: deps.trust,
    ...(mirrors === undefined ? {} : { mirrors }),
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.settle ? { settle: deps.settle } : {}),
    repositoryId: deps.repositoryId,
  });
}
