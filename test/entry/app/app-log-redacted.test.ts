import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { implementationAgentApp } from '../../../src/entry/app/app.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { INSTALLATION_ID, webhookExample } from '../../fixtures/webhook-payloads.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from './agent-status.js';
import { githubApi } from './github-api.js';

/**
 * The app logged what its work logged, and a failed job's error, as given: an error's message can
 * echo a request (a URL with a token, a header). Both now go through the one redactor at the sink.
 */
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

afterEach(() => nock.cleanAll());

it("FAULT: a failed job's error echoing a token reaches the app's log redacted", async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const probot = new Probot({
    appId: 123,
    privateKey,
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object), enabled: false },
    })),
    log: pino({ level: 'info' }, stream),
  });
  await probot.load(
    implementationAgentApp({
      providerFor: () => createOfflineProvider(),
      login: APP_LOGIN,
      markerKeys: TEST_MARKER_KEYS,
      settle: async () => undefined,
    }),
  );
  const api = githubApi({ owner: 'Codertocat', repo: 'Hello-World' });
  api.installationToken(INSTALLATION_ID);
  nock('https://api.github.com')
    .persist()
    .get(/.*/)
    .reply(500, { message: `upstream refused https://x-access-token:${TOKEN}@github.com/acme/shop.git` })
    .post(/.*/)
    .reply(500, { message: `upstream refused https://x-access-token:${TOKEN}@github.com/acme/shop.git` });
  const payload = webhookExample('issues', 'labeled');
  payload.label = { name: 'implementation' };
  await probot.receive({ id: 'delivery-log-1', name: 'issues', payload } as Parameters<Probot['receive']>[0]);
  // The job runs after the webhook returns; its failure is logged once the redactor is done. Wait
  // for it on the clock (up to 20 s), not a count of ticks: a loaded machine needs more of them.
  for (let wait = 0; wait < 2000 && !lines.some((line) => line.includes('task failed')); wait += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const logged = lines.join('\n');
  expect(logged).toContain('task failed');
  expect(logged).toContain('upstream refused');
  expect(logged).not.toContain(TOKEN);
});
