import type { AcquireDeployLockParams, DeployLock, DeployLockStore } from './deploy-lock.js';

export type WithDeployLockResult<T> = { ran: true; value: T } | { ran: false; heldBy: DeployLock };

/**
 * Runs `work` while holding the environment's deploy lock, and releases it on every way out:
 * a crash in `work` still frees the environment, then rethrows. A process that dies outright
 * cannot run `finally`; its lock is taken over once it expires.
 */
export async function withDeployLock<T>(
  params: AcquireDeployLockParams & { store: DeployLockStore },
  work: (lock: DeployLock) => Promise<T>,
): Promise<WithDeployLockResult<T>> {
  const { store, ...acquireParams } = params;
  const taken = await store.acquire(acquireParams);
  if (!taken.acquired) return { ran: false, heldBy: taken.heldBy };

  const { lock } = taken;
  let workFailed = false;
  try {
    return { ran: true, value: await work(lock) };
  } catch (error) {
    workFailed = true;
    throw error;
  } finally {
    await releaseAfterWork({ store, lock, workFailed });
  }
}

/**
 * When the work failed, its error is the one worth reporting, so a failing release must not hide
 * it (the lock still expires). When the work succeeded, a failing release is reported.
 */
async function releaseAfterWork(params: {
  store: DeployLockStore;
  lock: DeployLock;
  workFailed: boolean;
}): Promise<void> {
  const { store, lock, workFailed } = params;
  try {
    await store.release({ repository: lock.repository, environment: lock.environment, token: lock.token });
  } catch (error) {
    if (workFailed) return;
    const expiry = new Date(lock.expiresAt * 1000).toISOString();
    throw new Error(
      `The deploy to ${lock.environment} finished, but its lock could not be released; it expires at ${expiry}, or a write user can /unlock ${lock.environment}.`,
      { cause: error },
    );
  }
}
