import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A holder that has not finished within this long died holding the lock; the next writer takes it over. */
const STALE_AFTER_MS = 30_000;
const WAIT_STEP_MS = 10;
const GIVE_UP_AFTER_MS = 10_000;

/**
 * Runs `work` while holding `<folder>/.lock`, so writers in other processes sharing the folder take
 * turns (creating a directory is atomic: `mkdir(2)` fails with EEXIST for all but one). Throws when
 * the lock stays held for 10 s.
 */
export async function withFolderLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(folder, '.lock');
  await mkdir(folder, { recursive: true });
  const started = Date.now();
  while (!(await tryTake(lock))) {
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      throw new Error(
        `${lock} stayed locked for ${GIVE_UP_AFTER_MS / 1000} s; if no run is writing there, remove it.`,
      );
    }
    await delay(WAIT_STEP_MS);
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function tryTake(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const held = await stat(lock).then(
      (stats) => Date.now() - stats.mtimeMs,
      () => 0,
    );
    if (held > STALE_AFTER_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}
