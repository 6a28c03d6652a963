import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEvent, TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { mirrorTaskStep } from '../../../src/pipeline/mirror/mirror-task-step.js';

const TASK = 'acme/shop#7';
const outcome = (reasonCode: string) =>
  ({ version: 1, status: 'ok', reasonCode, message: reasonCode }) as never;

/** Applies bodies in order, as the status board does for one move: each event with the record it produced. */
function applyAll(record: TaskRecord | undefined, bodies: readonly TaskEventBody[]) {
  const steps: { record: TaskRecord; event: TaskEvent }[] = [];
  let current = record;
  for (const body of bodies) {
    const applied = applyTaskEvent(current, body);
    current = applied.record;
    steps.push(applied);
  }
  return { record: current!, steps };
}

async function published(record: TaskRecord, steps: { record: TaskRecord; event: TaskEvent }[]) {
  const sent: LifecycleEvent[] = [];
  await mirrorTaskStep({
    mirror: { publisher: { publish: async (events) => void sent.push(...events) } },
    record,
    unmirrored: [],
    steps,
  });
  return sent;
}

describe('mirrorTaskStep lifecycle events', () => {
  // A retry after a failed attempt: the record's last outcome is the failure until this move records its own.
  const failedEarlier = applyAll(undefined, [
    { type: 'task_received', task_id: TASK, repo: 'acme/shop', at: '2026-11-24T10:00:00Z' },
    { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:00:01Z', to: 'generating' },
    { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:00:02Z', to: 'failed' },
    { type: 'outcome_recorded', task_id: TASK, at: '2026-11-24T10:00:02Z', outcome: outcome('failed') },
  ]).record;

  it('gives a milestone the reason code of the outcome its own move recorded, not the one before', async () => {
    const move = applyAll(failedEarlier, [
      { type: 'task_received', task_id: TASK, repo: 'acme/shop', at: '2026-11-24T10:05:00Z' },
      { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:05:01Z', to: 'generating' },
      { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:05:01Z', to: 'validating' },
      { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:05:02Z', to: 'pr_open', pull_number: 12 },
      { type: 'outcome_recorded', task_id: TASK, at: '2026-11-24T10:05:02Z', outcome: outcome('pr_opened') },
    ]);
    const sent = await published(move.record, move.steps);
    expect(sent.map((event) => [event.detailType, event.detail.reason_code])).toEqual([
      ['Task Received', undefined],
      ['Pull Request Opened', 'pr_opened'],
    ]);
  });

  it('leaves the reason code out of a milestone whose move recorded no outcome', async () => {
    const move = applyAll(failedEarlier, [
      { type: 'task_received', task_id: TASK, repo: 'acme/shop', at: '2026-11-24T10:05:00Z' },
      { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:05:01Z', to: 'generating' },
      { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:05:01Z', to: 'validating' },
      { type: 'state_changed', task_id: TASK, at: '2026-11-24T10:05:02Z', to: 'pr_open', pull_number: 12 },
    ]);
    const sent = await published(move.record, move.steps);
    expect(sent.map((event) => event.detail.reason_code)).toEqual([undefined, undefined]);
  });
});
