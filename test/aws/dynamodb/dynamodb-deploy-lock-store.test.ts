import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AcquireDeployLockParams, DeployLock } from '../../../src/core/stores/deploy-lock-store.js';
import { createDynamoDbDeployLockStore } from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import type { DocumentClientApi } from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { useDynaliteLockTable } from './helpers/dynalite-server.js';

const table = useDynaliteLockTable();
const START = Date.parse('2026-11-24T10:00:00.000Z');

function clock() {
  let current = START;
  return { now: () => current, advanceSeconds: (seconds: number) => void (current += seconds * 1000) };
}

function storeWith(params: { now?: () => number; ttlSeconds?: number } = {}) {
  return createDynamoDbDeployLockStore({ client: table.client, tableName: table.tableName, ...params });
}

function request(overrides: Partial<AcquireDeployLockParams> = {}): AcquireDeployLockParams {
  return {
    repository: 'octo-org/orders-api',
    environment: 'production',
    holder: 'alice',
    ref: 'main',
    sha: 'abc1234def5678abc1234def5678abc1234def56',
    ...overrides,
  };
}

async function acquired(promise: Promise<{ acquired: true; lock: DeployLock } | { acquired: false }>) {
  const result = await promise;
  if (!result.acquired) throw new Error('expected the lock to be taken');
  return result.lock;
}

describe('createDynamoDbDeployLockStore against dynalite', () => {
  it('lets exactly one of 10 concurrent deploys take the lock and tells the other 9 who holds it', async () => {
    const store = storeWith();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => store.acquire(request({ holder: `user-${index}` }))),
    );

    const winners = results.flatMap((result) => (result.acquired ? [result.lock] : []));
    const losers = results.flatMap((result) => (result.acquired ? [] : [result.heldBy]));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    const winner = winners[0];
    for (const heldBy of losers) expect(heldBy).toEqual(winner);
    expect(await store.current(request())).toEqual(winner);
  });

  it('holds one lock for a repository however GitHub spells it (a case-only rename)', async () => {
    const store = storeWith();
    await acquired(store.acquire(request({ repository: 'Octo-Org/Orders-API', environment: 'qa' })));
    const after = await store.acquire(request({ environment: 'qa', holder: 'bob' }));
    expect(after).toMatchObject({ acquired: false, heldBy: { holder: 'alice' } });
  });

  it('keeps environments and repositories apart', async () => {
    const store = storeWith();
    const results = await Promise.all([
      store.acquire(request({ environment: 'production' })),
      store.acquire(request({ environment: 'staging' })),
      store.acquire(request({ repository: 'octo-org/billing', environment: 'production' })),
    ]);
    expect(results.map((result) => result.acquired)).toEqual([true, true, true]);
  });

  it('records who, what and when, with the expiry as the TTL in epoch seconds', async () => {
    const { now } = clock();
    const store = createDynamoDbDeployLockStore({
      client: table.client,
      tableName: table.tableName,
      now,
      ttlSeconds: 900,
      newToken: () => 'token-1',
    });
    const lock = await acquired(
      store.acquire(
        request({ deploymentId: 42, runUrl: 'https://github.com/octo-org/orders-api/actions/runs/7' }),
      ),
    );
    expect(lock).toEqual({
      repository: 'octo-org/orders-api',
      environment: 'production',
      holder: 'alice',
      ref: 'main',
      sha: 'abc1234def5678abc1234def5678abc1234def56',
      deploymentId: 42,
      runUrl: 'https://github.com/octo-org/orders-api/actions/runs/7',
      acquiredAt: '2026-11-24T10:00:00.000Z',
      expiresAt: START / 1000 + 900,
      token: 'token-1',
    });
    expect(await store.current(request())).toEqual(lock);
  });

  it('releases only for the token that took the lock', async () => {
    const store = storeWith();
    const lock = await acquired(store.acquire(request()));

    expect(await store.release({ ...request(), token: 'someone-else' })).toBe('not-held');
    expect(await store.current(request())).toEqual(lock);

    expect(await store.release({ ...request(), token: lock.token })).toBe('released');
    expect(await store.current(request())).toBeUndefined();
    // A second release finds no lock: the token's lock is gone, as after a retried delete that landed.
    expect(await store.release({ ...request(), token: lock.token })).toBe('released');
    expect((await store.acquire(request({ holder: 'bob' }))).acquired).toBe(true);
  });

  it('holds a lock through its expiry second, then lets the next deploy take it over', async () => {
    const { now, advanceSeconds } = clock();
    const store = storeWith({ now, ttlSeconds: 60 });
    const orphan = await acquired(store.acquire(request({ holder: 'alice' })));

    advanceSeconds(60);
    const stillHeld = await store.acquire(request({ holder: 'bob' }));
    expect(stillHeld).toEqual({ acquired: false, heldBy: orphan });

    advanceSeconds(1);
    const takeover = await acquired(store.acquire(request({ holder: 'bob' })));
    expect(takeover.holder).toBe('bob');
    expect(takeover.token).not.toBe(orphan.token);

    // The crashed run coming back must not free or extend the new holder's lock.
    expect(await store.release({ ...request(), token: orphan.token })).toBe('not-held');
    expect(await store.heartbeat({ ...request(), token: orphan.token })).toEqual({ extended: false });
    expect(await store.current(request())).toEqual(takeover);
  });

  it('takes over an expired lock only once when several deploys race for it', async () => {
    const { now, advanceSeconds } = clock();
    const store = storeWith({ now, ttlSeconds: 60 });
    await acquired(store.acquire(request({ holder: 'alice' })));
    advanceSeconds(120);

    const results = await Promise.all(
      Array.from({ length: 5 }, (_, index) => store.acquire(request({ holder: `user-${index}` }))),
    );
    const winners = results.flatMap((result) => (result.acquired ? [result.lock] : []));
    const losers = results.flatMap((result) => (result.acquired ? [] : [result.heldBy]));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(4);
    for (const heldBy of losers) expect(heldBy).toEqual(winners[0]);
  });

  it('reports an expired lock as absent', async () => {
    const { now, advanceSeconds } = clock();
    const store = storeWith({ now, ttlSeconds: 60 });
    const lock = await acquired(store.acquire(request()));

    advanceSeconds(30);
    expect(await store.current(request())).toEqual(lock);
    advanceSeconds(31);
    expect(await store.current(request())).toBeUndefined();
  });

  it('extends a running deploy with a heartbeat, for the owner only', async () => {
    const { now, advanceSeconds } = clock();
    const store = storeWith({ now, ttlSeconds: 60 });
    const lock = await acquired(store.acquire(request()));

    advanceSeconds(50);
    expect(await store.heartbeat({ ...request(), token: 'someone-else', ttlSeconds: 600 })).toEqual({
      extended: false,
    });
    const beat = await store.heartbeat({ ...request(), token: lock.token, ttlSeconds: 120 });
    expect(beat).toEqual({ extended: true, lock: { ...lock, expiresAt: START / 1000 + 50 + 120 } });

    // Past the original expiry, the lock still holds.
    advanceSeconds(100);
    expect((await store.acquire(request({ holder: 'bob' }))).acquired).toBe(false);
    expect(await store.heartbeat({ ...request({ environment: 'staging' }), token: lock.token })).toEqual({
      extended: false,
    });
  });

  it('force-releases for /unlock and returns the lock it removed', async () => {
    const store = storeWith();
    const lock = await acquired(store.acquire(request({ deploymentId: 42 })));

    expect(await store.forceRelease(request())).toEqual(lock);
    expect(await store.current(request())).toBeUndefined();
    expect(await store.forceRelease(request())).toBeUndefined();
    // A second release finds no lock: the token's lock is gone, as after a retried delete that landed.
    expect(await store.release({ ...request(), token: lock.token })).toBe('released');
  });

  it('reports a missing table with the table name, a fix and the AWS error as cause', async () => {
    const store = createDynamoDbDeployLockStore({ client: table.client, tableName: 'no-such-table' });
    const failure = store.acquire(request());
    await expect(failure).rejects.toThrow(
      /take the deploy lock for production in octo-org\/orders-api \(table no-such-table\)/,
    );
    await expect(failure).rejects.toThrow(/Create the table/);
    await expect(failure).rejects.toMatchObject({ cause: { name: 'ResourceNotFoundException' } });
  });

  it('refuses an item that is not a lock instead of guessing', async () => {
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { lock_id: 'octo-org/orders-api#production', holder: 'alice' },
      }),
    );
    await expect(storeWith().current(request())).rejects.toThrow(/not in the expected shape/);
  });
});

describe('createDynamoDbDeployLockStore with the holder returned by the failed write', () => {
  // dynalite ignores ReturnValuesOnConditionCheckFailure; DynamoDB returns the item in wire format.
  it('answers from the returned item without a second read', async () => {
    const sent: unknown[] = [];
    const client: DocumentClientApi = {
      send: async (command: unknown) => {
        sent.push(command);
        throw new ConditionalCheckFailedException({
          message: 'The conditional request failed',
          $metadata: {},
          Item: {
            lock_id: { S: 'octo-org/orders-api#production' },
            environment: { S: 'production' },
            repository: { S: 'octo-org/orders-api' },
            holder: { S: 'carol' },
            ref: { S: 'release/2.0' },
            sha: { S: 'fedcba9876543210fedcba9876543210fedcba98' },
            deployment_id: { N: '77' },
            acquired_at: { S: '2026-11-24T09:50:00.000Z' },
            expires_at: { N: String(START / 1000 + 600) },
            token: { S: 'carols-token' },
          },
        });
      },
    } as DocumentClientApi; // send is overloaded in the SDK; one implementation covers the calls made here.
    const store = createDynamoDbDeployLockStore({ client, tableName: 'locks', now: () => START });

    const result = await store.acquire(request());
    expect(result).toEqual({
      acquired: false,
      heldBy: {
        environment: 'production',
        repository: 'octo-org/orders-api',
        holder: 'carol',
        ref: 'release/2.0',
        sha: 'fedcba9876543210fedcba9876543210fedcba98',
        deploymentId: 77,
        acquiredAt: '2026-11-24T09:50:00.000Z',
        expiresAt: START / 1000 + 600,
        token: 'carols-token',
      },
    });
    expect(sent).toHaveLength(1);
  });
});
