import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GIVE_UP_AFTER_MS,
  STALE_AFTER_MS,
  withFolderLock,
  type FolderLockClock,
} from '../../src/filesystem/with-folder-lock.js';

// Issue #10: the folder lock's stale-lock takeover (a holder still working after 30 s) on the
// injectable clock: a stale lock is taken over, a fresh one is not, and the old holder's release
// leaves the new holder's lock alone.

/**
 * A clock that starts `offsetMs` after the system's time now (the lock folder's mtime is real) and
 * moves only by its sleeps, which pass at once: waiting 10 s takes no real time.
 */
function fakeClock(offsetMs = 0): FolderLockClock & { waitedMs: () => number } {
  const start = Date.now() + offsetMs;
  let waited = 0;
  return {
    now: () => start + waited,
    sleep: async (ms) => {
      waited += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    waitedMs: () => waited,
  };
}

/** Work that holds the lock until released, and says when it has started. */
function heldWork() {
  let release: () => void = () => undefined;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    started,
    release: () => release(),
    work: async () => {
      markStarted();
      await done;
      return 'done';
    },
  };
}

let folder: string;
const lockOf = () => path.join(folder, '.lock');
const ownerOfLock = () => readFile(path.join(lockOf(), 'owner'), 'utf8');

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'folder-lock-')), 'task');
});
afterEach(async () => rm(path.dirname(folder), { recursive: true, force: true }));

describe('withFolderLock', () => {
  it('does not take over a fresh lock: the waiter gives up after 10 s and the holder keeps it', async () => {
    const first = heldWork();
    const holding = withFolderLock(folder, first.work);
    await first.started;
    const owner = await ownerOfLock();
    const clock = fakeClock();
    let ran = false;

    await expect(
      withFolderLock(
        folder,
        async () => {
          ran = true;
        },
        clock,
      ),
    ).rejects.toThrow(`stayed locked for ${GIVE_UP_AFTER_MS / 1000} s`);

    expect(ran).toBe(false);
    expect(clock.waitedMs()).toBeGreaterThan(GIVE_UP_AFTER_MS - 20);
    expect(clock.waitedMs()).toBeLessThan(STALE_AFTER_MS);
    expect(await ownerOfLock()).toBe(owner);
    first.release();
    await expect(holding).resolves.toBe('done');
    expect(existsSync(lockOf())).toBe(false);
  });

  it('takes over a lock held past 30 s while its holder still works, and the old release leaves the new lock', async () => {
    const first = heldWork();
    const holding = withFolderLock(folder, first.work);
    await first.started;
    const oldOwner = await ownerOfLock();

    // The same lock seen 31 s later: its holder counts as dead, and the next writer takes it.
    const second = heldWork();
    const takingOver = withFolderLock(folder, second.work, fakeClock(STALE_AFTER_MS + 1_000));
    await second.started;
    const newOwner = await ownerOfLock();
    expect(newOwner).not.toBe(oldOwner);

    // The old holder finishes: its release leaves the lock the new holder holds.
    first.release();
    await expect(holding).resolves.toBe('done');
    expect(existsSync(lockOf())).toBe(true);
    expect(await ownerOfLock()).toBe(newOwner);

    // So a third writer still waits for the new holder (and gives up: the lock is fresh).
    await expect(withFolderLock(folder, async () => 'third', fakeClock())).rejects.toThrow('stayed locked');

    second.release();
    await expect(takingOver).resolves.toBe('done');
    expect(existsSync(lockOf())).toBe(false);
    await expect(withFolderLock(folder, async () => 'third', fakeClock())).resolves.toBe('third');
  });

  it('takes over a stale lock that names no holder (a run that died right after making it)', async () => {
    const first = heldWork();
    const holding = withFolderLock(folder, first.work);
    await first.started;
    await rm(path.join(lockOf(), 'owner'));

    await expect(
      withFolderLock(folder, async () => 'taken', fakeClock(STALE_AFTER_MS + 1_000)),
    ).resolves.toBe('taken');

    first.release();
    await holding;
    expect(existsSync(lockOf())).toBe(false);
  });

  // Review #10n: the takeover moves the stale folder aside and removes it; nothing stays behind.
  it('a takeover leaves no folder moved aside in the task folder', async () => {
    const first = heldWork();
    const holding = withFolderLock(folder, first.work);
    await first.started;

    await expect(
      withFolderLock(folder, async () => readdir(folder), fakeClock(STALE_AFTER_MS + 1_000)),
    ).resolves.toEqual(['.lock']);

    first.release();
    await holding;
    expect(await readdir(folder)).toEqual([]);
  });
});
