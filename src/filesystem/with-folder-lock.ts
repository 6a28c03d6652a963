import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A holder that has not finished within this long died holding the lock; the next writer takes it over. */
export const STALE_AFTER_MS = 30_000;
const WAIT_STEP_MS = 10;
export const GIVE_UP_AFTER_MS = 10_000;
/** The file in the lock folder naming its holder (a random token per take). */
const OWNER_FILE = 'owner';

/** The time the lock is judged by: the system's, or a test's. */
export interface FolderLockClock {
  /** Milliseconds since the epoch, as the lock folder's `mtimeMs` counts them. */
  now(): number;
  /** Waits `ms` milliseconds between two tries. */
  sleep(ms: number): Promise<void>;
}

const SYSTEM_CLOCK: FolderLockClock = { now: () => Date.now(), sleep: (ms) => delay(ms) };

/**
 * Runs `work` while holding `<folder>/.lock`, so writers in other processes sharing the folder take
 * turns (creating a directory is atomic: `mkdir(2)` fails with EEXIST for all but one). A lock
 * folder last changed more than `STALE_AFTER_MS` ago (by `clock`) is taken to belong to a run that
 * died holding it, and is taken over (moved aside, then removed only if it is the folder judged stale:
 * `removeIfStale`). Each take writes a random token into the lock (`owner`), and
 * the release removes the lock only while it still holds that token: a holder whose lock was taken
 * over (it worked past 30 s) leaves the new holder's lock in place instead of letting a third writer
 * in beside it. Throws when the lock stays held for `GIVE_UP_AFTER_MS` (10 s).
 */
export async function withFolderLock<T>(
  folder: string,
  work: () => Promise<T>,
  clock: FolderLockClock = SYSTEM_CLOCK,
): Promise<T> {
  const lock = path.join(folder, '.lock');
  await mkdir(folder, { recursive: true });
  const started = clock.now();
  let token: string | undefined;
  while ((token = await tryTake(lock, clock)) === undefined) {
    if (clock.now() - started > GIVE_UP_AFTER_MS) {
      throw new Error(
        `${lock} stayed locked for ${GIVE_UP_AFTER_MS / 1000} s; if no run is writing there, remove it.`,
      );
    }
    await clock.sleep(WAIT_STEP_MS);
  }
  try {
    return await work();
  } finally {
    if ((await ownerOf(lock)) === token) await rm(lock, { recursive: true, force: true });
  }
}

/** Takes the lock and returns this take's token, or removes a stale lock and returns undefined. */
async function tryTake(lock: string, clock: FolderLockClock): Promise<string | undefined> {
  try {
    await mkdir(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await removeIfStale(lock, clock);
    return undefined;
  }
  const token = randomUUID();
  try {
    await writeFile(path.join(lock, OWNER_FILE), token);
  } catch (error) {
    await rm(lock, { recursive: true, force: true });
    throw error;
  }
  return token;
}

/**
 * Removes a lock no one has changed for `STALE_AFTER_MS`, and only the very folder judged stale.
 * Judging and removing by path raced (review #10n): another waiter could take the stale lock over
 * between this waiter's look and its `rm`, and a fresh lock whose holder had not written its token
 * yet read like a stale one that named none, so the live lock was removed and two writers worked
 * at once. So the takeover first moves the lock aside under a name of its own (`rename(2)` is
 * atomic; from then on no one else reaches that folder by `.lock`) and removes it only if it is the
 * folder judged stale: the same device, inode and modification time. Inode numbers are reused at
 * once, but a folder made since has a fresh modification time. Any other folder (a lock taken in
 * between) is put back for its holder.
 */
async function removeIfStale(lock: string, clock: FolderLockClock): Promise<void> {
  const judged = await stat(lock).catch(() => undefined);
  if (judged === undefined || clock.now() - judged.mtimeMs <= STALE_AFTER_MS) return;
  const aside = `${lock}.stale-${randomUUID()}`;
  try {
    await rename(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await stat(aside);
  if (sameFolder(moved, judged)) await rm(aside, { recursive: true, force: true });
  else await putBack(aside, lock);
}

/** The same folder in the same state: device, inode and modification time (ms) alike. */
const sameFolder = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs;

/**
 * Puts a live lock moved aside back; when a third writer has made a lock there meanwhile, the moved
 * one is removed so no stray folder stays behind (its holder's release then finds another token and
 * leaves the lock alone, as after any takeover).
 */
async function putBack(aside: string, lock: string): Promise<void> {
  try {
    await rename(aside, lock);
  } catch {
    await rm(aside, { recursive: true, force: true });
  }
}

/** The token of the lock's holder; undefined when there is no lock or it names none yet. */
async function ownerOf(lock: string): Promise<string | undefined> {
  return readFile(path.join(lock, OWNER_FILE), 'utf8').catch(() => undefined);
}
