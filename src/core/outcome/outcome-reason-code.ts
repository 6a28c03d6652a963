import type { TaskOutcome } from './task-outcome.js';

/**
 * Machine-readable reasons, stable across releases (new codes may be added; none is renamed):
 * what dashboards and other agents branch on instead of parsing messages.
 */
export const OUTCOME_REASON_CODES = [
  'not_for_agent',
  'pr_opened',
  'pr_updated',
  'deployment_requested',
  'dry_run_requested',
  'answered',
  'requester_lacks_write_access',
  'refused',
  'invalid_request',
  'invalid_config',
  'failed',
  'deployed',
  'no_changes',
  'dry_run',
  'deploy_failed',
  'deploy_timed_out',
  'deploy_blocked',
  'deploy_cancelled',
  'deploy_refused',
  // Refused because another run holds the environment's deploy lock (DESIGN §7): nothing ran.
  'deploy_locked',
  'approved',
  'awaiting_review',
  'changes_requested',
  'merged',
  'cancelled',
  'not_retryable',
  'not_cancellable',
  // The rollback use case (`requestRollback`).
  'rollback_requested',
  'already_handled',
  'no_rollback_target',
  'environment_not_configured',
  'branch_not_recorded',
  'deploy_rule_not_met',
  'branch_no_longer_contains_sha',
  'not_agent_deployment',
  'deployment_unstartable',
  // A rollback deployment no workflow run can start, ended at once: the rollback's failure, not the task's.
  'rollback_unstartable',
  // The approve use case (`approveHeldRequest`).
  'approver_lacks_write_access',
  'nothing_held',
  'hold_not_trusted',
  'request_deleted',
  'held_request_changed',
  // The status use case (`reportTaskStatus`).
  'status_shown',
  'status_not_proven',
  'no_task_tracked',
  // The implement use case (`requestImplementation`).
  'task_exists',
  'task_settled',
  'request_invalid_task_unchanged',
  'request_under_way',
  // Who edited the issue body that would run cannot be read (review 9m): not run, fail closed.
  'request_editors_unknown',
  // The CLI's end (`committed`): the change committed to its local branch, or already there.
  'committed',
  'unchanged',
] as const;

export type OutcomeReasonCode = (typeof OUTCOME_REASON_CODES)[number];

/** The deploy result's reason (`deploy-result.ts`) as a reason code; an unknown one counts as a failure. */
const DEPLOY_REASONS: Readonly<Record<string, OutcomeReasonCode>> = {
  deployed: 'deployed',
  'no-changes': 'no_changes',
  'dry-run': 'dry_run',
  failed: 'deploy_failed',
  'timed-out': 'deploy_timed_out',
  blocked: 'deploy_blocked',
  // An automated deploy whose change set deletes or replaces resources: stopped before it ran.
  refused: 'deploy_blocked',
  cancelled: 'deploy_cancelled',
};

/** The outcome's own reason code when its use case set one, else the one its status and details imply. */
export function reasonCodeOf(outcome: TaskOutcome): OutcomeReasonCode {
  if (outcome.reasonCode !== undefined) return outcome.reasonCode;
  switch (outcome.status) {
    case 'ignored':
      return 'not_for_agent';
    case 'pr_open':
      return outcome.created ? 'pr_opened' : 'pr_updated';
    case 'deployment_created':
      return outcome.dryRun ? 'dry_run_requested' : 'deployment_requested';
    case 'held':
      return 'requester_lacks_write_access';
    case 'committed':
      return outcome.changed ? 'committed' : 'unchanged';
    case 'deployed':
      return DEPLOY_REASONS[outcome.result.reason] ?? 'deployed';
    case 'deploy_failed':
      // No stack operation ran: the deployment was refused before (a moved sha, a bad payload).
      return outcome.result === undefined
        ? 'deploy_refused'
        : (DEPLOY_REASONS[outcome.result.reason] ?? 'deploy_failed');
    default:
      return outcome.status;
  }
}
