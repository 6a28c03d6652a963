import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Long enough for moto's first start on a busy two-core machine. */
const START_TIMEOUT_MS = 60_000;

declare global {
  var __MOTO_SERVER__: ChildProcess | undefined;
}

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` for the whole run and hands its URL to the test
 * files in `MOTO_ENDPOINT`. moto keeps its data in memory only, so it runs once and every test
 * makes tables and buckets of its own names; outages are made with a proxy, never by stopping it.
 */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // Its log goes to a file, not a pipe: a pipe would hold jest open after the run.
  const logFile = path.join(tmpdir(), `moto-server-${port}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const stderr = () => readFileSync(logFile, 'utf8').slice(-4000);
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? 'moto_server is not installed: `pip install "moto[server]"` (Python 3.9+), then run `npm run test:aws` again.'
            : `moto_server could not start: ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code) =>
      reject(new Error(`moto_server exited (code ${code}) before it answered:\n${stderr()}`)),
    );
  });
  globalThis.__MOTO_SERVER__ = child;
  await Promise.race([failed, waitUntilAnswering(endpoint)]);
  child.removeAllListeners('exit');
  process.env['MOTO_ENDPOINT'] = endpoint;
}

async function waitUntilAnswering(endpoint: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answered = await fetch(`${endpoint}/moto-api/data.json`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await delay(200);
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${START_TIMEOUT_MS / 1000} s.`);
}

/** A port the kernel just handed out on loopback; moto binds it a moment later. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port on loopback');
  return address.port;
}
