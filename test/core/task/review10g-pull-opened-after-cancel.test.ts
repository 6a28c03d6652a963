/**
 * Review 10g: `Pull Request Opened` once per opening (README "Lifecycle events").
 *
 * A `/cancel` moves the task to `cancelled`, and `pullOpening` records that move as closing the
 * pull request (`pull_closed_version`), although `/cancel` leaves the pull request open on GitHub
 * (cancel-task.ts turns auto-merge off; nothing closes the PR). A `/retry` then pushes a revision
 * to that same open pull request and moves the task to `pr_open`: the record takes it for a new
 * opening and `Pull Request Opened` is sent a second time for a pull request opened once. The
 * README says a revision pushed to the open PR (`/retry`) sends none.
 *
 * Tried and held: a close without merge (cancelled) then a reopen sends `Pull Request Opened`
 * again; feedback regenerating on the open PR (pr_open → generating → validating → pr_open)
 * sends none; a task that opens another pull request sends one.
 */
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { lifecycleEventFor } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';

const TASK = 'acme/shop#7';
const at = '2026-11-29T10:00:00.000Z';

/** Applies the steps; the detail-types of the lifecycle events they send, in order. */
function lifeOf(steps: readonly TaskEventBody[], start?: TaskRecord) {
  let record = start;
  const sent: string[] = [];
  for (const body of steps) {
    const applied = applyTaskEvent(record, body);
    record = applied.record;
    const event = lifecycleEventFor(applied.event, applied.record);
    if (event !== undefined) sent.push(event.detailType);
  }
  return { record: record!, sent };
}

const move = (to: string, extra: object = {}) =>
  ({ type: 'state_changed', task_id: TASK, at, to, ...extra }) as TaskEventBody;

const opened = () =>
  lifeOf([
    { type: 'task_received', task_id: TASK, at, repo: 'acme/shop' },
    move('generating'),
    move('validating'),
    move('pr_open', { pull_number: 12 }),
  ]);

describe('review10g: Pull Request Opened once per opening', () => {
  it('the first opening sends it once (control)', () => {
    expect(opened().sent.filter((type) => type === 'Pull Request Opened')).toHaveLength(1);
  });

  it('feedback regenerating on the open pull request sends none (held)', () => {
    const { record } = opened();
    const { sent } = lifeOf(
      [move('generating'), move('validating'), move('pr_open', { pull_number: 12 })],
      record,
    );
    expect(sent).not.toContain('Pull Request Opened');
  });

  it('/cancel (the pull request stays open) then /retry pushing to the same pull request sends Pull Request Opened again', () => {
    const { record } = opened();
    // `/cancel`: the task stops; the pull request on GitHub stays open.
    const cancelled = lifeOf([move('cancelled')], record);
    // `/retry`: attempt 2 regenerates and pushes to pull request #12, still open.
    const { sent } = lifeOf(
      [move('generating'), move('validating'), move('pr_open', { pull_number: 12 })],
      cancelled.record,
    );
    expect(sent).not.toContain('Pull Request Opened');
  });

  it('a close on GitHub then a reopen of the same pull request sends it again (a new opening)', () => {
    const { record } = opened();
    const closed = lifeOf(
      [{ type: 'pull_closed', task_id: TASK, at, pull_number: 12 }, move('cancelled')],
      record,
    );
    expect(closed.record.pull_closed_version).toBe(closed.record.version - 1);
    const { sent } = lifeOf([move('pr_open', { pull_number: 12 })], closed.record);
    expect(sent).toEqual(['Pull Request Opened']);
  });

  it('/cancel, then a close on GitHub while cancelled, then /retry on the reopened pull request sends it again', () => {
    const { record } = opened();
    const closed = lifeOf(
      [move('cancelled'), { type: 'pull_closed', task_id: TASK, at, pull_number: 12 }],
      record,
    );
    const { sent } = lifeOf(
      [move('generating'), move('validating'), move('pr_open', { pull_number: 12 })],
      closed.record,
    );
    expect(sent).toContain('Pull Request Opened');
  });

  it('a close of another pull request closes nothing of this one', () => {
    const { record } = opened();
    const after = lifeOf([{ type: 'pull_closed', task_id: TASK, at, pull_number: 99 }], record);
    expect(after.record.pull_closed_version).toBeUndefined();
    expect(after.sent).toEqual([]);
  });

  it('a merge closes it: a later opening of another pull request sends it again', () => {
    const { record } = opened();
    const merged = lifeOf([move('approved'), move('merged')], record);
    expect(merged.record.pull_closed_version).toBe(merged.record.version);
  });
});
