/**
 * review10f (attack on issue #10): a task log's `pending_events` past its cap.
 *
 * A task no trusted status comment carries (a deploy run of a task whose comment is display-only)
 * moves in the tasks table itself (`openTaskJournal` → `recordTaskEvent`); while the results table
 * refuses writes, the record carries the unappended events (`pending_events`, at most 100).
 *
 * Tried and held: a short outage of the results table (a few steps) loses nothing and the next step
 * appends every carried event; the journal's step warns while events are carried; the record handed
 * back never shows `pending_events`; the status marker's own `unmirrored` list names what it drops
 * (review10-outage covers it).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDynamoDbTaskEventStore } from '../../../src/aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../../../src/aws/dynamodb/dynamodb-task-store.js';
import type { TaskEvent, TaskEventBody } from '../../../src/core/task/task-event.js';
import { MAX_PENDING_EVENTS } from '../../../src/core/task/task-record.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';

const TASKS = 'ImplementationTasks';
const RESULTS = 'ImplementationResults';
const TASK_ID = 'acme/shop#12';
const documentMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));

/** What the SDK throws once its retries are spent: the deploy role lacks PutItem on the results table, say. */
const denied = () =>
  Object.assign(new Error('User is not authorized to perform: dynamodb:PutItem on ImplementationResults'), {
    name: 'AccessDeniedException',
  });

/** Both tables behind the mocked client, conditional puts as DynamoDB does them; the results table refuses writes while `resultsDown`. */
function tables() {
  const tasks = new Map<string, Record<string, unknown>>();
  const results = new Map<string, Record<string, unknown>>();
  const state = { resultsDown: false };
  const conditionFailed = () =>
    Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
  documentMock.on(GetCommand).callsFake(async (input: { TableName: string; Key: Record<string, string> }) => {
    if (input.TableName === TASKS) return { Item: structuredClone(tasks.get(input.Key['task_id']!)) };
    return { Item: structuredClone(results.get(`${input.Key['task_id']}|${input.Key['sk']}`)) };
  });
  documentMock
    .on(PutCommand)
    .callsFake(async (input: { TableName: string; Item: Record<string, unknown> }) => {
      const item = structuredClone(input.Item);
      if (input.TableName === RESULTS) {
        if (state.resultsDown) throw denied();
        const key = `${String(item['task_id'])}|${String(item['sk'])}`;
        if (results.has(key)) throw conditionFailed();
        results.set(key, item);
        return {};
      }
      const values = (input as { ExpressionAttributeValues?: Record<string, unknown> })
        .ExpressionAttributeValues;
      const stored = tasks.get(String(item['task_id']));
      if ((stored?.['version'] ?? 0) !== (values?.[':expected'] ?? 0)) throw conditionFailed();
      tasks.set(String(item['task_id']), item);
      return {};
    });
  documentMock.on(QueryCommand).callsFake(async () => ({ Items: structuredClone([...results.values()]) }));
  const log = {
    tasks: createDynamoDbTaskStore({ client, tableName: TASKS }),
    events: createDynamoDbTaskEventStore({ client, tableName: RESULTS }),
  };
  return { log, state, tasks };
}

const at = (second: number) => new Date(Date.parse('2026-11-30T10:00:00.000Z') + second * 1000).toISOString();

/** One deploy run's two steps of staging deployment `id`. */
function deployRun(id: number): TaskEventBody[] {
  const base = { task_id: TASK_ID, environment: 'staging', deployment_id: id, sha: 'a'.repeat(40) };
  return [
    { type: 'deploy_started', ...base, at: at(id * 2) },
    { type: 'deploy_finished', ...base, at: at(id * 2 + 1), succeeded: true },
  ];
}

/** Sequences an `events_lost` event names, flattened. */
function namedLost(events: readonly TaskEvent[]): Set<number> {
  const lost = new Set<number>();
  for (const event of events) {
    if (event.type !== 'events_lost') continue;
    for (const [first, last] of event.sequences) for (let s = first; s <= last; s += 1) lost.add(s);
  }
  return lost;
}

beforeEach(() => documentMock.reset());

describe('review10f: a results-table outage longer than the record carries', () => {
  it('FAULT: silent loss: past 100 unappended events the oldest are dropped from pending_events with no events_lost and no warning naming them (the step warning still says the record carries them and the next step appends them), so the results table has a hole no record names', async () => {
    const { log, state } = tables();
    const journal = openTaskJournal({ taskId: TASK_ID, log });
    await journal.record([{ type: 'task_received', task_id: TASK_ID, at: at(0), repo: 'acme/shop' }]);

    // 51 deploy runs (102 steps) while the results table refuses writes.
    state.resultsDown = true;
    const warnings: string[] = [];
    for (let id = 1; id <= 51; id += 1)
      for (const step of deployRun(id)) warnings.push((await journal.record([step])).warning ?? '');
    state.resultsDown = false;
    await journal.record(deployRun(52).slice(0, 1));
    // The step that dropped events says so, naming them and the gap event.
    expect(warnings.at(-1)).toMatch(
      /event\(s\) no longer fit the record and were dropped unappended \(\d+ deploy_\w+\).*an events_lost event \(sequence \d+\) records the gap/,
    );

    const record = await journal.current();
    const held = await log.events.list(TASK_ID);
    const lost = namedLost(held);
    // The setup holds: the outage outlasted what the record carries.
    expect(record?.version).toBeGreaterThan(MAX_PENDING_EVENTS + 2);
    // The right answer: every sequence the record took is in the results table, or an
    // events_lost event there names it (as the status marker's own drops do).
    const heldSequences = new Set(held.map((event) => event.sequence));
    const missing: number[] = [];
    for (let sequence = 1; sequence <= record!.version; sequence += 1) {
      if (!heldSequences.has(sequence) && !lost.has(sequence)) missing.push(sequence);
    }
    expect(missing).toEqual([]);
  });

  it('an outage far past the cap folds each gap into the next: one gap event carried, every sequence held or named, the last gap event naming them all', async () => {
    const { log, state, tasks } = tables();
    const journal = openTaskJournal({ taskId: TASK_ID, log });
    await journal.record([{ type: 'task_received', task_id: TASK_ID, at: at(0), repo: 'acme/shop' }]);
    state.resultsDown = true;
    for (let id = 1; id <= 80; id += 1) for (const step of deployRun(id)) await journal.record([step]);
    const carried = tasks.get(TASK_ID)?.['pending_events'] as TaskEvent[];
    expect(carried).toHaveLength(MAX_PENDING_EVENTS);
    expect(carried.filter((event) => event.type === 'events_lost')).toHaveLength(1);
    state.resultsDown = false;
    await journal.record(deployRun(81).slice(0, 1));

    const record = await journal.current();
    const held = await log.events.list(TASK_ID);
    const heldSequences = new Set(held.map((event) => event.sequence));
    const lost = namedLost(
      held.filter(
        (event) =>
          event.sequence === Math.max(...held.filter((e) => e.type === 'events_lost').map((e) => e.sequence)),
      ),
    );
    const missing: number[] = [];
    const both: number[] = [];
    for (let sequence = 1; sequence <= record!.version; sequence += 1) {
      if (!heldSequences.has(sequence) && !lost.has(sequence)) missing.push(sequence);
      if (heldSequences.has(sequence) && lost.has(sequence)) both.push(sequence);
    }
    expect(missing).toEqual([]);
    // Named though held: only the step appended before the outage, which rode in the record until
    // the next write confirmed it again (it could not, the table being down).
    expect(both).toEqual([1]);
    // Its count is exact: the ranges it names.
    const last = held.findLast((event) => event.type === 'events_lost');
    expect(last?.type === 'events_lost' && last.count).toBe(lost.size);
  });

  it('holds: an outage the record can carry loses nothing', async () => {
    const { log, state } = tables();
    const journal = openTaskJournal({ taskId: TASK_ID, log });
    await journal.record([{ type: 'task_received', task_id: TASK_ID, at: at(0), repo: 'acme/shop' }]);
    state.resultsDown = true;
    for (let id = 1; id <= 10; id += 1) for (const step of deployRun(id)) await journal.record([step]);
    state.resultsDown = false;
    await journal.record(deployRun(11).slice(0, 1));
    const held = await log.events.list(TASK_ID);
    expect(held.map((event) => event.sequence)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });
});
