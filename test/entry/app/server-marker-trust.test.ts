import { createHmac } from 'node:crypto';
import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { markerSignatureMatches } from '../../../src/core/state/marker-signature.js';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { startServer, type RunningServer } from '../../../src/entry/app/start-server.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { appPrivateKey } from './app-key.js';

const SECRET = 'the-app-webhook-secret';
const KEYS = markerKeysFrom({ secret: SECRET }) as MarkerKeys;
const env = {
  APP_ID: '123',
  PRIVATE_KEY: appPrivateKey,
  WEBHOOK_SECRET: SECRET,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'fatal',
};

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Posts a delivery signed with the webhook secret, as GitHub does (`X-Hub-Signature-256`). */
async function deliver(url: string, name: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha256', SECRET).update(body).digest('hex');
  const answer = await fetch(`${url}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': name,
      'x-github-delivery': `delivery-${Math.random()}`,
      'x-hub-signature-256': `sha256=${signature}`,
    },
    body,
  });
  expect(answer.status).toBe(200);
}

async function until(done: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error('the queued work did not finish');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the app server signs and checks markers as the app GitHub says it is', () => {
  it("continues its own status (written as <slug>[bot], signed with the webhook secret's key)", async () => {
    const api = githubApi({ owner: 'Codertocat', repo: 'Hello-World' });
    api.scope
      .get('/app')
      .reply(200, { id: 123, slug: 'acme-agent', name: 'Acme agent', owner: { login: 'acme' } });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    const status = agentStatusComment({
      marker: {
        task_id: 'Codertocat/Hello-World#1',
        state: 'failed',
        attempt: 1,
        cost_usd: 0,
        updated_at: '2026-11-24T09:00:00Z',
      },
      user: { login: 'acme-agent[bot]', type: 'Bot' },
      signingKey: KEYS.current,
    });
    api.comments(1, [status]);
    // The board reads the comment again just before it writes (another run may have written since).
    api.scope.get('/repos/Codertocat/Hello-World/issues/comments/900').reply(200, status);
    api.permission('outsider', 'read');
    api.updateComment(900);
    running = await startServer({ env, cwd: process.cwd() });
    const payload = webhookExample('issue_comment', 'created');
    payload.sender.login = 'outsider';
    payload.comment.body = [
      '/implement',
      '',
      '```json',
      readExample('orders-api.request.json').trim(),
      '```',
    ].join('\n');

    await deliver(running.url, 'issue_comment', payload);
    // nock counts a request as matched before its body reaches the recorder: wait for the write itself.
    await until(() => api.scope.isDone() && api.calls.some((call) => call.method === 'PATCH'));

    const held = api.calls.find((call) => call.method === 'PATCH')?.body.body as string;
    const line = readStateMarker(held);
    expect(line?.marker).toMatchObject({ state: 'held', attempt: 1 });
    expect(
      markerSignatureMatches({ text: line?.json ?? '', signature: line?.signature ?? '', key: KEYS.current }),
    ).toBe(true);
  });
});
