/**
 * Review 10i (attacker): the deploy lock's and the task store's read-back after a write whose
 * answer was lost (`lockAfterFailedWrite` in dynamodb-deploy-lock-store, `landed` by `write_id` in
 * dynamodb-task-store, both through `isWriteOutcomeUnknown`).
 *
 * Attacked: a write DynamoDB applied whose answer the SDK could not read (a 200 with a body cut
 * off or not JSON: the SDK's "Deserialization error", `$metadata.httpStatusCode` 200); a put whose
 * answer was lost and on which another writer built before the read-back; a lost answer that is a
 * reset connection or a 503 (refused correctly: read back, the lock is held or the put counted once).
 *
 * The table is a small in-memory stand-in that evaluates the three conditions the stores use.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  createDynamoDbDeployLockStore,
  type DocumentClientApi,
} from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { createDynamoDbTaskStore } from '../../../src/aws/dynamodb/dynamodb-task-store.js';
import type { AcquireDeployLockParams } from '../../../src/core/stores/deploy-lock-store.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { receivedRecord } from '../../support/store-contracts/task-store-contract.js';

type Item = Record<string, unknown>;
type CommandClass = new (...args: never[]) => object;

const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
    $metadata: { httpStatusCode: 400 },
  });
/** What the SDK throws when DynamoDB's 200 answer cannot be parsed (a proxy's page, a body cut short). */
const unreadable200 = () =>
  Object.assign(
    new Error(
      'Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
    ),
    {
      name: 'SyntaxError',
      $metadata: { httpStatusCode: 200, attempts: 1 },
    },
  );
const resetConnection = () =>
  Object.assign(new Error('socket hang up'), {
    name: 'Error',
    code: 'ECONNRESET',
    $metadata: { attempts: 3 },
  });

/**
 * One table keyed by `key`; `put`/`delete` conditions as the stores write them. `loseNext(kind, error, meanwhile)`:
 * the next command of that kind is applied, `meanwhile` runs (another writer), then `error` is thrown.
 */
function memoryTable(key: string) {
  const items = new Map<string, Item>();
  let lose: { kind: CommandClass; error: () => Error; meanwhile?: () => void } | undefined;
  const holds = (command: { input: Record<string, unknown> }, old: Item | undefined) => {
    const { ConditionExpression: condition, ExpressionAttributeValues: values = {} } = command.input as {
      ConditionExpression?: string;
      ExpressionAttributeValues?: Record<string, unknown>;
    };
    if (condition === undefined) return true;
    if (condition === 'attribute_not_exists(#id)') return old === undefined;
    if (condition === 'attribute_not_exists(#id) OR #expires < :now')
      return old === undefined || (old['expires_at'] as number) < (values[':now'] as number);
    if (condition === '#version = :expected') return old?.['version'] === values[':expected'];
    // The task store's put also keeps the parked count it read (`parked_count`).
    if (condition === '#version = :expected AND attribute_not_exists(#parked)')
      return old?.['version'] === values[':expected'] && old?.['parked_count'] === undefined;
    if (condition === '#version = :expected AND #parked = :parked')
      return old?.['version'] === values[':expected'] && old?.['parked_count'] === values[':parked'];
    if (condition === '#token = :token') return old?.['token'] === values[':token'];
    throw new Error(`condition not served: ${condition}`);
  };
  const apply = (command: object): unknown => {
    const input = (command as { input: Record<string, unknown> }).input;
    const id = String(((input['Item'] ?? input['Key']) as Item)[key]);
    const old = items.get(id);
    if (command instanceof GetCommand) return { Item: old && structuredClone(old) };
    if (!holds(command as { input: Record<string, unknown> }, old)) throw conditionFailed();
    if (command instanceof PutCommand) items.set(id, structuredClone(input['Item'] as Item));
    else if (command instanceof DeleteCommand) items.delete(id);
    else if (command instanceof UpdateCommand) {
      const next = { ...old, expires_at: (input['ExpressionAttributeValues'] as Item)[':expires'] };
      items.set(id, next);
      return { Attributes: next };
    }
    return {};
  };
  const client: DocumentClientApi = {
    send: (async (command: object) => {
      const lost = lose;
      if (lost !== undefined && command instanceof lost.kind) {
        lose = undefined;
        apply(command);
        lost.meanwhile?.();
        throw lost.error();
      }
      return apply(command);
    }) as DocumentClientApi['send'],
  };
  return {
    client,
    items,
    loseNext: (kind: CommandClass, error: () => Error, meanwhile?: () => void) => {
      lose = { kind, error, ...(meanwhile === undefined ? {} : { meanwhile }) };
    },
  };
}

const request: AcquireDeployLockParams = {
  repository: 'octo-org/orders-api',
  environment: 'production',
  holder: 'alice',
  ref: 'main',
  sha: 'abc1234def5678abc1234def5678abc1234def56',
};

const moved = (record: TaskRecord, to: 'generating' | 'validating'): TaskRecord =>
  applyTaskEvent(record, {
    type: 'state_changed',
    task_id: record.task_id,
    at: '2026-11-24T10:01:00.000Z',
    to,
  }).record;

describe('lost answers of DynamoDB writes, attacked (review10i)', () => {
  it('FAULT: a lock take DynamoDB applied but whose 200 answer could not be read is reported as not taken, and the lock stays held under a token nobody has', async () => {
    const table = memoryTable('lock_id');
    const store = createDynamoDbDeployLockStore({ client: table.client, tableName: 'Locks' });
    table.loseNext(PutCommand, unreadable200);

    const taken = await store.acquire(request).catch((error: unknown) => error);

    // Today it throws "Could not take the deploy lock", and the next deploy is told alice holds it.
    // Right: read back like any lost answer; the put landed, so the lock is this run's.
    expect(taken).toEqual({ acquired: true, lock: await store.current(request) });
  });

  it('refused: a take whose answer was a reset connection is read back and held', async () => {
    const table = memoryTable('lock_id');
    const store = createDynamoDbDeployLockStore({ client: table.client, tableName: 'Locks' });
    table.loseNext(PutCommand, resetConnection);
    const taken = await store.acquire(request);
    expect(taken.acquired).toBe(true);
    if (taken.acquired) expect(await store.release({ ...request, token: taken.lock.token })).toBe('released');
    expect(table.items.size).toBe(0);
  });

  it('refused: a release whose answer was a 503 is read back as released', async () => {
    const table = memoryTable('lock_id');
    const store = createDynamoDbDeployLockStore({ client: table.client, tableName: 'Locks' });
    const taken = await store.acquire(request);
    if (!taken.acquired) throw new Error('not taken');
    table.loseNext(DeleteCommand, () =>
      Object.assign(new Error('Service Unavailable'), {
        name: 'ServiceUnavailable',
        $metadata: { httpStatusCode: 503 },
      }),
    );
    expect(await store.release({ ...request, token: taken.lock.token })).toBe('released');
  });

  it.each([
    [
      'the SDK retry’s ConditionalCheckFailed (reported as a version conflict: the caller re-applies its step on itself)',
      conditionFailed,
    ],
    ['a reset connection (reported as a failed write: the mirror warns it fell behind)', resetConnection],
  ])(
    'FAULT: a task put that landed, its answer lost as %s, on which another writer built before the read-back, is not taken as landed',
    async (_name, lost) => {
      const table = memoryTable('task_id');
      const tasks = createDynamoDbTaskStore({ client: table.client, tableName: 'Tasks' });
      const first = receivedRecord('acme/shop#77');
      await tasks.put(first, 0);
      const ours = moved(first, 'generating');
      // Our put lands (version 2); the other run reads it and puts version 3 on it; then our answer is lost.
      // The other run writes as the store writes: its item names the puts it descends from (`write_ids`).
      table.loseNext(PutCommand, lost, () => {
        const theirs = moved(ours, 'validating');
        const read = table.items.get('acme/shop#77')!;
        const ids = [...(read['write_ids'] as string[]), 'another-run'];
        table.items.set('acme/shop#77', { ...theirs, write_id: 'another-run', write_ids: ids });
      });

      // Right: the put landed (the record the other run built on is ours), so it succeeded. The
      // read-back compares only the item's latest write_id (dynamodb-task-store `landed`).
      await expect(tasks.put(ours, first.version)).resolves.toBeUndefined();
    },
  );

  it('refused: a task put whose answer was lost and nothing since is read back as landed (no conflict)', async () => {
    const table = memoryTable('task_id');
    const tasks = createDynamoDbTaskStore({ client: table.client, tableName: 'Tasks' });
    const first = receivedRecord('acme/shop#78');
    await tasks.put(first, 0);
    table.loseNext(PutCommand, resetConnection);
    await expect(tasks.put(moved(first, 'generating'), first.version)).resolves.toBeUndefined();
    expect((await tasks.get('acme/shop#78'))?.status).toBe('generating');
  });
});
