import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

/** Stops the moto_server this run started (by its process, never by name), waiting until it has exited. */
export default async function globalTeardown(): Promise<void> {
  const child = globalThis.__MOTO_SERVER__;
  if (child === undefined || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  const patience = new AbortController();
  child.kill('SIGTERM');
  const stopped = await Promise.race([
    exited.then(() => true),
    delay(5000, false, { signal: patience.signal }).catch(() => false),
  ]);
  // A pending timer would hold jest open after the run.
  patience.abort();
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}
