import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';

/**
 * A new-user pass over `npm run register` (review 11g, issue #11 item 10): wrong invocations a
 * first-time user makes, run as a process the way npm runs it. A wrong invocation is answered with
 * exit code 2, the usage and the option named, as for the CLI; an unusable port is explained, not
 * shown as a raw Node error. The faults this pass found are fixed: a bad URL and a port in use
 * are answered like any other wrong value.
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
    // An empty or partly numeric port is not read as 0 (any free port) or as its digits.
    for (const port of ['', '3333abc']) {
      const wrongPort = await runRegister(['--webhook-url', 'https://smee.io/abc', '--port', port]);
      expect([wrongPort.code, wrongPort.stderr]).toEqual([
        2,
        expect.stringContaining('--port must be a port number'),
      ]);
    }
  });

  it('`--webhook-url notaurl` (and a URL GitHub cannot use) ends with exit code 2, the option named and the usage, not "register: Invalid URL"', async () => {
    const run = await runRegister(['--webhook-url', 'notaurl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--webhook-url');
    expect(run.stderr).toContain('Usage:');
    for (const url of ['ftp://example.com/hooks', 'http://localhost:3000/api/github/webhooks']) {
      const refused = await runRegister(['--webhook-url', url]);
      expect([refused.code, refused.stderr]).toEqual([
        2,
        expect.stringMatching(/^register: --webhook-url [^]*Usage:/),
      ]);
    }
  });

  it('a --port already in use is named with its number and the --port to pass instead, with exit code 2, not the raw "listen EADDRINUSE"', async () => {
    const { server, port } = await listeningOnLoopback();
    try {
      const run = await runRegister(['--webhook-url', 'https://smee.io/abc', '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('EADDRINUSE');
      expect(run.stderr).toContain(`--port ${port}: port ${port} on 127.0.0.1 is already in use`);
      expect(run.stderr).toContain(`e.g. --port ${port + 1}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
