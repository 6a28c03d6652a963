/**
 * review10f (attack on issue #10): `Pull Request Opened` as the README documents it — sent when the
 * task's pull request is opened, "also when a closed PR is reopened".
 *
 * The events are those the review-feedback revision records (`iterateOnFeedback`,
 * src/pipeline/review/iterate-on-feedback.ts: `board.pass('generating')`, `board.pass('validating')`,
 * `board.move('pr_open')`, outcome `pr_open` / `pr_updated`, `created: false`) on a task whose pull
 * request #12 is already open.
 *
 * Tried and held: a reopened PR (cancelled → pr_open) sends Pull Request Opened again, as documented;
 * a CLI task sends Branch Committed and never Pull Request Opened; steps between milestones
 * (attempts, usage, generating, validating, outcomes) send nothing.
 */
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { lifecycleEventFor, type LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';

const TASK = 'acme/shop#7';
let clock = Date.parse('2026-11-30T10:00:00.000Z');
const at = () => {
  clock += 1000;
  return new Date(clock).toISOString();
};

function milestones(bodies: readonly TaskEventBody[]): LifecycleEvent[] {
  let record: TaskRecord | undefined;
  const sent: LifecycleEvent[] = [];
  for (const body of bodies) {
    const applied = applyTaskEvent(record, body);
    record = applied.record;
    const milestone = lifecycleEventFor(applied.event, applied.record);
    if (milestone !== undefined) sent.push(milestone);
  }
  return sent;
}

const opened: TaskEventBody[] = [
  { type: 'task_received', task_id: TASK, at: at(), repo: 'acme/shop', issue_number: 7 },
  { type: 'state_changed', task_id: TASK, at: at(), to: 'generating' },
  { type: 'state_changed', task_id: TASK, at: at(), to: 'validating' },
  { type: 'state_changed', task_id: TASK, at: at(), to: 'pr_open', pull_number: 12 },
];

/** A review-feedback revision pushed to the open pull request #12. */
const revision = (): TaskEventBody[] => [
  { type: 'attempt_started', task_id: TASK, at: at(), attempt: 2 },
  { type: 'state_changed', task_id: TASK, at: at(), to: 'generating' },
  { type: 'state_changed', task_id: TASK, at: at(), to: 'validating' },
  { type: 'state_changed', task_id: TASK, at: at(), to: 'pr_open', pull_number: 12 },
];

describe('review10f: Pull Request Opened, once per opening', () => {
  it('FAULT: duplicate milestone: each review-feedback revision pushed to the open PR #12 sends another Pull Request Opened for #12 (three revisions: four events), so a consumer counting opened PRs counts four', () => {
    const sent = milestones([...opened, ...revision(), ...revision(), ...revision()]);
    const openedTwelve = sent.filter(
      (event) => event.detailType === 'Pull Request Opened' && event.detail.pull_number === 12,
    );
    // The right answer: #12 was opened once and never closed, so it is announced once.
    expect(openedTwelve).toHaveLength(1);
  });

  it('a revision after a request for changes, and a /retry after a failed revision, open nothing either', () => {
    const sent = milestones([
      ...opened,
      { type: 'state_changed', task_id: TASK, at: at(), to: 'changes_requested' },
      ...revision(),
      { type: 'state_changed', task_id: TASK, at: at(), to: 'generating' },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'failed' },
      { type: 'task_received', task_id: TASK, at: at(), repo: 'acme/shop', issue_number: 7 },
      ...revision(),
    ]);
    expect(sent.filter((event) => event.detailType === 'Pull Request Opened')).toHaveLength(1);
  });

  it('a new pull request (another number) is announced, and a reopen after a revision once more', () => {
    const sent = milestones([
      ...opened,
      ...revision(),
      // Closed on GitHub (a /cancel alone leaves it open), then reopened.
      { type: 'pull_closed', task_id: TASK, at: at(), pull_number: 12 },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'cancelled' },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'pr_open', pull_number: 12 },
      ...revision(),
      { type: 'state_changed', task_id: TASK, at: at(), to: 'cancelled' },
      { type: 'task_received', task_id: TASK, at: at(), repo: 'acme/shop', issue_number: 7 },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'generating' },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'validating' },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'pr_open', pull_number: 13 },
    ]);
    expect(
      sent
        .filter((event) => event.detailType === 'Pull Request Opened')
        .map((event) => event.detail.pull_number),
    ).toEqual([12, 12, 13]);
  });

  it('a record from before openings were kept (a marker of an open PR) announces no revision, and a reopen still', () => {
    let record: TaskRecord | undefined;
    for (const body of opened) record = applyTaskEvent(record, body).record;
    const { pull_opened_version: _opened, ...legacy } = record!;
    let current: TaskRecord = legacy;
    const sent: LifecycleEvent[] = [];
    for (const body of [
      ...revision(),
      { type: 'state_changed', task_id: TASK, at: at(), to: 'cancelled' } as const,
      { type: 'state_changed', task_id: TASK, at: at(), to: 'pr_open', pull_number: 12 } as const,
    ]) {
      const applied = applyTaskEvent(current, body);
      current = applied.record;
      const milestone = lifecycleEventFor(applied.event, applied.record);
      if (milestone !== undefined) sent.push(milestone);
    }
    expect(sent.map((event) => event.detailType)).toEqual(['Task Cancelled', 'Pull Request Opened']);
  });

  it('holds: a closed PR reopened is announced again, as the README says', () => {
    const sent = milestones([
      ...opened,
      { type: 'pull_closed', task_id: TASK, at: at(), pull_number: 12 },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'cancelled' },
      { type: 'state_changed', task_id: TASK, at: at(), to: 'pr_open', pull_number: 12 },
    ]);
    expect(sent.map((event) => event.detailType)).toEqual([
      'Task Received',
      'Pull Request Opened',
      'Task Cancelled',
      'Pull Request Opened',
    ]);
  });
});
