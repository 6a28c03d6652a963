import { requestDigest } from '../../../src/core/idempotency/request-digest.js';
import {
  IN_FLIGHT_STALE_AFTER_MS,
  isAbandonedRun,
  isRequestUnderWay,
} from '../../../src/core/idempotency/request-under-way.js';
import type { TaskState } from '../../../src/core/state/task-state.js';

const REQUEST = { execution_request: { task_type: 'application', task_name: 'Orders API' } };
const DIGEST = requestDigest(REQUEST);
const NOW = new Date('2026-11-24T10:00:00Z');
const marker = (
  state: TaskState,
  updatedAt = '2026-11-24T09:59:00Z',
  generatedFrom: string | undefined = DIGEST,
) => ({
  state,
  updated_at: updatedAt,
  ...(generatedFrom === undefined ? {} : { generated_from: generatedFrom }),
});

describe('isRequestUnderWay', () => {
  it.each<TaskState>(['generating', 'validating', 'pr_open', 'approved'])(
    'is true for the same request while the task is %s',
    (state) => {
      expect(isRequestUnderWay({ marker: marker(state), digest: DIGEST, now: NOW })).toBe(true);
    },
  );

  it.each<TaskState>(['failed', 'cancelled', 'held', 'awaiting_input', 'changes_requested'])(
    'is false while the task is %s: a new trigger may run it',
    (state) => {
      expect(isRequestUnderWay({ marker: marker(state), digest: DIGEST, now: NOW })).toBe(false);
    },
  );

  it('is false for a changed request, and for a task with no generation recorded', () => {
    const edited = requestDigest({ ...REQUEST, description: 'now with refunds' });
    expect(isRequestUnderWay({ marker: marker('pr_open'), digest: edited, now: NOW })).toBe(false);
    const older = { state: 'pr_open' as const, updated_at: '2026-11-24T09:59:00Z' };
    expect(isRequestUnderWay({ marker: older, digest: DIGEST, now: NOW })).toBe(false);
    expect(isRequestUnderWay({ marker: undefined, digest: DIGEST, now: NOW })).toBe(false);
  });

  it('takes an in-flight marker older than the stale bound, or with an unreadable time, for a run that died', () => {
    const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
    const fresh = marker('generating', at(IN_FLIGHT_STALE_AFTER_MS));
    const stale = marker('generating', at(IN_FLIGHT_STALE_AFTER_MS + 1));
    expect(isRequestUnderWay({ marker: fresh, digest: DIGEST, now: NOW })).toBe(true);
    expect(isRequestUnderWay({ marker: stale, digest: DIGEST, now: NOW })).toBe(false);
    expect(isRequestUnderWay({ marker: marker('validating', 'yesterday'), digest: DIGEST, now: NOW })).toBe(
      false,
    );
    // A pull request made from it stays made, however old.
    expect(isRequestUnderWay({ marker: marker('pr_open', at(86_400_000)), digest: DIGEST, now: NOW })).toBe(
      true,
    );
  });
});

describe('isAbandonedRun', () => {
  const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

  it('is true for an in-flight marker past the stale bound: its trigger was never carried out', () => {
    expect(isAbandonedRun({ marker: marker('generating', at(IN_FLIGHT_STALE_AFTER_MS + 1)), now: NOW })).toBe(
      true,
    );
    expect(isAbandonedRun({ marker: marker('validating', 'not a time'), now: NOW })).toBe(true);
  });

  it('is false for a run still within the bound, and for any state that is not in flight', () => {
    expect(isAbandonedRun({ marker: marker('generating', at(60_000)), now: NOW })).toBe(false);
    expect(isAbandonedRun({ marker: marker('failed', at(86_400_000)), now: NOW })).toBe(false);
    expect(isAbandonedRun({ marker: marker('pr_open', at(86_400_000)), now: NOW })).toBe(false);
  });
});
