/**
 * review10f (attack on issue #10): convergence after an outage that shortened the marker's copies.
 *
 * A sync appends its events first, then writes the record (`syncTaskMirror`). An outage that starts
 * between the two leaves the results table holding an outcome event (sequence 6, its message whole)
 * while the tasks table stays at version 5 and the marker keeps the event unconfirmed. As the outage
 * goes on, the marker's copies of older outcome events are shortened to fit the comment
 * (`fitUnmirrored`: status, reason code, the message's first 200 characters). When the mirror is
 * back, the next step offers that shortened copy: it lands on the key the whole event holds, the
 * results table answers `TaskEventConflictError`, and the sync's main loop does not catch it (only
 * `appendMissingBelow`, for events at or below the mirror's version, does). The sync comes back
 * `behind` ("could not be written") before writing anything after it — and every later step offers
 * the same copy again, so the mirror never catches up.
 *
 * Tried and held: an unshortened copy of an event the results table holds is `already-present`
 * and the sync catches up.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fitUnmirrored } from '../../../src/core/state/fit-unmirrored.js';
import { eventSortKey } from '../../../src/core/task/event-sort-key.js';
import { shortOutcomeEvent } from '../../../src/core/task/short-outcome-event.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import type { TaskEvent, TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { syncTaskMirror } from '../../../src/pipeline/mirror/sync-task-mirror.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDynamoDbTaskEventStore } from '../../../src/aws/dynamodb/dynamodb-task-event-store.js';
import { TaskEventConflictError } from '../../../src/core/stores/task-event-store.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

const TASK = 'acme/shop#7';
const at = (second: number) => new Date(Date.parse('2026-11-30T10:00:00.000Z') + second * 1000).toISOString();
const longMessage = `Validation failed after 3 attempt(s): ${'the template names a bucket policy it does not define; '.repeat(20)}`;

function life(): { record: TaskRecord; events: TaskEvent[] } {
  const bodies: TaskEventBody[] = [
    { type: 'task_received', task_id: TASK, at: at(0), repo: 'acme/shop', issue_number: 7 },
    { type: 'state_changed', task_id: TASK, at: at(1), to: 'generating' },
    { type: 'attempt_started', task_id: TASK, at: at(2), attempt: 1 },
    { type: 'state_changed', task_id: TASK, at: at(3), to: 'validating' },
    { type: 'state_changed', task_id: TASK, at: at(4), to: 'failed' },
    {
      type: 'outcome_recorded',
      task_id: TASK,
      at: at(4),
      outcome: { version: 1, status: 'failed', reasonCode: 'failed', message: longMessage, taskId: TASK },
    },
    { type: 'task_received', task_id: TASK, at: at(10), repo: 'acme/shop', issue_number: 7 },
    { type: 'state_changed', task_id: TASK, at: at(11), to: 'generating' },
  ];
  let record: TaskRecord | undefined;
  const events: TaskEvent[] = [];
  for (const body of bodies) {
    const applied = applyTaskEvent(record, body);
    record = applied.record;
    events.push(applied.event);
  }
  return { record: record!, events };
}

async function mirrorHoldingWholeOutcome() {
  const { record, events } = life();
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'shortened-')));
  // Synced up to version 5, then the step of version 6 appended its event before the outage.
  const upToFive = events.slice(0, 5);
  let five: TaskRecord | undefined;
  for (const event of upToFive) five = applyTaskEvent(five, event).record;
  await syncTaskMirror({ record: five!, events: upToFive, mirror });
  await mirror.events.append(events[5]!);
  return { record, events, mirror };
}

describe('review10f: the mirror back after an outage that shortened the marker', () => {
  it("FAULT: never converges: the marker's shortened copy of an outcome event the results table holds whole makes every sync fail (TaskEventConflictError, not caught above the mirror's version): the tasks table stays at version 5 for good", async () => {
    const { record, events, mirror } = await mirrorHoldingWholeOutcome();
    // The marker's copies, as the outage left them: the outcome event shortened to fit the comment.
    const carried = fitUnmirrored({ events: events.slice(5), maxEvents: 40, maxChars: 1000 });
    expect(carried.shortened).toBe(1);
    expect(carried.dropped).toEqual([]);

    const result = await syncTaskMirror({ record, events: carried.kept, mirror });
    // The right answer: the mirror catches up to the comment's record, keeping the whole event it holds.
    expect(result.status).not.toBe('behind');
    expect((await mirror.tasks.get(TASK))?.version).toBe(record.version);
    expect((await mirror.events.list(TASK)).map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The whole event stays; the short copy did not replace it.
    expect((await mirror.events.list(TASK))[5]).toEqual(events[5]);
  });

  it('holds: the whole copy of that event is already present, and the sync catches up', async () => {
    const { record, events, mirror } = await mirrorHoldingWholeOutcome();
    const result = await syncTaskMirror({ record, events: events.slice(5), mirror });
    expect(result.status).toBe('caught-up');
    expect((await mirror.tasks.get(TASK))?.version).toBe(8);
  });

  it('the results table answers already-present for the short copy, from either store (filesystem and DynamoDB)', async () => {
    const { events, mirror } = await mirrorHoldingWholeOutcome();
    const short = shortOutcomeEvent(events[5]!);
    expect(short).not.toEqual(events[5]);
    await expect(mirror.events.append(short)).resolves.toBe('already-present');

    const documentMock = mockClient(DynamoDBDocumentClient);
    try {
      documentMock.on(PutCommand).rejects(conditionFailed());
      // The whole event at that key, as the results table keeps it (its sort key beside the event's fields).
      documentMock.on(GetCommand).resolves({ Item: { ...events[5]!, sk: eventSortKey(events[5]!) } });
      const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
      const results = createDynamoDbTaskEventStore({ client, tableName: 'ImplementationResults' });
      await expect(results.append(short)).resolves.toBe('already-present');
      // A different outcome at that key is still a conflict.
      if (short.type !== 'outcome_recorded') throw new Error('expected the outcome event');
      const other: TaskEvent = {
        ...short,
        outcome: { version: 1, status: 'deployed', reasonCode: 'deployed', message: 'done' },
      };
      await expect(results.append(other)).rejects.toThrow(TaskEventConflictError);
    } finally {
      documentMock.restore();
    }
  });

  it("another run's event at an offered event's key never stops the sync: the record is written, the warning names the other run, and the next sync is in sync", async () => {
    const { record, events } = life();
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'shortened-other-')));
    let five: TaskRecord | undefined;
    for (const event of events.slice(0, 5)) five = applyTaskEvent(five, event).record;
    await syncTaskMirror({ record: five!, events: events.slice(0, 5), mirror });
    // Another run's outcome took sequence 6's key (same step, another message from its first word).
    const theirs = events[5]!;
    if (theirs.type !== 'outcome_recorded') throw new Error('expected the outcome event');
    await mirror.events.append({ ...theirs, outcome: { ...theirs.outcome, message: 'Another run failed.' } });

    const first = await syncTaskMirror({ record, events: events.slice(5), mirror });
    expect(first).toMatchObject({ status: 'behind', warning: expect.stringContaining('another run') });
    expect((await mirror.tasks.get(TASK))?.version).toBe(8);
    expect((await mirror.events.list(TASK)).map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await syncTaskMirror({ record, events: events.slice(5), mirror })).status).toBe('in-sync');
  });

  it('the status board drops from its marker a short copy the results table holds whole (it is mirrored), rather than carrying it for good', async () => {
    const { events, mirror } = await mirrorHoldingWholeOutcome();
    // The marker as a run during the outage left it: version 6, the outcome's copy shortened, unconfirmed.
    const short = shortOutcomeEvent(events[5]!);
    let six: TaskRecord | undefined;
    for (const event of events.slice(0, 6)) six = applyTaskEvent(six, event).record;
    const marker: TaskMarker = {
      task_id: TASK,
      state: 'failed',
      attempt: 1,
      cost_usd: 0,
      created_at: at(0),
      updated_at: at(4),
      version: 6,
      unmirrored: [short],
    };
    const bodies: string[] = [];
    const board = createStatusBoard({
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => ({ data: { id: 900 } }),
          updateComment: async (params: { body: string }) => (bodies.push(params.body), {}),
        },
      },
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK,
      existing: { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
      signingKey: undefined,
      mirrors: mirror,
    });
    await board.move('received');
    const written = parseStateMarker(bodies.at(-1)!)!;
    expect((written.unmirrored ?? []).some((event) => event.sequence === 6)).toBe(false);
    expect(written.version).toBe((await mirror.tasks.get(TASK))?.version);
    expect((await mirror.events.list(TASK))[5]).toEqual(events[5]);
    expect((await mirror.events.list(TASK)).filter((event) => event.type === 'events_lost')).toEqual([]);
  });
});
