import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { appPrivateKey } from './app-key.js';
import { fakeGitHub, startProcess } from './server-process-harness.js';

const root = path.resolve(new URL('../../../', import.meta.url).pathname);

const APP = {
  id: 42,
  slug: 'acme-agent',
  name: 'Acme agent',
  owner: { login: 'acme' },
  html_url: 'https://github.com/apps/acme-agent',
  installations_count: 3,
};

describe('the app server as a process (npm start)', () => {
  it('explains PRIVATE_KEY=not-a-key and exits 1 instead of "privateKey option is required"', async () => {
    const server = await startProcess({ APP_ID: '42', WEBHOOK_SECRET: 's', PRIVATE_KEY: 'not-a-key' });
    expect(await server.exited).toBe(1);
    const { stderr } = server.output();
    expect(stderr).toContain('The app server cannot start:\n- PRIVATE_KEY is not a PEM private key');
    expect(stderr).not.toContain('privateKey option is required');
  });

  it('logs where it listens and which app it is, answers /healthz, and stops on SIGTERM', async () => {
    const github = await fakeGitHub(200, APP);
    const server = await startProcess({
      APP_ID: '42',
      PRIVATE_KEY: appPrivateKey,
      WEBHOOK_SECRET: 's',
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
    });
    try {
      const [, url] = await server.waitFor(
        /listening on (http:\/\/127\.0\.0\.1:\d+): webhooks at \S+\/api\/github\/webhooks, health at \S+\/healthz/,
      );
      await server.waitFor(
        /GitHub App "Acme agent" \(acme-agent, id 42\) owned by acme, installed on 3 account\(s\)/,
      );
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', app: 'acme-agent', version: expect.any(String) });
      expect((await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) })).status).toBe(404);
    } finally {
      server.child.kill('SIGTERM');
      github.server.close();
    }
    expect(await server.exited).toBe(0);
  });

  it('says where it listens and that it is asking GitHub before GitHub answers, and answers 503 until then', async () => {
    // GitHub's GET /app held until the test lets it answer: the server must not be silent meanwhile.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const github = createServer((req, res) => {
      void answered.then(() => {
        res.writeHead(req.url === '/api/v3/app' ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(APP));
      });
    });
    await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
    const server = await startProcess({
      APP_ID: '42',
      PRIVATE_KEY: appPrivateKey,
      WEBHOOK_SECRET: 's',
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: `127.0.0.1:${(github.address() as AddressInfo).port}`,
      GHE_PROTOCOL: 'http',
    });
    try {
      const [, url] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await server.waitFor(
        /Checking the app identity with GitHub \(GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/app\)/,
      );
      expect(server.output().stdout).not.toContain('GitHub App "Acme agent"');
      const starting = await fetch(`${url}/healthz`);
      expect([starting.status, await starting.json()]).toEqual([
        503,
        { status: 'starting', version: expect.any(String) },
      ]);
      const webhook = await fetch(`${url}/api/github/webhooks`, { method: 'POST', body: '{}' });
      expect([webhook.status, webhook.headers.get('retry-after')]).toEqual([503, '10']);
      answer();
      await server.waitFor(/GitHub App "Acme agent" \(acme-agent, id 42\)/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      answer();
      github.close();
    }
    expect(await server.exited).toBe(0);
  });

  it('names a PORT already in use and exits 1, instead of the raw EADDRINUSE', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const server = await startProcess({
        APP_ID: '42',
        PRIVATE_KEY: appPrivateKey,
        WEBHOOK_SECRET: 's',
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      expect(await server.exited).toBe(1);
      expect(server.output().stderr).toContain(
        `- PORT ${port}: port ${port} on 127.0.0.1 is already in use (another program, or an earlier run still going). Set PORT to another port.`,
      );
    } finally {
      taken.close();
    }
  });

  it('reads settings from .env in its folder, and exits 1 naming the fix when GitHub refuses them', async () => {
    const github = await fakeGitHub(401, { message: 'Integration not found', status: '401' });
    const server = await startProcess(
      { GHE_HOST: github.host, GHE_PROTOCOL: 'http', PORT: '0' },
      { '.env': 'APP_ID=42\nWEBHOOK_SECRET=s\nPRIVATE_KEY_PATH=app.pem\n', 'app.pem': appPrivateKey },
    );
    try {
      expect(await server.exited).toBe(1);
    } finally {
      github.server.close();
    }
    expect(server.output().stderr).toMatch(
      /GitHub refused the app's credentials \(HTTP 401: Integration not found.*\)\. APP_ID 42 and the private key must belong to the same app/,
    );
  });
});

describe('npm start', () => {
  it('runs the compiled server, building it first', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const build = JSON.parse(readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { rootDir: string };
    };
    expect(manifest.scripts.prestart).toBe('tsc -b tsconfig.build.json');
    // tsc writes src/<file>.ts to lib/<file>.js (rootDir src, outDir lib).
    expect(build.compilerOptions.rootDir).toBe('src');
    expect(manifest.scripts.start).toBe('node lib/entry/app/server.js');
  });
});
