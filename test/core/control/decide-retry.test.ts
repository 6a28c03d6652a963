import { decideRetry } from '../../../src/core/control/decide-retry.js';
import { IN_FLIGHT_STALE_AFTER_MS } from '../../../src/core/idempotency/request-under-way.js';
import { canTransition, TASK_STATES, type TaskState } from '../../../src/core/state/task-state.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const fresh = new Date(NOW.getTime() - 60_000).toISOString();
const stale = new Date(NOW.getTime() - IN_FLIGHT_STALE_AFTER_MS - 1).toISOString();

function decide(state: TaskState, extra: Record<string, unknown> = {}) {
  return decideRetry({ marker: { state, updated_at: fresh, ...extra }, now: NOW });
}

describe('decideRetry', () => {
  it.each(['failed', 'cancelled'] as const)('re-runs a %s task', (state) => {
    expect(decide(state)).toEqual({ kind: 'retry' });
  });

  it.each(['generating', 'validating'] as const)(
    're-runs a %s run that died (older than the stale limit)',
    (state) => {
      expect(decide(state, { updated_at: stale })).toEqual({ kind: 'retry' });
    },
  );

  it.each(['generating', 'validating'] as const)('does not start a second run while one is %s', (state) => {
    expect(decide(state)).toEqual({ kind: 'refuse', why: expect.stringContaining('running now') });
  });

  it('sends a failed deploy to /deploy, naming every environment whose deploy failed', () => {
    const decision = decide('merged', {
      deploys: {
        staging: { status: 'deploy_failed' },
        production: { status: 'deployed' },
        qa: { status: 'deploy_failed' },
      },
    });
    expect(decision).toEqual({
      kind: 'refuse',
      why: expect.stringContaining('retried with `/deploy staging` or `/deploy qa`'),
    });
  });

  it('says a held request is released by /approve, never by /retry', () => {
    expect(decide('held')).toEqual({ kind: 'refuse', why: expect.stringContaining('`/approve` runs it') });
  });

  it.each(['pr_open', 'approved', 'changes_requested'] as const)(
    'answers why a %s task is not retried',
    (state) => {
      expect(decide(state, { pull_number: 34 })).toEqual({
        kind: 'refuse',
        why: expect.stringContaining('pull request #34 is open'),
      });
    },
  );

  it.each(['merged', 'deployed', 'rolled_back', 'deploying'] as const)(
    'refuses a %s task: a new request needs a new issue',
    (state) => {
      expect(decide(state)).toEqual({ kind: 'refuse', why: expect.stringContaining('open a new issue') });
    },
  );

  it('answers that there is no task when nothing is tracked', () => {
    expect(decideRetry({ marker: undefined, now: NOW })).toEqual({
      kind: 'refuse',
      why: expect.stringContaining('nothing to retry'),
    });
  });

  it('gives every state an answer, and retries only from states the table lets start generating', () => {
    for (const state of TASK_STATES) {
      const decision = decide(state);
      if (decision.kind === 'retry') expect(canTransition(state, 'generating')).toBe(true);
      else expect(decision.why.length).toBeGreaterThan(20);
    }
  });
});
