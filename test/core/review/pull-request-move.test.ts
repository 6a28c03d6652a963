import { pullRequestMove } from '../../../src/core/review/pull-request-move.js';
import { canTransition, type TaskState } from '../../../src/core/state/task-state.js';

const open = { open: true, merged: false };
const closed = { open: false, merged: false };
const merged = { open: false, merged: true };
const none = { approved: false, changesRequested: false };
const approved = { approved: true, changesRequested: false };
const changes = { approved: false, changesRequested: true };

describe('pullRequestMove: where a task goes given its pull request', () => {
  it.each<[TaskState, typeof open, typeof none, TaskState[]]>([
    ['pr_open', open, approved, ['approved']],
    ['pr_open', open, changes, ['changes_requested']],
    ['pr_open', open, none, []],
    ['approved', open, none, ['pr_open']],
    ['approved', open, changes, ['changes_requested']],
    ['approved', open, approved, []],
    ['changes_requested', open, approved, ['approved']],
    ['changes_requested', open, none, ['pr_open']],
    ['approved', merged, none, ['merged']],
    ['pr_open', merged, none, ['merged']],
    ['changes_requested', merged, none, ['merged']],
    ['merged', merged, none, []],
    ['pr_open', closed, none, ['cancelled']],
    ['approved', closed, approved, ['cancelled']],
    ['cancelled', closed, none, []],
    ['cancelled', merged, none, ['merged']],
    // Not the review's to move while the PR is open: the agent is regenerating, or the task is held.
    ['generating', open, approved, []],
    ['held', open, approved, []],
    ['failed', open, approved, []],
    // …but a merge or close still ends it.
    ['failed', merged, none, ['merged']],
    ['failed', closed, none, ['cancelled']],
  ])('%s, PR %o, review %o → %o', (from, pull, review, path) => {
    expect(pullRequestMove({ from, pull, review })).toEqual(path);
  });

  // DESIGN §3: `cancelled → pr_open` only on reopen of a closed pull request. A task cancelled with
  // `/cancel` while its PR stayed open was moved back to review by the next review (#9 review).
  it.each<[typeof none, boolean, TaskState[]]>([
    [none, true, ['pr_open']],
    [approved, true, ['pr_open', 'approved']],
    [changes, true, ['pr_open', 'changes_requested']],
    [none, false, []],
    [approved, false, []],
    [changes, false, []],
  ])('a cancelled task whose PR is open, review %o, reopened %s → %o', (review, reopened, path) => {
    expect(pullRequestMove({ from: 'cancelled', pull: open, review, reopened })).toEqual(path);
  });

  it('a cancelled task stays cancelled unless told the PR was reopened', () => {
    expect(pullRequestMove({ from: 'cancelled', pull: open, review: approved })).toEqual([]);
  });

  it('every path it gives for the review states is legal in the transition table', () => {
    const states: TaskState[] = ['pr_open', 'approved', 'changes_requested', 'cancelled', 'failed'];
    for (const from of states)
      for (const pull of [open, closed, merged])
        for (const review of [none, approved, changes]) {
          let at = from;
          for (const to of pullRequestMove({ from, pull, review, reopened: true })) {
            expect(`${at} → ${to}: ${canTransition(at, to)}`).toBe(`${at} → ${to}: true`);
            at = to;
          }
        }
  });
});
