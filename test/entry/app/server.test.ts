import nock from 'nock';
import type { ApplicationFunction } from 'probot';
import { startServer, type RunningServer } from '../../../src/entry/app/start-server.js';
import { appPrivateKey } from './app-key.js';

const env = {
  APP_ID: '123',
  PRIVATE_KEY: appPrivateKey,
  WEBHOOK_SECRET: 'secret',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'fatal',
};
const noHandlers: ApplicationFunction = () => {};
const APP = {
  id: 123,
  slug: 'acme-implementation-agent',
  name: 'Acme implementation agent',
  owner: { login: 'acme' },
  html_url: 'https://github.com/apps/acme-implementation-agent',
  installations_count: 1,
};

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the app server over loopback HTTP', () => {
  it('answers /healthz with a small JSON body, / and unknown paths with 404, and hands webhooks to Probot', async () => {
    const github = nock('https://api.github.com').get('/app').reply(200, APP);
    running = await startServer({ env, cwd: process.cwd(), appFn: noHandlers });
    github.done();

    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toBe('application/json');
    expect(await health.json()).toEqual({ status: 'ok', app: APP.slug, version: expect.any(String) });
    expect((await fetch(`${running.url}/healthz`, { method: 'HEAD' })).status).toBe(200);

    for (const path of ['/', '/favicon.ico', '/api/github']) {
      const answer = await fetch(`${running.url}${path}`, { signal: AbortSignal.timeout(5000) });
      expect([path, answer.status]).toEqual([path, 404]);
    }
    // An unsigned delivery reaches Probot's webhook endpoint, which refuses it.
    const delivery = await fetch(`${running.url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': '1',
        'x-hub-signature-256': 'sha256=00',
      },
      body: '{}',
      signal: AbortSignal.timeout(5000),
    });
    expect(delivery.status).toBe(400);
  });

  it('refuses to start when GitHub rejects the app’s credentials, and says why', async () => {
    nock('https://api.github.com')
      .get('/app')
      .reply(401, { message: 'A JSON web token could not be decoded', status: '401' });
    await expect(startServer({ env, cwd: process.cwd(), appFn: noHandlers })).rejects.toThrow(
      /GitHub refused the app's credentials \(HTTP 401: A JSON web token could not be decoded.*\)\. APP_ID 123 and the private key must belong to the same app/,
    );
  });

  it('serves anyway when GitHub cannot be reached to confirm the identity', async () => {
    nock('https://api.github.com')
      .get('/app')
      .times(4)
      .replyWithError('getaddrinfo ENOTFOUND api.github.com');
    running = await startServer({ env, cwd: process.cwd(), appFn: noHandlers });
    expect(await (await fetch(`${running.url}/healthz`)).json()).toMatchObject({
      app: 'implementation-agent',
    });
  });
});
