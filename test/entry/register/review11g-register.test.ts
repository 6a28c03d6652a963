import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';

/**
 * A new-user pass over `npm run register` (review 11g, issue #11 item 10): wrong invocations a
 * first-time user makes, run as a process the way npm runs it. A wrong invocation is answered with
 * exit code 2, the usage and the option named, as for the CLI; an unusable port is explained, not
 * shown as a raw Node error. Each FAULT test asserts the right answer and is `it.failing` while the
 * fault exists.
 */
const exec = promisify(execFile);
const REGISTER = ['--import', 'tsx', 'src/entry/register/run.ts'];

interface RegisterRun {
  readonly code: number | string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the register entry as a process from the project folder; killed after 20 s (it waits for a browser when it starts). */
async function runRegister(args: string[]): Promise<RegisterRun> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...REGISTER, ...args], {
      cwd: process.cwd(),
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number | string | null; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function listeningOnLoopback(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

describe('review 11g: npm run register, wrong invocations', () => {
  it('answers a missing --webhook-url and a bad --port with exit code 2 and the usage', async () => {
    const missing = await runRegister([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--webhook-url is required');
    const badPort = await runRegister(['--webhook-url', 'https://smee.io/abc', '--port', '99999']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a port number');
  });

  it.failing(
    'FAULT: `--webhook-url notaurl` ends with exit code 1 and "register: Invalid URL", naming neither the option nor the usage (a wrong invocation answered as an error)',
    async () => {
      const run = await runRegister(['--webhook-url', 'notaurl']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--webhook-url');
      expect(run.stderr).toContain('Usage:');
    },
  );

  it.failing(
    'FAULT: a --port already in use ends with the raw "listen EADDRINUSE: address already in use 127.0.0.1:<port>" (a Node error shown instead of what to do)',
    async () => {
      const { server, port } = await listeningOnLoopback();
      try {
        const run = await runRegister(['--webhook-url', 'https://smee.io/abc', '--port', String(port)]);
        expect(run.code).not.toBe(0);
        expect(run.stderr).not.toContain('EADDRINUSE');
        expect(run.stderr).toContain('--port');
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  );
});
