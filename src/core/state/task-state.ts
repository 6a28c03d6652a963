/**
 * Task states (DESIGN §3). Deploys move each environment's own state (`deploy-state.ts`), never the
 * task's: `deploying`, `deployed` and `rolled_back` stay here only so markers written before that
 * still read.
 */
export const TASK_STATES = [
  'received',
  'held',
  'awaiting_input',
  'generating',
  'validating',
  'pr_open',
  'committed',
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
  // A restarted task (an edited request, `/retry`) or one waiting for a corrected request may still
  // have its pull request open: a merge meanwhile is taken, as from `generating`.
  received: ['held', 'awaiting_input', 'generating', 'failed', 'cancelled', 'merged'],
  // A held request does not stop people merging the task's open pull request: the task records the
  // merge (never deploying it on merge: the held request was never run) and the hold ends there.
  held: ['generating', 'cancelled', 'failed', 'merged'],
  // A new request may arrive wherever generating could start again; from someone without write
  // access it is `held` instead.
  awaiting_input: ['received', 'generating', 'held', 'cancelled', 'failed', 'merged'],
  // A task whose pull request is open can generate again (an edited request, `/retry`) while
  // people merge that pull request: the merge is taken as from `held` or `failed`, and the run in
  // flight stops before it publishes anything (`createCancelWatch`).
  generating: ['validating', 'failed', 'cancelled', 'merged'],
  // Validation failures go back to the model for repair. A GitHub run opens its pull request; the
  // local CLI commits to a branch in the user's repository and stops there (`committed`).
  validating: ['generating', 'pr_open', 'committed', 'failed', 'cancelled', 'merged'],
  pr_open: [
    'approved',
    'changes_requested',
    'generating',
    'held',
    'merged',
    'cancelled',
    'failed',
    'deploying',
  ],
  // The CLI's end: the change is a commit on its local branch and no pull request exists, so none of
  // pr_open's review or merge moves apply. Running the CLI again starts the task again: the request
  // file arrives anew (`received`), or generation starts straight away, as from a failed run.
  committed: ['received', 'generating'],
  // A reviewer's verdict can change without a regeneration (approved, or the request dismissed),
  // and a PR with a standing request for changes can still be merged where that is not enforced.
  changes_requested: ['generating', 'held', 'cancelled', 'failed', 'approved', 'pr_open', 'merged'],
  approved: ['merged', 'changes_requested', 'pr_open', 'generating', 'held', 'deploying', 'cancelled'],
  merged: ['deploying', 'deployed'],
  // A failed deploy fails its environment's deploy state, never the task.
  deploying: ['deployed', 'rolled_back', 'cancelled'],
  deployed: ['deploying', 'rolled_back'],
  rolled_back: ['deploying'],
  // A failed or cancelled task can be run again (re-triggering the issue, `/implement`).
  // A failed regeneration leaves the PR open: people may still merge or close it.
  failed: ['received', 'generating', 'held', 'merged', 'cancelled'],
  // A closed pull request reopened brings its task back to review; reopened and merged before a
  // run caught up (its run cancelled while pending), the task goes straight to merged.
  cancelled: ['received', 'generating', 'held', 'pr_open', 'merged'],
};

export function canTransition(from: TaskState, to: TaskState): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Whether a path of states can be walked from `from`, each step a move the table allows; staying
 * in a state always can. What a run or a pull request's sync checks its whole path by.
 */
export function canWalk(from: TaskState, path: readonly TaskState[]): boolean {
  let at = from;
  for (const next of path) {
    if (next !== at && !canTransition(at, next)) return false;
    at = next;
  }
  return true;
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
