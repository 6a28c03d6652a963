import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type {
  AcquireDeployLockParams,
  DeployLock,
  DeployLockStore,
} from '../../core/stores/deploy-lock-store.js';

export type WithDeployLockResult<T> =
  /** `releaseProblem`: the work is done, but its lock could not be released (it still expires). */
  { ran: true; value: T; releaseProblem?: string } | { ran: false; heldBy: DeployLock };

/**
 * Runs `work` while holding the environment's deploy lock, and releases it on every way out:
 * a crash in `work` still frees the environment, then rethrows. A release that fails after the
 * work succeeded is returned as `releaseProblem`, never thrown, so the work's real outcome (a
 * deployed stack) is still reported. A process that dies outright cannot run `finally`; its lock
 * is taken over once it expires.
 */
export async function withDeployLock<T>(
  params: AcquireDeployLockParams & { store: DeployLockStore },
  work: (lock: DeployLock) => Promise<T>,
): Promise<WithDeployLockResult<T>> {
  const { store, ...acquireParams } = params;
  const taken = await store.acquire(acquireParams);
  if (!taken.acquired) return { ran: false, heldBy: taken.heldBy };

  const { lock } = taken;
  let value: T;
  try {
    value = await work(lock);
  } catch (error) {
    // The work's error is the one worth reporting; a failing release must not hide it (the lock expires).
    await release({ store, lock }).catch(() => undefined);
    throw error;
  }
  try {
    await release({ store, lock });
    return { ran: true, value };
  } catch (error) {
    const expiry = new Date(lock.expiresAt * 1000).toISOString();
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ran: true,
      value,
      releaseProblem: `The lock on ${lock.environment} could not be released (${untrustedInline(reason)}); it expires at ${expiry}, or a write user can ${codeSpan(`/unlock ${lock.environment}`)}.`,
    };
  }
}

function release(params: { store: DeployLockStore; lock: DeployLock }): Promise<unknown> {
  const { store, lock } = params;
  return store.release({ repository: lock.repository, environment: lock.environment, token: lock.token });
}
