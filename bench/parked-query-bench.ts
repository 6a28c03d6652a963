import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { createDocumentClient } from '../src/aws/dynamodb/create-dynamodb-client.js';
import { createDynamoDbTaskEventStore } from '../src/aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../src/aws/dynamodb/dynamodb-task-store.js';
import { resultsTableDefinition, tasksTableDefinition } from '../src/aws/dynamodb/task-table-definitions.js';
import type { TaskEventBody } from '../src/core/task/task-event.js';
import { recordTaskEvent, type TaskLog } from '../src/pipeline/mirror/record-task-event.js';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'dynalite', secretAccessKey: 'dynalite' };
/** Record writes per task, tasks per round, and rounds (each variant once per round, alternating). */
const WRITES_PER_TASK = 10;
const TASKS_PER_ROUND = 10;
const ROUNDS = 7;

/** One variant's cost per record write: wall time (median over the rounds) and DynamoDB requests. */
export interface RecordWriteCost {
  readonly msPerWrite: number;
  readonly requestsPerWrite: number;
}

export interface ParkedQueryBench {
  /** The journal as it is: a write queries the parked steps only when the record's `parked_count` is above 0. */
  readonly journal: RecordWriteCost;
  /** As every write did before `parked_count`: each one queries the task's parked steps (`listParked`). */
  readonly alwaysQuery: RecordWriteCost;
  /** The reference: the same writes with `listParked` answering "none" without a request. */
  readonly withoutQuery: RecordWriteCost;
  readonly writes: number;
}

type Variant = 'journal' | 'alwaysQuery' | 'withoutQuery';
const VARIANTS: readonly Variant[] = ['journal', 'alwaysQuery', 'withoutQuery'];

/**
 * Record writes (`recordTaskEvent`) against dynalite, an in-process DynamoDB over loopback, in
 * three variants in the same run: as the journal writes (no query while `parked_count` is 0), as
 * every write did before (one Query on `parked#<sha256>` keys a write: the record is read as if a
 * step had been parked, and none is listed), and without any query (the reference). No step is
 * parked, as on nearly every write. Loopback hides network latency: against AWS each request adds
 * a round trip, so the request count is the figure that carries over; the time ratio is the floor.
 */
export async function benchParkedQuery(): Promise<ParkedQueryBench> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createDocumentClient({ region: REGION, endpoint, credentials: CREDENTIALS });
  let requests = 0;
  const counted = {
    send: (command: Parameters<typeof client.send>[0]) => ((requests += 1), client.send(command)),
  };
  try {
    await createTables(endpoint);
    const tasks = createDynamoDbTaskStore({ client: counted, tableName: 'tasks' });
    const events = createDynamoDbTaskEventStore({ client: counted, tableName: 'results' });
    const logs: Record<Variant, TaskLog> = {
      journal: { tasks, events },
      alwaysQuery: {
        tasks: {
          ...tasks,
          get: async (taskId) => {
            const record = await tasks.get(taskId);
            return record === undefined ? undefined : { ...record, parked_count: 1 };
          },
        },
        events,
      },
      withoutQuery: { tasks, events: { ...events, listParked: async () => [] } },
    };
    const samples: Record<Variant, number[]> = { journal: [], alwaysQuery: [], withoutQuery: [] };
    const requestCounts: Record<Variant, number> = { journal: 0, alwaysQuery: 0, withoutQuery: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round starts with another variant, so none always runs first.
      const order = VARIANTS.map((_, index) => VARIANTS[(index + round) % VARIANTS.length]!);
      for (const variant of order) {
        const before = requests;
        const started = performance.now();
        for (let task = 0; task < TASKS_PER_ROUND; task += 1)
          await lifeOf({
            taskId: `bench/${variant}#${round * TASKS_PER_ROUND + task + 1}`,
            log: logs[variant],
          });
        samples[variant].push((performance.now() - started) / (TASKS_PER_ROUND * WRITES_PER_TASK));
        requestCounts[variant] += requests - before;
      }
    }
    const writes = ROUNDS * TASKS_PER_ROUND * WRITES_PER_TASK;
    const cost = (variant: Variant): RecordWriteCost => ({
      msPerWrite: median(samples[variant]),
      requestsPerWrite: requestCounts[variant] / writes,
    });
    return {
      journal: cost('journal'),
      alwaysQuery: cost('alwaysQuery'),
      withoutQuery: cost('withoutQuery'),
      writes,
    };
  } finally {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** One task's `WRITES_PER_TASK` record writes: received, then usage steps. */
async function lifeOf(params: { taskId: string; log: Parameters<typeof recordTaskEvent>[0]['log'] }) {
  const at = '2026-11-30T10:00:00.000Z';
  const received: TaskEventBody = { type: 'task_received', task_id: params.taskId, at, repo: 'bench/repo' };
  await recordTaskEvent({ log: params.log, event: received });
  for (let step = 1; step < WRITES_PER_TASK; step += 1)
    await recordTaskEvent({
      log: params.log,
      event: {
        type: 'usage_recorded',
        task_id: params.taskId,
        at,
        model: 'bench',
        input_tokens: step,
        output_tokens: step,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: 0,
      },
    });
}

async function createTables(endpoint: string): Promise<void> {
  const admin = new DynamoDBClient({ region: REGION, endpoint, credentials: CREDENTIALS });
  try {
    for (const definition of [tasksTableDefinition('tasks'), resultsTableDefinition('results')]) {
      await admin.send(new CreateTableCommand(definition));
      // Even with createTableMs 0, dynalite reports CREATING until its next tick.
      for (let tries = 0; tries < 50; tries += 1) {
        const { Table } = await admin.send(new DescribeTableCommand({ TableName: definition.TableName }));
        if (Table?.TableStatus === 'ACTIVE') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  } finally {
    admin.destroy();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
