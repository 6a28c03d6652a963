import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AcquireDeployLockParams } from '../../../src/core/stores/deploy-lock-store.js';
import {
  createDynamoDbDeployLockStore,
  type DocumentClientApi,
} from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { useDynaliteLockTable } from './helpers/dynalite-server.js';

/**
 * review10f: the SDK retries a write whose answer was lost (a reset connection, a timeout, a 500)
 * although DynamoDB applied it, and the retry meets the write's own effect. Here the lost answer
 * is played against dynalite: the chosen command is sent, its answer dropped, and sent again, as
 * the SDK's standard retry does; what the store gets is the retry's answer.
 */
const table = useDynaliteLockTable();

function losingFirstAnswerOf(kind: new (...args: never[]) => object): DocumentClientApi {
  let armed = true;
  const send = async (command: object) => {
    const real = table.client.send.bind(table.client) as (command: object) => Promise<unknown>;
    if (!armed || !(command instanceof kind)) return real(command);
    armed = false;
    await real(command); // applied by the table; the answer never reaches the client
    return real(command); // the SDK's retry of the same request
  };
  return { send } as DocumentClientApi; // send is overloaded in the SDK; one implementation covers the calls made here.
}

const request: AcquireDeployLockParams = {
  repository: 'octo-org/orders-api',
  environment: 'production',
  holder: 'alice',
  ref: 'main',
  sha: 'abc1234def5678abc1234def5678abc1234def56',
};

describe('review10f: a deploy lock write whose answer was lost', () => {
  it('a take that landed holds the lock with its own token, and releases it', async () => {
    const store = createDynamoDbDeployLockStore({
      client: losingFirstAnswerOf(PutCommand),
      tableName: table.tableName,
    });
    const taken = await store.acquire(request);
    const held = await store.current(request);
    expect(held?.holder).toBe('alice');
    expect(taken).toEqual({ acquired: true, lock: held });
    if (!taken.acquired) return;
    expect(await store.release({ ...request, token: taken.lock.token })).toBe('released');
    expect(await store.current(request)).toBeUndefined();
  });

  it('a take that loses to another run is still refused, naming that run', async () => {
    const direct = createDynamoDbDeployLockStore({ client: table.client, tableName: table.tableName });
    const bobs = await direct.acquire({ ...request, holder: 'bob' });
    const store = createDynamoDbDeployLockStore({
      client: losingFirstAnswerOf(PutCommand),
      tableName: table.tableName,
    });
    const taken = await store.acquire(request);
    expect(taken).toMatchObject({ acquired: false, heldBy: { holder: 'bob' } });
    expect(bobs.acquired && taken.acquired === false && taken.heldBy.token).toBe(
      bobs.acquired && bobs.lock.token,
    );
  });

  it('a release that landed is released, not "changed hands"', async () => {
    const direct = createDynamoDbDeployLockStore({ client: table.client, tableName: table.tableName });
    const taken = await direct.acquire(request);
    if (!taken.acquired) throw new Error('expected the lock to be taken');
    const store = createDynamoDbDeployLockStore({
      client: losingFirstAnswerOf(DeleteCommand),
      tableName: table.tableName,
    });
    expect(await store.release({ ...request, token: taken.lock.token })).toBe('released');
    expect(await direct.current(request)).toBeUndefined();
  });

  it('a release after another run took the place over is still not-held, and keeps that run’s lock', async () => {
    let nowMs = Date.parse('2026-11-24T10:00:00.000Z');
    const now = () => nowMs;
    const direct = createDynamoDbDeployLockStore({
      client: table.client,
      tableName: table.tableName,
      now,
      ttlSeconds: 60,
    });
    const mine = await direct.acquire(request);
    nowMs += 61_000 + 1000; // expired: bob takes it over
    const bobs = await direct.acquire({ ...request, holder: 'bob' });
    if (!mine.acquired || !bobs.acquired) throw new Error('expected both takes to succeed');
    const store = createDynamoDbDeployLockStore({
      client: losingFirstAnswerOf(DeleteCommand),
      tableName: table.tableName,
      now,
    });
    expect(await store.release({ ...request, token: mine.lock.token })).toBe('not-held');
    expect(await direct.current(request)).toEqual(bobs.lock);
  });

  it('a heartbeat that landed is extended (its condition, the token, still holds on the retry)', async () => {
    const direct = createDynamoDbDeployLockStore({ client: table.client, tableName: table.tableName });
    const taken = await direct.acquire(request);
    if (!taken.acquired) throw new Error('expected the lock to be taken');
    const store = createDynamoDbDeployLockStore({
      client: losingFirstAnswerOf(UpdateCommand),
      tableName: table.tableName,
    });
    const beat = await store.heartbeat({ ...request, token: taken.lock.token, ttlSeconds: 7200 });
    expect(beat).toMatchObject({ extended: true, lock: { token: taken.lock.token } });
  });
});
