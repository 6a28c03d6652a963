import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * `npm run test:aws`'s global setup, and the moto helpers the bench shares. Jest loads a global
 * setup outside its module mapping, so this file imports nothing of ours.
 */

/** Long enough for moto's first start on a busy two-core machine. */
const START_TIMEOUT_MS = 60_000;

export interface MotoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly pid: number;
}

/** Whether `moto_server` is on the PATH (`pip install "moto[server]"`). */
export function hasMotoServer(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` and waits until it answers. Its log goes to a
 * file in the temporary folder (a pipe would hold the caller's process open); a failed start says
 * why, with the log's end. Throws with the install command when moto_server is missing.
 */
export async function startMotoServer(): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmpdir(), `moto-server-${port}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', log, log],
    // moto checks a DynamoDB condition and writes without a lock across its request threads; this
    // folder's sitecustomize.py makes each write atomic, as DynamoDB's are.
    env: { ...process.env, PYTHONPATH: pythonPathWithAtomicWrites() },
  });
  closeSync(log);
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? 'moto_server is not installed: `pip install "moto[server]"` (Python 3.9+), then try again.'
            : `moto_server could not start: ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code) =>
      reject(
        new Error(
          `moto_server exited (code ${code}) before it answered:\n${readFileSync(logFile, 'utf8').slice(-4000)}`,
        ),
      ),
    );
  });
  try {
    await Promise.race([failed, waitUntilAnswering(endpoint)]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.removeAllListeners('exit');
  if (child.pid === undefined) throw new Error('moto_server started without a process id');
  return { endpoint, pid: child.pid };
}

/** PYTHONPATH with `atomic-writes/` (beside this file) first, so moto_server imports its sitecustomize. */
function pythonPathWithAtomicWrites(): string {
  const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'atomic-writes');
  const inherited = process.env['PYTHONPATH'];
  return inherited === undefined || inherited === '' ? folder : `${folder}${path.delimiter}${inherited}`;
}

/** Stops the moto_server with this process id (the one this run started), waiting until it is gone. */
export async function stopMotoServer(server: MotoServer): Promise<void> {
  if (!isRunning(server.pid)) return;
  process.kill(server.pid, 'SIGTERM');
  for (let waited = 0; waited < 5000 && isRunning(server.pid); waited += 50) await delay(50);
  if (isRunning(server.pid)) process.kill(server.pid, 'SIGKILL');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port on loopback');
  return address.port;
}

declare global {
  var __MOTO_SERVER__: (MotoServer & { stop: () => Promise<void> }) | undefined;
}

/**
 * Starts one moto_server for the whole run and hands its URL to the test files in
 * `MOTO_ENDPOINT`. moto keeps its data in memory only, so it runs once and every test makes tables
 * and buckets of its own names; outages are made with a proxy, never by stopping it.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startMotoServer();
  globalThis.__MOTO_SERVER__ = { ...server, stop: () => stopMotoServer(server) };
  process.env['MOTO_ENDPOINT'] = server.endpoint;
}
