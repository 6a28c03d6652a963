import { createHmac } from 'node:crypto';
import { webhookExample } from '../../fixtures/webhook-payloads.js';
import { ADVERSARIAL_MARKDOWN, fencedRequest } from '../../support/adversarial-inputs.js';
import { appPrivateKey } from './app-key.js';
import { permissiveGitHub, startProcess, type RecordedRequest } from './server-process-harness.js';

const SECRET = 'process-dos-secret';
const APP = {
  id: 42,
  slug: 'acme-agent',
  name: 'Acme agent',
  owner: { login: 'acme' },
  installations_count: 1,
};

/** Sends one delivery as GitHub does: signed with the webhook secret (`X-Hub-Signature-256`). */
async function deliver(url: string, name: string, payload: unknown, id: string): Promise<number> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await fetch(`${url}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': name,
      'x-github-delivery': id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return response.status;
}

/**
 * A `repository_dispatch` whose `client_payload` nests `depth` levels, as raw JSON: built as text,
 * since even this test's own JSON.stringify would overflow on it.
 */
function nestedDispatch(depth: number): string {
  const example = {
    ...webhookExample('repository_dispatch'),
    action: 'implementation-request',
    client_payload: 0,
  };
  const nested = `${'{"next":'.repeat(depth)}{"leaf":true}${'}'.repeat(depth)}`;
  return JSON.stringify(example).replace('"client_payload":0', `"client_payload":${nested}`);
}

function comment(body: string, issueNumber: number): Record<string, unknown> {
  const payload = webhookExample('issue_comment', 'created');
  payload.issue.number = issueNumber;
  payload.comment.body = body;
  return payload;
}

/** Resolves once GitHub received a request matching `matches`, or rejects at the deadline. */
async function receivedBy(
  requests: readonly RecordedRequest[],
  matches: (request: RecordedRequest) => boolean,
  deadlineMs: number,
): Promise<RecordedRequest> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const found = requests.find(matches);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `GitHub never received it; it saw: ${requests.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the app server process under hostile deliveries (issue #7)', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('survives every DoS example, delivered twice, and still answers an unrelated /help', async () => {
    const github = await permissiveGitHub(APP);
    const server = await startProcess({
      APP_ID: '42',
      PRIVATE_KEY: appPrivateKey,
      WEBHOOK_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
    });
    // The child is killed whatever happens, so a stall fails this test instead of hanging the suite.
    stop = () => {
      server.child.kill('SIGKILL');
      github.server.close();
    };
    const [, url = ''] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    // It listens first and answers 503 until GitHub has told it who the app is.
    for (const deadline = Date.now() + 20_000; ;) {
      const health = await fetch(`${url}/healthz`).then((answer) => answer.text());
      if (!health.includes('"starting"')) break;
      if (Date.now() > deadline) throw new Error(`the server never became ready: ${health}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const hostile: Array<[string, unknown]> = [
      ['issue_comment', comment(ADVERSARIAL_MARKDOWN['yaml-brackets']?.(2_000) ?? '', 11)],
      ['issue_comment', comment(fencedRequest('<a'.repeat(31_000)), 12)],
      ['issue_comment', comment(ADVERSARIAL_MARKDOWN['emphasis-runs']?.(60_000) ?? '', 13)],
      ['issue_comment', comment(`/implement\n${ADVERSARIAL_MARKDOWN['nested-quotes']?.(60_000) ?? ''}`, 14)],
      ['repository_dispatch', nestedDispatch(5_000)],
    ];
    let id = 0;
    for (const [name, payload] of hostile) {
      for (let time = 0; time < 2; time += 1) {
        id += 1;
        expect(await deliver(url, name, payload, `dos-${id}`)).toBeLessThan(300);
      }
    }
    expect(await deliver(url, 'issue_comment', comment('/help', 99), 'help-1')).toBeLessThan(300);

    const help = await receivedBy(
      github.requests,
      (request) =>
        request.method === 'POST' &&
        request.url.endsWith('/issues/99/comments') &&
        JSON.stringify(request.body).includes('### Commands'),
      20_000,
    );
    expect(help).toBeDefined();
    // The first example's answer is a refusal that says why, not a crash.
    const yaml = await receivedBy(
      github.requests,
      (request) =>
        request.url.endsWith('/issues/11/comments') && JSON.stringify(request.body).includes('levels deep'),
      20_000,
    );
    expect(yaml).toBeDefined();
    expect(server.child.exitCode).toBeNull();
    expect(server.output().stderr).not.toMatch(/FATAL ERROR|RangeError|Maximum call stack/);
  });
});
