import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  TASK_STATES,
} from '../../../src/core/state/task-state.js';

describe('task state transitions', () => {
  it.each([
    ['received', 'generating'],
    ['received', 'held'],
    ['held', 'generating'],
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
    ['generating', 'approved'],
    ['held', 'pr_open'],
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

  // The moves the review and merge of a task's pull request need (issue #9 items 2 and 7), one by one.
  it.each([
    ['changes_requested', 'approved', 'the reviewer who asked for changes approves'],
    ['changes_requested', 'pr_open', 'the request for changes is dismissed'],
    ['changes_requested', 'merged', 'the PR is merged with a request for changes standing'],
    ['failed', 'merged', 'a PR whose regeneration failed is merged as it is'],
    ['failed', 'cancelled', 'a PR whose regeneration failed is closed'],
    ['cancelled', 'pr_open', 'a closed PR is reopened'],
    ['cancelled', 'merged', 'a closed PR is reopened and merged before a run catches up'],
    ['held', 'merged', 'the open PR is merged while a new request waits for /approve'],
    ['generating', 'merged', 'the open PR is merged while the task generates again'],
    ['validating', 'merged', 'the open PR is merged while the new generation is validated'],
    ['held', 'cancelled', 'the open PR is closed while a new request waits for /approve'],
  ] as const)('allows %s → %s: %s', (from, to, _why) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('still refuses leaving merged, and reopening straight to approved', () => {
    expect(canTransition('merged', 'pr_open')).toBe(false);
    expect(canTransition('merged', 'validating')).toBe(false);
    expect(canTransition('merged', 'cancelled')).toBe(false);
    expect(canTransition('held', 'pr_open')).toBe(false);
    expect(canTransition('held', 'approved')).toBe(false);
    expect(canTransition('cancelled', 'approved')).toBe(false);
  });

  // The CLI's end (issue #11 item 8): a commit on a local branch, no pull request.
  it.each([
    ['validating', 'committed', "the local run's change is committed to its branch"],
    ['committed', 'received', 'the CLI runs the request file again'],
    ['committed', 'generating', 'the CLI regenerates the committed task'],
  ] as const)('allows %s → %s: %s', (from, to, _why) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('reaches committed from validating only, so no GitHub path (PR, review, merge, failure) leads there', () => {
    const into = TASK_STATES.filter((from) => canTransition(from, 'committed'));
    expect(into).toEqual(['validating']);
  });

  it('gives committed none of the pull request moves: no review, merge, deploy, hold or cancel', () => {
    const out = TASK_STATES.filter((to) => canTransition('committed', to));
    expect(out).toEqual(['received', 'generating']);
    expect(() => assertTransition('committed', 'pr_open')).toThrow(
      'allowed from "committed": received, generating',
    );
  });

  it('never allows a state to move to itself silently', () => {
    for (const state of TASK_STATES) expect(canTransition(state, state)).toBe(false);
  });
});
