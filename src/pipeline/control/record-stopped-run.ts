import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import type { TokenUsage } from '../../generation/model-provider.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { connectedStatusBoard, type BoardClient, type BoardMirrors } from '../task/connected-status-board.js';

/** Where a cancelled run stopped, for the status comment: "before generation attempt 2". */
export interface RunStop {
  readonly where: string;
  /** What the model calls before the stop cost; added to the task's cost. */
  readonly usage?: { readonly model: string; readonly usage: TokenUsage } | undefined;
  /** A pull request opened or updated before the cancel was seen: it stays, named on the task. */
  readonly pull?: { readonly number: number; readonly branch: string } | undefined;
}

/**
 * A run that found its task cancelled (`CancelWatch`) records where it stopped on the cancelled
 * status as read back (`status`, so the cancel's own handled trigger and text stay), and ends with
 * the `cancelled` outcome. The task stays `cancelled`: `/retry` runs it again. The step goes through
 * the board every use case builds (`connectedStatusBoard`): mirrored alike, earlier unsent records
 * re-sent, the write read back.
 */
export async function recordStoppedRun(params: {
  client: BoardClient;
  trust: StatusTrust;
  owner: string;
  repo: string;
  /** GitHub's id of the repository (`connectedStatusBoard`). */
  repositoryId: number;
  issueNumber: number;
  taskId: string;
  status: StatusCommentRef;
  mirrors?: BoardMirrors;
  log: (line: string) => void;
  now?: () => Date;
  /** Waits before a status write is read back the second time (`connectedStatusBoard`); absent, a `SETTLE_MS` timer. */
  settle?: () => Promise<void>;
  stop: RunStop;
}): Promise<TaskOutcome> {
  const { issueNumber, taskId, stop } = params;
  const board = connectedStatusBoard({
    client: params.client,
    trust: params.trust,
    owner: params.owner,
    repo: params.repo,
    issueNumber,
    taskId,
    existing: params.status,
    repositoryId: params.repositoryId,
    ...(params.mirrors === undefined ? {} : { mirrors: params.mirrors }),
    log: params.log,
    ...(params.now === undefined ? {} : { now: params.now }),
    ...(params.settle === undefined ? {} : { settle: params.settle }),
  });
  const pull = stop.pull;
  if (params.status.marker.state === 'merged') return recordMergedStop({ ...params, board });
  const message =
    pull === undefined
      ? `The task was cancelled with \`/cancel\`; its run stopped ${stop.where}. \`/retry\` runs it again.`
      : `The task was cancelled with \`/cancel\` after pull request #${pull.number} was published; it stays open. ` +
        `Close it to drop the change, or comment \`/retry\` to run the task again.`;
  params.log(`Task ${taskId} was cancelled; the run stopped ${stop.where}`);
  const outcome: TaskOutcome = {
    status: 'cancelled',
    taskId,
    issueNumber,
    message,
    ...(pull === undefined ? {} : { pullNumber: pull.number }),
  };
  await board.move('cancelled', {
    details: message,
    outcome,
    ...(stop.usage === undefined ? {} : { usage: stop.usage }),
    ...(pull === undefined ? {} : { patch: { pull_number: pull.number, branch: pull.branch } }),
  });
  return outcome;
}

/**
 * The task's pull request was merged while the run generated again (`generating → merged`): the
 * run published nothing, and the task stays `merged` with the merge's pull request. Its outcome
 * (`ignored`, reason code `merged`) and the usage of the model calls before the stop are recorded.
 */
async function recordMergedStop(params: {
  board: ReturnType<typeof connectedStatusBoard>;
  status: StatusCommentRef;
  taskId: string;
  log: (line: string) => void;
  stop: RunStop;
}): Promise<TaskOutcome> {
  const { stop } = params;
  const pull = params.status.marker.pull_number;
  const message =
    `Pull request ${pull === undefined ? '' : `#${pull} `}was merged while the task was generated again; ` +
    `this run stopped ${stop.where} and published nothing. Open a new issue for further changes.`;
  params.log(`Task ${params.taskId} was merged; the run stopped ${stop.where}`);
  const outcome: TaskOutcome = { status: 'ignored', reasonCode: 'merged', reason: message, message };
  await params.board.move('merged', {
    details: message,
    outcome,
    ...(stop.usage === undefined ? {} : { usage: stop.usage }),
  });
  return outcome;
}
