/**
 * Attacker pass (review #10n) on the folder lock's stale takeover (src/filesystem/with-folder-lock.ts
 * `removeIfStale`). A waiter judges a lock stale (owner read, folder stat'ed, clock read), reads the
 * owner again and removes the folder when the owner did not change. The owner check tells two lock
 * folders apart only by their `owner` token: a stale lock that names no holder (a run that died
 * between `mkdir` and writing its token, which the lock's own tests take over) and the fresh lock of
 * a second waiter that took it over a moment before and has not written its token yet both read as
 * "no owner", so the first waiter removes the live lock and both run their work at once. The
 * interleaving is made exact through the clock seam (`now()` is read between the stat and the
 * second owner read). A fault is `it.failing` asserting the right answer; an attack refused is an
 * ordinary test.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withFolderLock, type FolderLockClock } from '../../src/filesystem/with-folder-lock.js';

let folder: string;
const lockOf = () => path.join(folder, '.lock');

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'review10n-lock-')), 'task');
  // A stale lock: two minutes old by the system clock.
  mkdirSync(lockOf(), { recursive: true });
  const old = Date.now() / 1000 - 120;
  utimesSync(lockOf(), old, old);
});
afterEach(async () => rm(path.dirname(folder), { recursive: true, force: true }));

/**
 * The system's clock, moved only by sleeps; on its second reading (inside the stale judgement,
 * after the stat) another waiter takes the stale lock over: `takeOver` runs there.
 */
function clockWithTakeover(takeOver: () => void): FolderLockClock {
  const start = Date.now();
  let waited = 0;
  let readings = 0;
  return {
    now: () => {
      readings += 1;
      if (readings === 2) takeOver();
      return start + waited;
    },
    sleep: async (ms) => {
      waited += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** The other waiter's take: the stale lock removed and its own made (its token not written yet when `token` is undefined). */
const otherWaiterTakes = (token?: string) => () => {
  rmSync(lockOf(), { recursive: true, force: true });
  mkdirSync(lockOf());
  if (token !== undefined) writeFileSync(path.join(lockOf(), 'owner'), token);
};

describe('review10n attacker: two waiters taking over one stale lock', () => {
  it('a stale lock naming no holder, taken over by another waiter that has not written its token yet, is not removed under it', async () => {
    let ran = false;
    await expect(
      withFolderLock(
        folder,
        async () => {
          ran = true;
        },
        clockWithTakeover(otherWaiterTakes()),
      ),
    ).rejects.toThrow(/stayed locked/);
    expect(ran).toBe(false);
  });
});

describe('review10n attacker: takeovers refused', () => {
  it('a stale lock with a token, taken over by another waiter that wrote its own, is left to it', async () => {
    writeFileSync(path.join(lockOf(), 'owner'), 'dead-holder');
    const old = Date.now() / 1000 - 120;
    utimesSync(lockOf(), old, old);
    let ran = false;
    await expect(
      withFolderLock(
        folder,
        async () => {
          ran = true;
        },
        clockWithTakeover(otherWaiterTakes('second-waiter')),
      ),
    ).rejects.toThrow(/stayed locked/);
    expect(ran).toBe(false);
  });

  it('a stale lock with a token, taken over by another waiter that has not written its token yet, is left to it', async () => {
    writeFileSync(path.join(lockOf(), 'owner'), 'dead-holder');
    const old = Date.now() / 1000 - 120;
    utimesSync(lockOf(), old, old);
    let ran = false;
    await expect(
      withFolderLock(
        folder,
        async () => {
          ran = true;
        },
        clockWithTakeover(otherWaiterTakes()),
      ),
    ).rejects.toThrow(/stayed locked/);
    expect(ran).toBe(false);
  });
});
