/**
 * Review 10h (attack on issue #10): the DynamoDB task and results tables as a dashboard reads them,
 * played against dynalite with the production table definitions and the real document client.
 *
 * Tried and held (asserted here as guards):
 * - the `repo-status-index` follows a task's moves: after `received → generating` the task is listed
 *   under `generating` only, never still under `received`; a query in GitHub's spelling (`Acme/Shop`)
 *   finds the records kept under `acme/shop`;
 * - numbers JavaScript writes in exponent form (a model call costing 3e-7 dollars) and sums with
 *   binary noise (0.1 + 0.2) come back equal, so a replayed usage event is `already-present` and a
 *   record read back is the same document (no endless re-write of an unchanged record);
 * - environment names DynamoDB or expressions might treat specially (`a.b`, `#x`, `:v`, `status`,
 *   non-ASCII) are kept as map keys whole;
 * - two writers at one version: exactly one record lands, the other gets `TaskVersionConflictError`.
 */
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createDocumentClient } from '../../../src/aws/dynamodb/create-dynamodb-client.js';
import { createDynamoDbTaskEventStore } from '../../../src/aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../../../src/aws/dynamodb/dynamodb-task-store.js';
import {
  resultsTableDefinition,
  tasksTableDefinition,
} from '../../../src/aws/dynamodb/task-table-definitions.js';
import { TaskVersionConflictError } from '../../../src/core/stores/task-store.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { isSameDocument } from '../../../src/core/task/same-event.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'dynalite', secretAccessKey: 'dynalite' };
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let endpoint = '';
let client: DynamoDBDocumentClient;

async function createTable(definition: ReturnType<typeof tasksTableDefinition>): Promise<void> {
  const admin = new DynamoDBClient({ region: REGION, endpoint, credentials: CREDENTIALS });
  try {
    await admin.send(new CreateTableCommand(definition));
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { Table } = await admin.send(new DescribeTableCommand({ TableName: definition.TableName }));
      const indexes = Table?.GlobalSecondaryIndexes ?? [];
      if (Table?.TableStatus === 'ACTIVE' && indexes.every((index) => index.IndexStatus === 'ACTIVE')) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`table ${definition.TableName} never became ACTIVE`);
  } finally {
    admin.destroy();
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createDocumentClient({ region: REGION, endpoint, credentials: CREDENTIALS });
  await createTable(tasksTableDefinition('ImplementationTasks'));
  await createTable(resultsTableDefinition('ImplementationResults'));
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

const tasks = () => createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
const results = () => createDynamoDbTaskEventStore({ client, tableName: 'ImplementationResults' });

let issue = 100;
/** An event body without its task and time (distributed over the union, so each kind keeps its fields). */
type Step = TaskEventBody extends infer E ? (E extends unknown ? Omit<E, 'task_id' | 'at'> : never) : never;

function life(repo: string, bodies: readonly Step[]) {
  issue += 1;
  const taskId = `${repo}#${issue}`;
  let record: TaskRecord | undefined;
  const events = [];
  for (const [index, body] of bodies.entries()) {
    const applied = applyTaskEvent(record, {
      ...body,
      task_id: taskId,
      at: `2026-11-24T10:00:0${index}.000Z`,
    } as TaskEventBody);
    record = applied.record;
    events.push(applied.event);
  }
  return { taskId, record: record!, events };
}

describe('review10h: the task tables as a dashboard reads them', () => {
  it('held: the status index follows a move and answers GitHub’s spelling', async () => {
    const received = life('acme/shop', [{ type: 'task_received', repo: 'acme/shop', issue_number: 1 }]);
    await tasks().put(received.record, 0);
    const moved = applyTaskEvent(received.record, {
      type: 'state_changed',
      task_id: received.taskId,
      at: '2026-11-24T10:05:00.000Z',
      to: 'generating',
    }).record;
    await tasks().put(moved, received.record.version);
    const ids = async (status: 'received' | 'generating') =>
      (await tasks().listByStatus({ repo: 'Acme/Shop', status })).map((record) => record.task_id);
    expect(await ids('received')).not.toContain(received.taskId);
    expect(await ids('generating')).toContain(received.taskId);
  });

  it('held: exponent-form and noisy costs round-trip, so a replay is already present and the record unchanged', async () => {
    const { record, events } = life('acme/costs', [
      { type: 'task_received', repo: 'acme/costs', issue_number: 1 },
      {
        type: 'usage_recorded',
        model: 'm',
        input_tokens: 1,
        output_tokens: 0,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: 3e-7,
      },
      {
        type: 'usage_recorded',
        model: 'm',
        input_tokens: 1,
        output_tokens: 0,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: 0.1 + 0.2,
      },
    ]);
    for (const event of events) expect(await results().append(event)).toBe('appended');
    for (const event of events) expect(await results().append(event)).toBe('already-present');
    expect(await results().list(record.task_id)).toEqual(events);
    await tasks().put(record, 0);
    expect(isSameDocument(await tasks().get(record.task_id), record)).toBe(true);
  });

  it('held: environment names with expression characters and non-ASCII stay whole map keys', async () => {
    const names = ['a.b', '#x', ':v', 'status', 'prod eu/1', 'Prödüktion', '生产'];
    const { record } = life('acme/envs', [
      { type: 'task_received', repo: 'acme/envs', issue_number: 1 },
      ...names.map((environment, index) => ({
        type: 'deploy_started' as const,
        environment,
        deployment_id: 500 + index,
        sha: 'a'.repeat(40),
      })),
    ]);
    await tasks().put(record, 0);
    const back = await tasks().get(record.task_id);
    expect(Object.keys(back?.environments ?? {}).sort()).toEqual([...names].sort());
    expect(back).toEqual(record);
  });

  it('held: two writers at one version, exactly one lands', async () => {
    const received = life('acme/race', [{ type: 'task_received', repo: 'acme/race', issue_number: 1 }]);
    await tasks().put(received.record, 0);
    const to = (state: 'generating' | 'cancelled') =>
      applyTaskEvent(received.record, {
        type: 'state_changed',
        task_id: received.taskId,
        at: '2026-11-24T10:05:00.000Z',
        to: state,
      }).record;
    const outcomes = await Promise.allSettled([
      tasks().put(to('generating'), 1),
      tasks().put(to('cancelled'), 1),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(TaskVersionConflictError);
  });
});
