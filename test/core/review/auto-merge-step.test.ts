import { autoMergeHeld, autoMergeStep } from '../../../src/core/review/auto-merge-step.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import type { TaskState } from '../../../src/core/state/task-state.js';

type Marker = Pick<
  TaskMarker,
  'auto_merge_held' | 'auto_merge_off_pending' | 'state' | 'effective_mode' | 'risk_level'
>;
const automated: Marker = { state: 'pr_open', effective_mode: 'automated', risk_level: 'low' };

describe('autoMergeStep: what a review sync does to an automated task’s auto-merge', () => {
  it.each<[string, Marker, boolean, boolean, ReturnType<typeof autoMergeStep>]>([
    ['a request for changes arrives', automated, true, true, 'turn-off'],
    ['the same request seen again (held)', { ...automated, auto_merge_held: true }, true, true, undefined],
    [
      // The state proves no answer from GitHub (a failed turn-off moves there too): asked once more.
      'an old marker at changes_requested, request still standing',
      { ...automated, state: 'changes_requested' },
      true,
      true,
      'turn-off',
    ],
    [
      'a turn-off GitHub did not confirm is asked again while the request stands',
      { ...automated, state: 'changes_requested', auto_merge_off_pending: true },
      true,
      true,
      'turn-off',
    ],
    [
      'a task fallen back to guided whose turn-off GitHub did not confirm',
      { ...automated, effective_mode: 'guided', auto_merge_off_pending: true },
      true,
      false,
      'retry-off',
    ],
    [
      'a pending turn-off on a closed pull request',
      { ...automated, effective_mode: 'guided', auto_merge_off_pending: true },
      false,
      false,
      undefined,
    ],
    ['the request lifted (held)', { ...automated, auto_merge_held: true }, true, false, 'turn-on'],
    [
      'the request lifted, old marker at changes_requested',
      { ...automated, state: 'changes_requested' },
      true,
      false,
      'turn-on',
    ],
    ['no request, nothing held (a redelivery after the re-arm)', automated, true, false, undefined],
    [
      'a task judged high risk',
      { ...automated, risk_level: 'high', auto_merge_held: true },
      true,
      false,
      undefined,
    ],
    [
      'a task fallen back to guided',
      { ...automated, effective_mode: 'guided', auto_merge_held: true },
      true,
      false,
      undefined,
    ],
    [
      'a guided task’s request for changes',
      { ...automated, effective_mode: 'guided' },
      true,
      true,
      undefined,
    ],
    ['a closed pull request', { ...automated, auto_merge_held: true }, false, false, undefined],
  ])('%s', (_name, marker, open, standing, step) => {
    const to = standing ? 'changes_requested' : 'pr_open';
    expect(autoMergeStep({ marker, to, open, standing })).toBe(step);
  });

  it.each<TaskState>(['cancelled', 'held', 'generating', 'failed', 'merged'])(
    'a task %s is not steered: a review never turns auto-merge on for it (nor off again)',
    (to) => {
      const held = { ...automated, state: to, auto_merge_held: true as const };
      expect(autoMergeStep({ marker: held, to, open: true, standing: false })).toBeUndefined();
      expect(
        autoMergeStep({ marker: { ...automated, state: to }, to, open: true, standing: true }),
      ).toBeUndefined();
    },
  );

  it('a cancelled task whose turn-off GitHub did not confirm is asked again, never turned on', () => {
    const pending = { ...automated, state: 'cancelled' as const, auto_merge_off_pending: true as const };
    expect(autoMergeStep({ marker: pending, to: 'cancelled', open: true, standing: false })).toBe(
      'retry-off',
    );
    // A standing request on a cancelled task is no hold to record: the same retry, nothing more.
    expect(autoMergeStep({ marker: pending, to: 'cancelled', open: true, standing: true })).toBe('retry-off');
    expect(autoMergeStep({ marker: pending, to: 'cancelled', open: false, standing: false })).toBeUndefined();
  });

  it('held: the marker’s field, or the state an older marker recorded the hold by', () => {
    expect(autoMergeHeld({ state: 'pr_open' })).toBe(false);
    expect(autoMergeHeld({ state: 'approved', auto_merge_held: true })).toBe(true);
    expect(autoMergeHeld({ state: 'changes_requested' })).toBe(true);
  });
});
