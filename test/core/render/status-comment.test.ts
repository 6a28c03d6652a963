import { renderStatusComment, TRUST_LOST_NOTE_START } from '../../../src/core/render/status-comment.js';
import { statusDetailsOf } from '../../../src/core/render/status-details-of.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { TASK_STATES } from '../../../src/core/state/task-state.js';

const base: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'received',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-24T10:00:00.000Z',
};
const checked = (body: string) => body.split('\n').filter((line) => line.startsWith('- [x]')).length;

describe('renderStatusComment', () => {
  it('ticks more steps as the task advances', () => {
    const order = ['received', 'generating', 'validating', 'pr_open', 'approved', 'merged'] as const;
    const ticks = order.map((state) => checked(renderStatusComment({ marker: { ...base, state } })));
    expect(ticks).toEqual([0, 1, 2, 4, 5, 6]);
  });

  it('shows a committed task as validated with no pull request opened', () => {
    const body = renderStatusComment({ marker: { ...base, state: 'committed' } });
    expect(body).toContain('Committed to its local branch (no pull request)');
    expect(checked(body)).toBe(3);
    expect(body).toContain('- [ ] Pull request opened');
  });

  it('carries the state back through the hidden marker for every state', () => {
    for (const state of TASK_STATES) {
      const marker = { ...base, state, pull_number: 12, cost_usd: 0.25 };
      expect(parseStateMarker(renderStatusComment({ marker }))).toEqual(marker);
    }
  });

  it('shows the cost, the PR and the details', () => {
    const body = renderStatusComment({
      marker: { ...base, state: 'failed', attempt: 3, cost_usd: 0.1234, pull_number: 12 },
      details: '| Gate | Result |',
    });
    expect(body).toContain('❌ Failed');
    expect(body).toContain('Attempt 3 · cost so far $0.1234 · PR #12');
    expect(body).toContain('| Gate | Result |');
  });

  it('tells a requester without write access what unblocks the task', () => {
    expect(renderStatusComment({ marker: { ...base, state: 'held' } })).toContain('`/approve`');
  });
});

// Review 14b (DESIGN §3: nothing is dropped silently): a task whose trust facts were lost says so on
// every write of its status comment, and a later write that keeps the details does not copy the note.
describe('renderStatusComment with trust_lost', () => {
  it('says no approval counts, why, and that a person merges by hand, after the details', () => {
    const body = renderStatusComment({
      marker: { ...base, state: 'pr_open', trust_lost: true },
      details: 'Pull request #3 awaits review.',
    });
    const note = body.split('\n').find((line) => line.startsWith(TRUST_LOST_NOTE_START));
    expect(note).toContain('more pushes were made to it');
    expect(note).toContain('merges it by hand');
    expect(body.indexOf('Pull request #3 awaits review.')).toBeLessThan(body.indexOf(TRUST_LOST_NOTE_START));
    expect(statusDetailsOf(body)).toBe('Pull request #3 awaits review.');
  });

  it('shows no note while trust holds', () => {
    expect(renderStatusComment({ marker: { ...base, state: 'pr_open' } })).not.toContain(
      TRUST_LOST_NOTE_START,
    );
  });
});
