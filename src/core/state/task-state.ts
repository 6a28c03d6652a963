/** Task states (DESIGN §3). Deploy states carry their environment in the task record, not the name. */
export const TASK_STATES = [
  'received',
  'awaiting_approval',
  'awaiting_input',
  'generating',
  'validating',
  'pr_open',
  'changes_requested',
  'approved',
  'merged',
  'deploying',
  'deployed',
  'rolled_back',
  'failed',
  'cancelled',
] as const;

export type TaskState = (typeof TASK_STATES)[number];

/** The one table of legal moves; anything not listed is an error, never a silent overwrite. */
const TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  received: ['awaiting_approval', 'awaiting_input', 'generating', 'failed', 'cancelled'],
  awaiting_approval: ['generating', 'cancelled', 'failed'],
  awaiting_input: ['received', 'generating', 'cancelled', 'failed'],
  generating: ['validating', 'failed', 'cancelled'],
  // Validation failures go back to the model for repair.
  validating: ['generating', 'pr_open', 'failed', 'cancelled'],
  pr_open: ['approved', 'changes_requested', 'generating', 'merged', 'cancelled', 'failed', 'deploying'],
  changes_requested: ['generating', 'cancelled', 'failed'],
  approved: ['merged', 'changes_requested', 'pr_open', 'generating', 'deploying', 'cancelled'],
  merged: ['deploying', 'deployed'],
  deploying: ['deployed', 'failed', 'rolled_back', 'cancelled'],
  deployed: ['deploying', 'rolled_back'],
  rolled_back: ['deploying'],
  // A failed or cancelled task can be retried (`/retry`, or re-triggering the issue).
  failed: ['received', 'generating'],
  cancelled: ['received'],
};

export function canTransition(from: TaskState, to: TaskState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: TaskState,
    readonly to: TaskState,
  ) {
    super(
      `A task cannot move from "${from}" to "${to}"; allowed from "${from}": ${TRANSITIONS[from].join(', ')}`,
    );
    this.name = 'IllegalTransitionError';
  }
}

export function assertTransition(from: TaskState, to: TaskState): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function isTerminal(state: TaskState): boolean {
  return state === 'cancelled' || state === 'merged' || state === 'deployed' || state === 'rolled_back';
}
