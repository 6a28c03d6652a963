/**
 * review10f (attack on issue #10): every state change GitHub shows moves the record — a merge too.
 *
 * A task whose pull request is open can generate again (`pr_open → generating`: an edited request,
 * `/implement`, a `/retry`), which takes minutes; meanwhile people may merge the open pull request.
 * `syncPullRequestTask` (src/pipeline/review/sync-pull-request-task.ts) asks `pullRequestMove` for
 * the path (`['merged']`) and ignores the event when the transition table refuses it
 * ("the task ... is generating; pull_request.closed does not move it"): the merge never reaches the
 * record, the mirrors or the bus (no Task Merged), and the run then ends at `pr_open` on a merged PR.
 *
 * Tried and held: the table already takes a merge from `held` ("a held request does not stop people
 * merging the task's open pull request") and from `failed` ("a failed regeneration leaves the PR
 * open: people may still merge or close it"); a close while generating (`cancelled`) is taken.
 */
import { pullRequestMove } from '../../../src/core/review/pull-request-move.js';
import { canTransition, type TaskState } from '../../../src/core/state/task-state.js';

const mergedPull = { open: false, merged: true };
const noReview = { approved: false, changesRequested: false };

/** Whether the sync's path from `from` is one the table takes (what `isWalkable` checks). */
function takes(from: TaskState): boolean {
  let at = from;
  for (const next of pullRequestMove({ from, pull: mergedPull, review: noReview })) {
    if (next !== at && !canTransition(at, next)) return false;
    at = next;
  }
  return at === 'merged';
}

describe('review10f: a pull request merged while its task generates again', () => {
  it.failing.each(['generating', 'validating'] as const)(
    'FAULT: merge never recorded: the PR merged while the task is %s is ignored (no move to merged, no Task Merged), as it is not from held or failed',
    (from) => {
      expect(takes(from)).toBe(true);
    },
  );

  it.each(['held', 'failed', 'pr_open', 'approved', 'changes_requested'] as const)(
    'holds: a merge is taken from %s',
    (from) => {
      expect(takes(from)).toBe(true);
    },
  );

  it('holds: a close while generating cancels the task', () => {
    expect(canTransition('generating', 'cancelled')).toBe(true);
  });
});
