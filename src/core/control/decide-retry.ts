import { isAbandonedRun } from '../idempotency/request-under-way.js';
import type { DeployState } from '../state/deploy-state.js';
import type { TaskState } from '../state/task-state.js';

/** What `/retry` does with a task, decided from its trusted marker alone. */
export type RetryDecision =
  | { readonly kind: 'retry' }
  /** Nothing is re-run; `why` is the answer (markdown, the agent's own words). */
  | { readonly kind: 'refuse'; readonly why: string };

/** The states `/retry` re-runs from (issue #9 item 8): generation or validation failed, or the task was cancelled. */
const RETRYABLE: ReadonlySet<TaskState> = new Set(['failed', 'cancelled']);

/**
 * `/retry` (DESIGN §6, §8): re-runs a task that failed or was cancelled, and a run that died
 * (`generating`/`validating` older than `IN_FLIGHT_STALE_AFTER_MS`, see `isAbandonedRun`). A failed
 * deploy is not the task's failure (DESIGN §3: deploy state is per environment), so it is retried
 * with `/deploy <env>` and the answer says so; every other state gets the reason it cannot retry.
 * `marker` undefined: no task is tracked on the issue.
 */
export function decideRetry(params: {
  marker:
    | {
        readonly state: TaskState;
        readonly updated_at: string;
        readonly pull_number?: number | undefined;
        readonly deploys?: Readonly<Record<string, { readonly status: DeployState }>> | undefined;
      }
    | undefined;
  now: Date;
}): RetryDecision {
  const { marker } = params;
  if (marker === undefined)
    return refuse('no implementation task is tracked here, so there is nothing to retry.');
  const { state } = marker;
  if (RETRYABLE.has(state)) return { kind: 'retry' };
  if (isAbandonedRun({ marker, now: params.now })) return { kind: 'retry' };
  const failedDeploys = Object.entries(marker.deploys ?? {})
    .filter(([, deploy]) => deploy.status === 'deploy_failed')
    .map(([environment]) => environment);
  if (failedDeploys.length > 0) {
    const commands = failedDeploys.map((environment) => `\`/deploy ${environment}\``).join(' or ');
    return refuse(
      `the task did not fail: its deploy did, and a deploy is retried with ${commands} (the environment's rules apply again).`,
    );
  }
  const pull = marker.pull_number === undefined ? 'its pull request' : `pull request #${marker.pull_number}`;
  switch (state) {
    case 'generating':
    case 'validating':
      return refuse('the task is running now; `/retry` is for a task that failed or was cancelled.');
    case 'received':
      return refuse('the task has just started; `/retry` is for a task that failed or was cancelled.');
    case 'held':
      return refuse(
        "the request is held for a maintainer's approval: `/approve` runs it (`/retry` never releases a held request).",
      );
    case 'awaiting_input':
      return refuse('the task is waiting for an answer to its question; reply on the issue to carry on.');
    case 'pr_open':
    case 'approved':
    case 'changes_requested':
      return refuse(
        `the task succeeded: ${pull} is open. To change it, review it or push to its branch; to generate it again from the request, comment \`/implement\` on the issue.`,
      );
    default:
      return refuse(`the task is ${state.replaceAll('_', ' ')}; open a new issue for a new request.`);
  }
}

function refuse(why: string): RetryDecision {
  return { kind: 'refuse', why };
}
