import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  TASK_STATES,
} from '../../../src/core/state/task-state.js';

describe('task state transitions', () => {
  it.each([
    ['received', 'generating'],
    ['received', 'awaiting_approval'],
    ['awaiting_approval', 'generating'],
    ['generating', 'validating'],
    ['validating', 'generating'],
    ['validating', 'pr_open'],
    ['pr_open', 'approved'],
    ['pr_open', 'changes_requested'],
    ['changes_requested', 'generating'],
    ['approved', 'merged'],
    ['merged', 'deploying'],
    ['deploying', 'deployed'],
    ['deploying', 'rolled_back'],
    ['failed', 'received'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    ['received', 'pr_open'],
    ['generating', 'merged'],
    ['awaiting_approval', 'pr_open'],
    ['merged', 'generating'],
    ['deployed', 'failed'],
    ['cancelled', 'deploying'],
    // A failed deploy fails its environment's deploy state (deploy-state.ts), never the task.
    ['deploying', 'failed'],
  ] as const)('refuses %s → %s with the allowed moves in the message', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
    expect(() => assertTransition(from, to)).toThrow(`allowed from "${from}"`);
  });

  it('never allows a state to move to itself silently', () => {
    for (const state of TASK_STATES) expect(canTransition(state, state)).toBe(false);
  });
});
