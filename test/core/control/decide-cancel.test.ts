import { decideCancel } from '../../../src/core/control/decide-cancel.js';
import { canTransition, TASK_STATES, type TaskState } from '../../../src/core/state/task-state.js';

const decide = (state: TaskState, pull_number?: number) =>
  decideCancel({ marker: { state, ...(pull_number === undefined ? {} : { pull_number }) } });

describe('decideCancel', () => {
  it.each(['generating', 'validating'] as const)('stops a %s run at its next step', (state) => {
    expect(decide(state)).toEqual({ kind: 'cancel', running: true });
  });

  it.each(['received', 'held', 'awaiting_input'] as const)('cancels a task queued as %s', (state) => {
    expect(decide(state)).toEqual({ kind: 'cancel', running: false });
  });

  it.each(['pr_open', 'approved', 'changes_requested'] as const)(
    'closes nothing at %s: it says to close the pull request',
    (state) => {
      expect(decide(state, 34)).toEqual({
        kind: 'refuse',
        why: expect.stringContaining('`/cancel` closes nothing; close pull request #34 to cancel the task'),
      });
    },
  );

  it('points a failed or cancelled task to /retry and a deploy to /cancel <environment>', () => {
    expect(decide('failed')).toEqual({ kind: 'refuse', why: expect.stringContaining('already failed') });
    expect(decide('cancelled')).toEqual({
      kind: 'refuse',
      why: expect.stringContaining('already cancelled'),
    });
    expect(decide('merged')).toEqual({
      kind: 'refuse',
      why: expect.stringContaining('`/cancel <environment>`'),
    });
  });

  it('answers that there is no task when nothing is tracked', () => {
    expect(decideCancel({ marker: undefined })).toEqual({
      kind: 'refuse',
      why: expect.stringContaining('nothing to cancel'),
    });
  });

  it('cancels only where the one transition table has the move to cancelled', () => {
    for (const state of TASK_STATES) {
      if (decide(state).kind === 'cancel') expect(canTransition(state, 'cancelled')).toBe(true);
    }
  });
});

describe('the moves /cancel and /retry use, each in the one transition table', () => {
  it.each([
    ['received', 'cancelled'],
    ['held', 'cancelled'],
    ['awaiting_input', 'cancelled'],
    ['generating', 'cancelled'],
    ['validating', 'cancelled'],
    ['failed', 'generating'],
    ['cancelled', 'generating'],
    ['failed', 'held'],
    ['cancelled', 'held'],
    // A run that died is restarted through `failed`.
    ['generating', 'failed'],
    ['validating', 'failed'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });
});
