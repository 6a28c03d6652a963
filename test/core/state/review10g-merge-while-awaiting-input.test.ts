/**
 * Review 10g: a pull request merged while its task waits for input.
 *
 * `pullOpening` (pull-opening.ts) lists the states a task can hold while its pull request is open,
 * `awaiting_input` and `received` among them: a regeneration that failed leaves the PR open
 * (`failed`), and so does `/cancel`; the issue edited or `/implement` given again then starts the
 * task over (`failed`/`cancelled` → `received`), and a request missing what the agent needs waits
 * (`awaiting_input`). A person merges the open PR meanwhile: the review sync asks for `merged`
 * (`pullRequestMove`), the table has no `awaiting_input → merged` nor `received → merged`, so
 * `syncPullRequestTask` answers `ignored` and the record never says merged (no `Task Merged`, the
 * status comment still asks for input on a merged change).
 *
 * Tried and held: a merge from pr_open, approved, changes_requested, generating, validating, held
 * and failed is recorded (asserted below).
 */
import { pullRequestMove } from '../../../src/core/review/pull-request-move.js';
import { canWalk, type TaskState } from '../../../src/core/state/task-state.js';

const merged = (from: TaskState) =>
  pullRequestMove({
    from,
    pull: { open: false, merged: true },
    review: { approved: false, changesRequested: false },
  });

describe('review10g: a merge of the open pull request is recorded from every state a live PR has', () => {
  it.each([
    'pr_open',
    'approved',
    'changes_requested',
    'generating',
    'validating',
    'held',
    'failed',
  ] as const)('from %s (held)', (from) => {
    expect(canWalk(from, merged(from))).toBe(true);
  });

  it('FAULT (fixed): merge ignored — a merge while the task is awaiting_input is recorded', () => {
    expect(canWalk('awaiting_input', merged('awaiting_input'))).toBe(true);
  });

  it('FAULT (fixed): merge ignored — a merge while the restarted task is received is recorded', () => {
    expect(canWalk('received', merged('received'))).toBe(true);
  });
});
