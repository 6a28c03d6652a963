/**
 * Review 10h (attack on issue #10): many writers on one task's log at once, against dynalite.
 *
 * A task no trusted status comment carries (a deploy run of a task whose comment is display-only;
 * the CLI) moves in the tasks table itself: `recordTaskEvent` reads the record, applies the step and
 * puts it on condition of the version read, and on a conflict reads again and re-applies — at most
 * `MAX_ATTEMPTS` (5) times, with no pause between tries. Deploy on merge to several environments
 * (regions, stages) starts one deploy run per environment at the same moment: with six or more
 * writers in one round, the last one loses five rounds in a row and its step is thrown away
 * (`TaskVersionConflictError`), though nothing about it was wrong. The issue: "a conflict re-reads
 * and re-applies", and the record "must be complete and never lost".
 *
 * The FAULT case is made deterministic: the other five runs' steps land between this run's read and
 * its conditional put (a store wrapper), which is what six runs reading at once do to the last one
 * to write. Unforced, eight environments deployed at once against dynalite lost two or three steps
 * in each of three runs here.
 *
 * Tried and held: three writers at once all land (one round each at most).
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
import type { TaskLog } from '../../../src/pipeline/mirror/record-task-event.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'dynalite', secretAccessKey: 'dynalite' };
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let endpoint = '';
let client: DynamoDBDocumentClient;
let log: TaskLog;

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
  log = {
    tasks: createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' }),
    events: createDynamoDbTaskEventStore({ client, tableName: 'ImplementationResults' }),
  };
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

async function deployAtOnce(taskId: string, environments: readonly string[]) {
  await recordTaskEvent({
    log,
    event: {
      type: 'task_received',
      task_id: taskId,
      at: '2026-11-24T10:00:00.000Z',
      repo: 'acme/shop',
      issue_number: 7,
    },
  });
  const outcomes = await Promise.allSettled(
    environments.map((environment, index) =>
      recordTaskEvent({
        log,
        event: {
          type: 'deploy_started',
          task_id: taskId,
          at: '2026-11-24T10:05:00.000Z',
          environment,
          deployment_id: 600 + index,
          sha: 'a'.repeat(40),
        },
      }),
    ),
  );
  return { outcomes, record: await log.tasks.get(taskId), events: await log.events.list(taskId) };
}

describe('review10h: many deploy runs writing one task log at once', () => {
  it('held: three environments deployed at once are all recorded', async () => {
    const environments = ['staging', 'production-us', 'production-eu'];
    const { outcomes, record } = await deployAtOnce('acme/shop#7', environments);
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(Object.keys(record?.environments ?? {}).sort()).toEqual([...environments].sort());
  });

  it('fixed: (was a lost step under contention) a deploy run whose every read is overtaken by another run of a deploy at once (six environments) retries with jittered backoff until its step lands', async () => {
    const taskId = 'acme/shop#8';
    await recordTaskEvent({
      log,
      event: {
        type: 'task_received',
        task_id: taskId,
        at: '2026-11-24T10:00:00.000Z',
        repo: 'acme/shop',
        issue_number: 8,
      },
    });
    const others = ['us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1'];
    const started = (environment: string, deploymentId: number) => ({
      type: 'deploy_started' as const,
      task_id: taskId,
      at: '2026-11-24T10:05:00.000Z',
      environment,
      deployment_id: deploymentId,
      sha: 'a'.repeat(40),
    });
    // The five other runs, each landing its step between this run's read and its conditional put:
    // what happens when six runs read at once and this one is the last to write.
    let overtaken = 0;
    const contended: TaskLog = {
      events: log.events,
      tasks: {
        ...log.tasks,
        get: async (id) => {
          const read = await log.tasks.get(id);
          const other = others[overtaken];
          if (other !== undefined) {
            overtaken += 1;
            await recordTaskEvent({ log, event: started(other, 700 + overtaken) });
          }
          return read;
        },
        put: (record, expected, options) => log.tasks.put(record, expected, options),
        listByStatus: (params) => log.tasks.listByStatus(params),
      },
    };
    await expect(
      recordTaskEvent({ log: contended, event: started('us-east-1', 700) }),
    ).resolves.toBeDefined();
    const record = await log.tasks.get(taskId);
    expect(Object.keys(record?.environments ?? {}).sort()).toEqual(['us-east-1', ...others].sort());
  });
});
