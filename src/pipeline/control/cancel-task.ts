import type { GraphqlClient } from '../../github/graphql-client.js';
import { runsAutomated } from '../../core/state/runs-automated.js';
import { disarmAutoMerge } from '../review/disarm-auto-merge.js';
import { decideCancel } from '../../core/control/decide-cancel.js';
import { wasHandled } from '../../core/idempotency/handled-triggers.js';
import type { TaskOutcome } from '../../core/outcome/task-outcome.js';
import { mention } from '../../core/markdown/mention.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import type { StatusTrust } from '../../github/status-trust.js';
import { connectedStatusBoard, type BoardClient, type BoardMirrors } from '../task/connected-status-board.js';
import { progressStatus } from '../task/progress-status.js';
import type { CancelSignals } from './cancel-signals.js';
import { taskOnPullRequest } from '../../core/control/task-on-pull-request.js';
import { taskIdOf } from '../../core/task/task-id-of.js';

/**
 * Cancels the task tracked on `issueNumber` (DESIGN §3; issue #9 item 8), for a caller whose
 * write access the adapter has checked. A queued or running task (`decideCancel`) moves to
 * `cancelled` on its status comment, which records `triggerKey` as handled, so the same trigger
 * again (a redelivery) is `ignored`; then `signals` (the app) tell a run of the task in this
 * process at once, and a run elsewhere reads the status back before its next step
 * (`createCancelWatch`). Anything else is `refused` (reason code `not_cancellable`) with why.
 * `pullNumber`: the command was given on that pull request, which the task's marker must name.
 * A task that ran automated with its pull request open has GitHub's auto-merge turned off
 * (`disarmAutoMerge`), so GitHub never merges a cancelled task (nor is it deployed on merge,
 * `deploysOnMerge`); the status says whether GitHub confirmed it, and an unconfirmed one is asked
 * again on the pull request's next event (`auto_merge_off_pending`). The move goes through the board every use case builds (`connectedStatusBoard`): the
 * same records in the mirrors, earlier unsent artifacts and deployment records re-sent, and the
 * write read back, so a run writing the comment at the same moment keeps its step.
 */
export async function cancelTask(params: {
  client: BoardClient;
  trust: StatusTrust;
  owner: string;
  repo: string;
  /** GitHub's id of the repository, which every status read is judged by (`readTaskStatus`). */
  repositoryId: number;
  issueNumber: number;
  pullNumber?: number | undefined;
  /** Who cancels (a GitHub login). */
  actor: string;
  /** `comment:<id>`: what asked for the cancel. */
  triggerKey: string;
  signals?: CancelSignals | undefined;
  /** `octokit.graphql`: turns GitHub's auto-merge off on an automated task's open pull request. */
  graphql?: GraphqlClient | undefined;
  mirrors?: BoardMirrors | undefined;
  log: (line: string) => void;
  now?: (() => Date) | undefined;
  /** Waits before a status write is read back the second time (`connectedStatusBoard`); absent, a `SETTLE_MS` timer. */
  settle?: (() => Promise<void>) | undefined;
}): Promise<TaskOutcome> {
  const { client, owner, repo, issueNumber, trust } = params;
  const taskId = taskIdOf({ owner, repo, issueNumber });
  const refuse = (why: string): TaskOutcome => ({
    status: 'refused',
    reasonCode: 'not_cancellable',
    taskId,
    issueNumber,
    message: `\`/cancel\` changed nothing: ${why}`,
  });
  const read = await readTaskStatus({
    client,
    trust,
    owner,
    repo,
    issueNumber,
    repositoryId: params.repositoryId,
    log: params.log,
  });
  const status = progressStatus(read, trust.keys);
  if (read !== undefined && status === undefined) {
    return refuse(`the task's status ${read.reason}, so it cannot be proven to be implementation-agent's.`);
  }
  const marker = status?.marker;
  if (marker !== undefined && wasHandled(marker.handled_triggers, params.triggerKey)) {
    return {
      status: 'ignored',
      reason: `${params.triggerKey} on issue #${issueNumber} was already carried out`,
    };
  }
  const notOurs = taskOnPullRequest({ marker, issueNumber, pullNumber: params.pullNumber });
  if (notOurs !== undefined) return refuse(notOurs);
  const decision = decideCancel({ marker });
  if (decision.kind === 'refuse' || status === undefined) {
    return refuse(decision.kind === 'refuse' ? decision.why : 'no implementation task is tracked here.');
  }
  const message = decision.running
    ? `Cancelled by ${mention(params.actor)}: the run under way stops at its next step (before its next model call or before publishing). \`/retry\` runs the task again.`
    : `Cancelled by ${mention(params.actor)} before it ran. \`/retry\` runs the task again.`;
  const autoMerge =
    marker?.pull_number !== undefined && (runsAutomated(marker) || marker.auto_merge_off_pending === true)
      ? await disarmAutoMerge({
          graphql: params.graphql,
          owner,
          repo,
          pullNumber: marker.pull_number,
          pullRequestId: undefined,
          log: params.log,
        })
      : undefined;
  const outcome: TaskOutcome = {
    status: 'cancelled',
    taskId,
    issueNumber,
    message: autoMerge === undefined ? message : `${message}\n\n${autoMerge.message}`,
  };
  const board = connectedStatusBoard({
    client,
    trust,
    owner,
    repo,
    issueNumber,
    taskId,
    existing: status,
    repositoryId: params.repositoryId,
    trigger: params.triggerKey,
    ...(params.mirrors === undefined ? {} : { mirrors: params.mirrors }),
    log: params.log,
    ...(params.now === undefined ? {} : { now: params.now }),
    ...(params.settle === undefined ? {} : { settle: params.settle }),
  });
  // Not confirmed off: the pull request's next event asks GitHub again (`auto_merge_off_pending`).
  await board.move('cancelled', {
    details: outcome.message,
    outcome,
    ...autoMerge?.record,
  });
  // Raised only once the status says so: a run that sees the signal reads the cancel back.
  params.signals?.raise(taskId);
  params.log(`Task ${taskId} cancelled by ${params.actor} (${marker?.state ?? 'no state'} → cancelled)`);
  return outcome;
}
