/**
 * What a stack status means for a deploy.
 * - `does-not-exist`: no stack by that name (or only a deleted one): the next change set is a CREATE.
 * - `in-review`: REVIEW_IN_PROGRESS, a stack shell made by a CREATE change set that never ran;
 *   it has no resources, so the next change set is still a CREATE.
 * - `in-progress`: an operation is running; wait for it.
 * - `succeeded`: the last operation completed.
 * - `failed`: the last operation failed and was rolled back cleanly; the stack can be updated again.
 * - `needs-recreate`: ROLLBACK_COMPLETE, the first creation failed; CloudFormation allows only deletion.
 * - `needs-operator`: a failed rollback or deletion, or a failure with rollback disabled;
 *   someone has to continue the rollback, roll back, or delete by hand.
 */
export type StackState =
  | 'does-not-exist'
  | 'in-review'
  | 'in-progress'
  | 'succeeded'
  | 'failed'
  | 'needs-recreate'
  | 'needs-operator';

const SUCCEEDED = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
const FAILED_BUT_UPDATABLE = new Set(['UPDATE_ROLLBACK_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);
const NEEDS_OPERATOR = new Set([
  'CREATE_FAILED',
  'UPDATE_FAILED',
  'ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_FAILED',
  'DELETE_FAILED',
]);

/** `status` is a StackStatus as DescribeStacks returns it; undefined when there is no stack. */
export function classifyStackStatus(status: string | undefined): StackState {
  if (status === undefined || status === 'DELETE_COMPLETE') return 'does-not-exist';
  if (status === 'REVIEW_IN_PROGRESS') return 'in-review';
  if (status === 'ROLLBACK_COMPLETE') return 'needs-recreate';
  if (SUCCEEDED.has(status)) return 'succeeded';
  if (FAILED_BUT_UPDATABLE.has(status)) return 'failed';
  if (NEEDS_OPERATOR.has(status)) return 'needs-operator';
  // Every remaining status ends in _IN_PROGRESS; an unknown future status is safest treated as
  // still moving, since the deadline bounds the wait anyway.
  return 'in-progress';
}
