import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDynamoDbTaskEventStore } from '../../../src/aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../../../src/aws/dynamodb/dynamodb-task-store.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';

const TASKS = 'ImplementationTasks';
const RESULTS = 'ImplementationResults';
const TASK_ID = 'acme/shop#12';
const documentMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));

/** What the SDK throws once its retries are spent on an endpoint that refuses connections. */
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:443'), { code: 'ECONNREFUSED', name: 'Error' });

/**
 * The two tables as DynamoDB keeps them, behind the mocked client: conditional puts as the stores
 * send them, the results table refusing connections while `resultsDown` is set.
 */
function tables() {
  const tasks = new Map<string, Record<string, unknown>>();
  const results = new Map<string, Record<string, unknown>>();
  const state = { resultsDown: false };
  const conditionFailed = () =>
    Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
  documentMock.on(GetCommand).callsFake(async (input: { TableName: string; Key: Record<string, string> }) => {
    const table = input.TableName === TASKS ? tasks : results;
    const key =
      input.TableName === TASKS ? input.Key['task_id']! : `${input.Key['task_id']}|${input.Key['sk']}`;
    if (input.TableName === RESULTS && state.resultsDown) throw refused();
    return { Item: table.get(key) };
  });
  documentMock
    .on(PutCommand)
    .callsFake(async (input: { TableName: string; Item: Record<string, unknown> }) => {
      const item = structuredClone(input.Item);
      if (input.TableName === RESULTS) {
        if (state.resultsDown) throw refused();
        const key = `${String(item['task_id'])}|${String(item['sk'])}`;
        if (results.has(key)) throw conditionFailed();
        results.set(key, item);
      } else {
        const values = (input as { ExpressionAttributeValues?: Record<string, unknown> })
          .ExpressionAttributeValues;
        const stored = tasks.get(String(item['task_id']));
        if ((stored?.['version'] ?? 0) !== (values?.[':expected'] ?? 0)) throw conditionFailed();
        tasks.set(String(item['task_id']), item);
      }
      return {};
    });
  documentMock.on(QueryCommand).callsFake(async () => {
    if (state.resultsDown) throw refused();
    return { Items: [...results.values()] };
  });
  const log = {
    tasks: createDynamoDbTaskStore({ client, tableName: TASKS }),
    events: createDynamoDbTaskEventStore({ client, tableName: RESULTS }),
  };
  const sequences = () => [...results.values()].map((item) => item['sequence']).sort();
  return { log, state, sequences, tasks };
}

const at = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, '0')}:00.000Z`;
const received: TaskEventBody = { type: 'task_received', task_id: TASK_ID, at: at(0), repo: 'acme/shop' };
const deployStarted = (minute: number, deploymentId: number): TaskEventBody => ({
  type: 'deploy_started',
  task_id: TASK_ID,
  at: at(minute),
  environment: 'staging',
  deployment_id: deploymentId,
  sha: 'a'.repeat(40),
});
const deployFinished = (minute: number, deploymentId: number): TaskEventBody => ({
  type: 'deploy_finished',
  task_id: TASK_ID,
  at: at(minute),
  environment: 'staging',
  deployment_id: deploymentId,
  succeeded: true,
});

beforeEach(() => documentMock.reset());

describe('recordTaskEvent when the results table fails after the record is written (no status comment to carry it)', () => {
  it('carries the event in the record and appends it on the next write: none lost', async () => {
    const { log, state, sequences, tasks } = tables();
    await recordTaskEvent({ log, event: received });

    state.resultsDown = true;
    const during = await recordTaskEvent({ log, event: deployStarted(1, 7) });
    expect(during.record.version).toBe(2);
    expect(during.unappended).toMatch(/ECONNREFUSED/);
    expect(sequences()).toEqual([1]);
    // The table's record carries the step (and the one before, which the outage kept from being
    // confirmed again); what the caller gets (rendered, mirrored) does not.
    expect((tasks.get(TASK_ID)?.['pending_events'] as { sequence: number }[]).map((e) => e.sequence)).toEqual(
      [1, 2],
    );
    expect(during.record).not.toHaveProperty('pending_events');

    state.resultsDown = false;
    const after = await recordTaskEvent({ log, event: deployFinished(2, 7) });
    expect(after.unappended).toBeUndefined();
    expect(sequences()).toEqual([1, 2, 3]);
    expect((await log.events.list(TASK_ID)).map((event) => event.type)).toEqual([
      'task_received',
      'deploy_started',
      'deploy_finished',
    ]);
  });

  it('keeps carrying every unconfirmed event across several writes in the outage', async () => {
    const { log, state, sequences } = tables();
    await recordTaskEvent({ log, event: received });
    state.resultsDown = true;
    await recordTaskEvent({ log, event: deployStarted(1, 7) });
    await recordTaskEvent({ log, event: deployFinished(2, 7) });
    await recordTaskEvent({ log, event: deployStarted(3, 8) });
    state.resultsDown = false;
    await recordTaskEvent({ log, event: deployFinished(4, 8) });
    expect(sequences()).toEqual([1, 2, 3, 4, 5]);
  });

  it('through the journal (a deploy run of a task with no status comment): a warning, then the events catch up', async () => {
    const { log, state, sequences } = tables();
    const journal = openTaskJournal({ taskId: TASK_ID, log });
    await journal.record([received]);
    state.resultsDown = true;
    const during = await journal.record([deployStarted(1, 7)]);
    expect(during.warning).toMatch(/could not be appended .*ECONNREFUSED.*next step appends them again/);
    expect(await journal.current()).not.toHaveProperty('pending_events');
    state.resultsDown = false;
    expect((await journal.record([deployFinished(2, 7)])).warning).toBeUndefined();
    expect(sequences()).toEqual([1, 2, 3]);
  });
});
