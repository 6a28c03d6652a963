import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import nock from 'nock';
import { readServerSettings } from '../../../src/entry/app/read-server-settings.js';
import { saveAppCredentials } from '../../../src/entry/register/save-app-credentials.js';
import { serveRegistration, type Registration } from '../../../src/entry/register/serve-registration.js';
import { appPrivateKey } from '../app/app-key.js';

const appYml = readFileSync(new URL('../../../app.yml', import.meta.url), 'utf8');
const WEBHOOK_URL = 'https://smee.io/Abc123implementationAgent';

/** GitHub's documented answer to `POST /app-manifests/{code}/conversions` (201), with a real key. */
const CONVERSION = {
  id: 1,
  slug: 'octoapp',
  node_id: 'MDxOkludGVncmF0aW9uMQ==',
  owner: {
    login: 'github',
    id: 1,
    node_id: 'MDEyOk9yZ2FuaXphdGlvbjE=',
    type: 'Organization',
    site_admin: false,
  },
  name: 'Octocat App',
  description: '',
  external_url: 'https://example.com',
  html_url: 'https://github.com/apps/octoapp',
  created_at: '2017-07-08T16:18:44-04:00',
  updated_at: '2017-07-08T16:18:44-04:00',
  permissions: { metadata: 'read', contents: 'read', issues: 'write', single_file: 'write' },
  events: ['push', 'pull_request'],
  client_id: 'Iv1.8a61f9b3a7aba766',
  client_secret: '1726be1638095a19edd134c77bde3aa2ece1e5d8',
  webhook_secret: 'e340154128314309424b7c8e90325147d99fdafa',
  pem: appPrivateKey,
};

let registration: Registration | undefined;
afterEach(async () => {
  await registration?.close();
  registration = undefined;
});

async function start(dir: string, options: { organization?: string } = {}) {
  registration = await serveRegistration({
    appYml,
    webhookUrl: WEBHOOK_URL,
    port: 0,
    ...options,
    onRegistered: async (app) => {
      const saved = await saveAppCredentials({ app, dir });
      return `Saved ${path.basename(saved.key)}.`;
    },
  });
  const page = await (await fetch(registration.url)).text();
  const action = /<form action="([^"]+)" method="post">/.exec(page)?.[1]?.replace(/&#38;/g, '&') ?? '';
  const field = /name="manifest" value="([^"]*)"/.exec(page)?.[1] ?? '';
  const manifest = JSON.parse(
    field.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
  );
  const state = new URL(action).searchParams.get('state') ?? '';
  return { registration, action, manifest, state };
}

describe('npm run register: GitHub’s manifest flow on localhost', () => {
  it('serves the manifest from app.yml with the webhook URL replaced and the redirect back to itself', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'register-'));
    const { registration, action, manifest, state } = await start(dir);
    expect(action).toBe(`https://github.com/settings/apps/new?state=${state}`);
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    expect(manifest).toMatchObject({
      name: 'implementation-agent',
      hook_attributes: { url: WEBHOOK_URL, active: true },
      redirect_url: `${registration.url}callback`,
      default_events: [
        'issues',
        'issue_comment',
        'repository_dispatch',
        'pull_request',
        'pull_request_review',
        'pull_request_review_comment',
        'check_suite',
        'status',
      ],
      default_permissions: expect.objectContaining({ contents: 'write', metadata: 'read' }),
    });
    expect(JSON.stringify(manifest)).not.toContain('example.com/api/github/webhooks');
  });

  it('posts to the organization’s page with --org', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'register-'));
    const { action } = await start(dir, { organization: 'acme' });
    expect(action).toMatch(/^https:\/\/github\.com\/organizations\/acme\/settings\/apps\/new\?state=/);
  });

  it('exchanges the code GitHub sends back and saves credentials npm start accepts, keeping other .env lines', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'register-'));
    await writeFile(path.join(dir, '.env'), 'PORT=8080\nAPP_ID=999\n');
    const { registration, state } = await start(dir);
    const github = nock('https://api.github.com')
      .post('/app-manifests/a180b1a3d263c81bc6441d7b/conversions')
      .reply(201, CONVERSION);

    const answer = await fetch(`${registration.url}callback?code=a180b1a3d263c81bc6441d7b&state=${state}`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(
      'Registered <a href="https://github.com/apps/octoapp">Octocat App</a>',
    );
    await expect(registration.registered).resolves.toMatchObject({ id: 1, slug: 'octoapp' });
    github.done();

    const env = parseEnv(await readFile(path.join(dir, '.env'), 'utf8'));
    expect(env).toEqual({
      PORT: '8080',
      APP_ID: '1',
      PRIVATE_KEY_PATH: 'octoapp.private-key.pem',
      WEBHOOK_SECRET: CONVERSION.webhook_secret,
    });
    expect((await stat(path.join(dir, 'octoapp.private-key.pem'))).mode & 0o777).toBe(0o600);
    expect(readServerSettings(env, dir)).toMatchObject({
      appId: 1,
      port: 8080,
      webhookSecret: CONVERSION.webhook_secret,
    });
  });

  it('refuses a callback that did not come from its form, without asking GitHub', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'register-'));
    const { registration } = await start(dir);
    const github = nock('https://api.github.com')
      .post('/app-manifests/stolen/conversions')
      .reply(201, CONVERSION);
    const answer = await fetch(`${registration.url}callback?code=stolen&state=forged`);
    expect(answer.status).toBe(400);
    expect(github.isDone()).toBe(false);
    await expect(readFile(path.join(dir, '.env'))).rejects.toThrow();
  });

  it('says an expired or used code must be registered again', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'register-'));
    const { registration, state } = await start(dir);
    const failed = expect(registration.registered).rejects.toThrow(
      'GitHub did not convert the manifest code (HTTP 404: Not Found). Codes are valid once, for an hour: register again.',
    );
    nock('https://api.github.com')
      .post('/app-manifests/old/conversions')
      .reply(404, { message: 'Not Found' });
    const answer = await fetch(`${registration.url}callback?code=old&state=${state}`);
    expect(answer.status).toBe(502);
    await failed;
  });

  it('refuses a webhook URL GitHub cannot reach', async () => {
    await expect(
      serveRegistration({
        appYml,
        webhookUrl: 'http://localhost:3000/api/github/webhooks',
        port: 0,
        onRegistered: async () => '',
      }),
    ).rejects.toThrow('GitHub cannot deliver webhooks to localhost');
  });
});
