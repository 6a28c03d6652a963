import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(new URL('../../../', import.meta.url).pathname);
const SERVER = [
  '--import',
  path.join(root, 'node_modules/tsx/dist/loader.mjs'),
  path.join(root, 'src/entry/app/server.ts'),
];

/** GitHub's `GET /app` on loopback, as GitHub Enterprise Server serves it (`/api/v3`). */
export async function fakeGitHub(status: number, body: unknown): Promise<{ server: Server; host: string }> {
  const server = createServer((req, res) => {
    const ok = req.method === 'GET' && req.url === '/api/v3/app';
    res.writeHead(ok ? status : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? body : { message: 'Not Found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Starts `server.ts` as `npm start` does, in its own folder (so only that folder's `.env` counts). */
export async function startProcess(env: Record<string, string>, files: Record<string, string> = {}) {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'server-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(cwd, name), text);
  const child = spawn(process.execPath, SERVER, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
  }) as ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves with the first match of `pattern` in stdout, or rejects when the process ends first. */
    async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
      for (;;) {
        const match = pattern.exec(stdout);
        if (match) return match;
        const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 100))]);
        if (done) throw new Error(`server ended before ${pattern}: ${stdout}${stderr}`);
      }
    },
  };
}

/** A request the GitHub stand-in received, with its JSON body. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/**
 * GitHub on loopback (`/api/v3`, as GitHub Enterprise Server serves it) that answers what the app
 * asks while handling an issue or a comment: the app itself, an installation token, no config file,
 * no comments yet, `read` permission for everyone; every write succeeds and is recorded.
 */
export async function permissiveGitHub(
  app: unknown,
): Promise<{ server: Server; host: string; requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  let nextId = 5000;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = (req.url ?? '').replace(/^\/api\/v3/, '');
      const method = req.method ?? 'GET';
      requests.push({ method, url, body: raw === '' ? undefined : (JSON.parse(raw) as unknown) });
      const [status, body] = answer(method, url);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  const answer = (method: string, url: string): [number, unknown] => {
    if (method === 'GET' && url === '/app') return [200, app];
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(url))
      return [201, { token: 'ghs_process', expires_at: '2099-01-01T00:00:00Z', permissions: {} }];
    if (method === 'GET' && url.includes('/contents/')) return [404, { message: 'Not Found' }];
    if (method === 'GET' && /\/collaborators\/[^/]+\/permission$/.test(url))
      return [200, { permission: 'read', role_name: 'read', user: { login: 'someone' } }];
    if (method === 'GET') return [200, []];
    return [method === 'POST' ? 201 : 200, { id: (nextId += 1), number: nextId }];
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}
