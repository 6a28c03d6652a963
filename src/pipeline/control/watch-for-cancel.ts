import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import type { TaskState } from '../../core/state/task-state.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import type { StatusCommentRef } from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';
import type { BoardClient, BoardMirrors } from '../task/connected-status-board.js';
import { progressStatus } from '../task/progress-status.js';
import type { CancelSignals } from './cancel-signals.js';
import { recordStoppedRun, type RunStop } from './record-stopped-run.js';

/**
 * States another event may write while a run is under way that end the run at its next step: a
 * `/cancel`, and a merge of the task's pull request while it generated again (`generating →
 * merged`): publishing then would push onto the merged pull request's branch, or open another.
 */
const STOPPING_STATES: ReadonlySet<TaskState> = new Set(['cancelled', 'merged']);

/** Asked by a run before each of its steps (`runIssueTask`). */
export interface CancelWatch {
  /** The cancelled (or merged) status the run must stop at, or `undefined` to go on. */
  cancelled(): Promise<StatusCommentRef | undefined>;
  /** Records where the run stopped on the cancelled task (`recordStoppedRun`). */
  stop(status: StatusCommentRef, stop: RunStop): Promise<TaskOutcome>;
}

/**
 * How a running task learns of a `/cancel` given after it started, or of its pull request merged
 * meanwhile. The status comment is the shared truth: a run stops when it reads its task's status
 * back as `cancelled` or `merged` (trusted, or
 * display-only when no marker key is configured, as `progressStatus` decides). `readBack: true`
 * (the Action, where another workflow run writes the cancel) reads it before every step: one
 * `GET /repos/{owner}/{repo}/issues/{n}/comments` each. In the app, `signals` (the same process)
 * say when to read it: nothing is read until the task's signal is raised after the watch was made.
 */
export function createCancelWatch(params: {
  client: BoardClient;
  trust: StatusTrust;
  owner: string;
  repo: string;
  /** GitHub's id of the repository, which every status read is judged by (`readTaskStatus`). */
  repositoryId: number;
  issueNumber: number;
  taskId: string;
  signals?: CancelSignals | undefined;
  readBack: boolean;
  mirrors?: BoardMirrors | undefined;
  log: (line: string) => void;
  now?: (() => Date) | undefined;
  /** Waits before a status write is read back the second time (`connectedStatusBoard`); absent, a `SETTLE_MS` timer. */
  settle?: (() => Promise<void>) | undefined;
}): CancelWatch {
  const { signals, taskId, client, owner, repo, issueNumber } = params;
  const seen = signals?.count(taskId) ?? 0;
  return {
    async cancelled() {
      const signalled = signals !== undefined && signals.count(taskId) > seen;
      if (!signalled && !params.readBack) return undefined;
      const status = await readTaskStatus({
        client,
        trust: params.trust,
        owner,
        repo,
        issueNumber,
        repositoryId: params.repositoryId,
        log: params.log,
      });
      const current = progressStatus(status, params.trust.keys);
      return current !== undefined && STOPPING_STATES.has(current.marker.state) ? current : undefined;
    },
    stop(status, stop) {
      return recordStoppedRun({
        client,
        owner,
        repo,
        repositoryId: params.repositoryId,
        issueNumber,
        taskId,
        status,
        trust: params.trust,
        ...(params.mirrors === undefined ? {} : { mirrors: params.mirrors }),
        log: params.log,
        ...(params.now === undefined ? {} : { now: params.now }),
        ...(params.settle === undefined ? {} : { settle: params.settle }),
        stop,
      });
    },
  };
}
