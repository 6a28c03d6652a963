import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDynamoDbTaskEventStore } from '../../../src/aws/dynamodb/dynamodb-task-event-store.js';
import { createDynamoDbTaskStore } from '../../../src/aws/dynamodb/dynamodb-task-store.js';
import { TaskVersionConflictError } from '../../../src/core/stores/task-store.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { receivedRecord } from '../../support/store-contracts/task-store-contract.js';

/**
 * "Loses no update when two writers record events at once" failed once under load. The SDK retries
 * a put whose answer was lost (a reset connection, a timeout, a 500 from a loaded server) although
 * DynamoDB applied it; the retry then fails its own version condition. The store took that for
 * another writer's win: the writer re-applied its change on top of itself (a usage counted twice)
 * and spent its bounded conflict retries on phantom conflicts until it gave up.
 */
const documentMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-2' }));
beforeEach(() => documentMock.reset());

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

/** A table with DynamoDB's conditional put; `loseAnswers` puts land but answer as their retry would. */
function table(loseAnswers: number) {
  const items = new Map<string, Record<string, unknown>>();
  let lost = 0;
  documentMock.on(GetCommand).callsFake((input: { Key: { task_id: string } }) => ({
    Item: items.get(input.Key.task_id),
  }));
  documentMock.on(PutCommand).callsFake((input: PutCommandInput) => {
    const item = input.Item as Record<string, unknown> & { task_id: string };
    const stored = items.get(item.task_id);
    const holds =
      input.ConditionExpression === 'attribute_not_exists(#id)'
        ? stored === undefined
        : stored?.['version'] === input.ExpressionAttributeValues?.[':expected'];
    if (!holds) throw conditionFailed();
    items.set(item.task_id, item);
    if (lost < loseAnswers) {
      lost += 1;
      throw conditionFailed();
    }
    return {};
  });
  return items;
}

describe('review10f: a put that landed but whose answer was lost is not a conflict', () => {
  it('FAULT: the store reports the landed put as written', async () => {
    table(1);
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    await expect(tasks.put(receivedRecord('acme/shop#1'), 0)).resolves.toBeUndefined();
    expect(await tasks.get('acme/shop#1')).toEqual(receivedRecord('acme/shop#1'));
  });

  it('a put that landed and whose answer the SDK gave up on (no HTTP status) is written', async () => {
    const items = table(0);
    documentMock.on(PutCommand).callsFakeOnce((input: PutCommandInput) => {
      const item = input.Item as Record<string, unknown> & { task_id: string };
      items.set(item.task_id, item);
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
    });
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    await expect(tasks.put(receivedRecord('acme/shop#1'), 0)).resolves.toBeUndefined();
  });

  it('a put the SDK gave up on that did not land is a failed write, not a conflict', async () => {
    table(0);
    documentMock
      .on(PutCommand)
      .rejectsOnce(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    const written = tasks.put(receivedRecord('acme/shop#1'), 0);
    await expect(written).rejects.toThrow(/socket hang up/);
    await expect(written).rejects.not.toBeInstanceOf(TaskVersionConflictError);
  });

  it('a real conflict (another writer’s item) is still a conflict', async () => {
    const items = table(0);
    items.set('acme/shop#1', { ...receivedRecord('acme/shop#1'), write_id: 'another-writer' });
    const tasks = createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' });
    await expect(tasks.put(receivedRecord('acme/shop#1'), 0)).rejects.toBeInstanceOf(
      TaskVersionConflictError,
    );
  });

  it('FAULT: a recorded usage whose answer was lost is counted once, at the next version', async () => {
    const items = table(0);
    const log = {
      tasks: createDynamoDbTaskStore({ client, tableName: 'ImplementationTasks' }),
      events: createDynamoDbTaskEventStore({ client, tableName: 'ImplementationResults' }),
    };
    await recordTaskEvent({
      log,
      event: {
        type: 'task_received',
        task_id: 'acme/shop#2',
        at: '2026-11-24T10:00:00.000Z',
        repo: 'acme/shop',
      },
    });
    // The next task-table put lands and then answers as its retry would.
    let armed = true;
    documentMock.on(PutCommand).callsFake((input: PutCommandInput) => {
      const item = input.Item as Record<string, unknown> & { task_id: string; sk?: string };
      const key = item.sk === undefined ? item.task_id : `${item.task_id}|${item.sk}`;
      const stored = items.get(key);
      const expected = input.ExpressionAttributeValues?.[':expected'];
      const holds = expected === undefined ? stored === undefined : stored?.['version'] === expected;
      if (!holds) throw conditionFailed();
      items.set(key, item);
      if (armed && item.sk === undefined) {
        armed = false;
        throw conditionFailed();
      }
      return {};
    });
    const applied = await recordTaskEvent({
      log,
      event: {
        type: 'usage_recorded',
        task_id: 'acme/shop#2',
        at: '2026-11-24T10:00:01.000Z',
        model: 'offline:application',
        input_tokens: 10,
        output_tokens: 20,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: 0.25,
      },
    });
    expect(applied.record).toMatchObject({ version: 2, cost_usd: 0.25, tokens: { input: 10, output: 20 } });
    expect(await log.tasks.get('acme/shop#2')).toMatchObject({ version: 2, cost_usd: 0.25 });
  });
});
