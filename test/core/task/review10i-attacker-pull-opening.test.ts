/**
 * Review 10i (attacker): `Pull Request Opened` once per opening (`pullOpening`, `isOpen` in
 * src/core/task/pull-opening.ts), on a record carried over from a status marker written before
 * `pull_opened_version` / `pull_closed_version` were kept (`recordFromMarker` of an older marker).
 *
 * Attacked (all held, passing): such a record, cancelled by `/cancel` (its pull request left open),
 * then `/retry` pushing to that same pull request; the same life on a record that keeps the
 * versions; a legacy record in `changes_requested` pushing a revision.
 */
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { lifecycleEventFor } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';

const TASK = 'acme/shop#7';
const at = '2026-11-29T10:00:00.000Z';

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
  ]).record;

/** The record as an older marker (no opening/closing versions kept) carries it. */
const legacy = (record: TaskRecord): TaskRecord => {
  const { pull_opened_version: _opened, pull_closed_version: _closed, ...rest } = record;
  return rest;
};

const retry = [move('generating'), move('validating'), move('pr_open', { pull_number: 12 })];

describe('Pull Request Opened on records from older markers (review10i)', () => {
  it('held: /cancel then /retry on a record that keeps the versions sends none', () => {
    const cancelled = lifeOf([move('cancelled')], opened()).record;
    expect(lifeOf(retry, cancelled).sent).not.toContain('Pull Request Opened');
  });

  it('held: a legacy record cancelled by /cancel (PR left open) then /retry pushing to the same PR sends none', () => {
    // The marker was written by the release before the versions: the task sat cancelled by `/cancel`.
    const cancelled = legacy(lifeOf([move('cancelled')], opened()).record);
    expect(cancelled.status).toBe('cancelled');
    // isOpen's fallback judges the state at the move (validating, a live-PR state), not `cancelled`.
    expect(lifeOf(retry, cancelled).sent).not.toContain('Pull Request Opened');
  });

  it('held: a legacy record in changes_requested pushing a revision to its PR sends none', () => {
    const asked = legacy(lifeOf([move('changes_requested')], opened()).record);
    expect(lifeOf(retry, asked).sent).not.toContain('Pull Request Opened');
  });
});
