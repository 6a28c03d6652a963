import type { AcquireDeployLockParams, DeployLockStore } from '../../../src/core/stores/deploy-lock-store.js';
import { createDynamoDbDeployLockStore } from '../../../src/aws/dynamodb/dynamodb-deploy-lock-store.js';
import { withDeployLock } from '../../../src/aws/dynamodb/with-deploy-lock.js';
import { useDynaliteLockTable } from './helpers/dynalite-server.js';

const table = useDynaliteLockTable();

const deploy: AcquireDeployLockParams = {
  repository: 'octo-org/orders-api',
  environment: 'staging',
  holder: 'alice',
  ref: 'main',
  sha: 'abc1234def5678abc1234def5678abc1234def56',
  deploymentId: 42,
};

function lockStore(): DeployLockStore {
  return createDynamoDbDeployLockStore({ client: table.client, tableName: table.tableName });
}

describe('withDeployLock against dynalite', () => {
  it('runs the work holding the lock and frees it afterwards', async () => {
    const store = lockStore();
    const result = await withDeployLock({ store, ...deploy }, async (lock) => {
      expect(await store.current(deploy)).toEqual(lock);
      return `deployed ${lock.sha.slice(0, 7)}`;
    });

    expect(result).toEqual({ ran: true, value: 'deployed abc1234' });
    expect(await store.current(deploy)).toBeUndefined();
  });

  it("releases a crashed run's lock, then rethrows the crash", async () => {
    const store = lockStore();
    const crash = new Error('CloudFormation waiter gave up');

    await expect(
      withDeployLock({ store, ...deploy }, async () => {
        throw crash;
      }),
    ).rejects.toBe(crash);

    expect(await store.current(deploy)).toBeUndefined();
    expect((await store.acquire({ ...deploy, holder: 'bob' })).acquired).toBe(true);
  });

  it('does not run a second deploy while the first holds the lock, and says who holds it', async () => {
    const store = lockStore();
    let secondRan = false;

    const first = await withDeployLock({ store, ...deploy }, async (lock) => {
      const second = await withDeployLock({ store, ...deploy, holder: 'bob', ref: 'feature/x' }, async () => {
        secondRan = true;
      });
      return { lock, second, heldAfterSecond: await store.current(deploy) };
    });

    if (!first.ran) throw new Error('the first deploy should have run');
    expect(first.value.second).toEqual({ ran: false, heldBy: first.value.lock });
    expect(secondRan).toBe(false);
    expect(first.value.heldAfterSecond).toEqual(first.value.lock);
    expect(await store.current(deploy)).toBeUndefined();
  });

  it("keeps the holder's lock when the refused caller returns", async () => {
    const store = lockStore();
    const held = await store.acquire(deploy);
    if (!held.acquired) throw new Error('expected the lock to be free');

    const refused = await withDeployLock({ store, ...deploy, holder: 'bob' }, async () => 'should not run');

    expect(refused).toEqual({ ran: false, heldBy: held.lock });
    expect(await store.current(deploy)).toEqual(held.lock);
  });

  it("reports the work's error, not the release's, when both fail", async () => {
    const store = lockStore();
    const unreachable: DeployLockStore = {
      ...store,
      release: async () => {
        throw new Error('network down');
      },
    };
    const crash = new Error('deploy failed');

    await expect(
      withDeployLock({ store: unreachable, ...deploy }, async () => {
        throw crash;
      }),
    ).rejects.toBe(crash);
  });

  it('returns the work with a failed release as a problem, with the expiry and /unlock, never throwing', async () => {
    const store = lockStore();
    const unreachable: DeployLockStore = {
      ...store,
      release: async () => {
        throw new Error('network down');
      },
    };

    const outcome = await withDeployLock({ store: unreachable, ...deploy }, async () => 'done');

    expect(outcome).toMatchObject({
      ran: true,
      value: 'done',
      releaseProblem: expect.stringMatching(
        /lock on staging could not be released \(network down\); it expires at .*\/unlock staging/,
      ),
    });
  });
});
