import { readFileSync } from 'node:fs';
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
