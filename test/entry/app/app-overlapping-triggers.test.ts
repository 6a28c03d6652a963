import { APP_LOGIN, agentStatusComment } from './agent-status.js';
import { renderDispatchMarker } from '../../../src/core/idempotency/dispatch-marker.js';
import { IN_FLIGHT_STALE_AFTER_MS } from '../../../src/core/idempotency/request-under-way.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { readExample, webhookExample } from '../../fixtures/webhook-payloads.js';
import { sideEffectsOf } from '../../support/redelivery.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

const FORM = readExample('orders-api.issue.md');

function formIssue(action: 'opened' | 'labeled', options: { body?: string; updatedAt?: string } = {}) {
  const payload = webhookExample('issues', action);
  payload.issue.body = options.body ?? FORM;
  payload.issue.labels = [{ name: 'implementation' }];
  if (action === 'labeled') payload.label = { name: 'implementation' };
  if (options.updatedAt) payload.issue.updated_at = options.updatedAt;
  return payload;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook JSON edited in place
function implementComment(options: { id?: number; body?: string } = {}): Record<string, any> {
  const payload = webhookExample('issue_comment', 'created');
  payload.issue.body = FORM;
  payload.comment.id = options.id ?? payload.comment.id;
  payload.comment.body = options.body ?? '/implement';
  payload.comment.created_at = '2026-11-24T10:00:00Z';
  return payload;
}

/** A provider that counts its calls and holds every generation until `release` is called. */
function heldProvider() {
  const offline = createOfflineProvider();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started: () => void = () => undefined;
  const generating = new Promise<void>((resolve) => (started = resolve));
  let calls = 0;
  const provider: ModelProvider = {
    name: offline.name,
    generate: async (input) => {
      calls++;
      started();
      await gate;
      return offline.generate(input);
    },
  };
  return { provider, release, generating, calls: () => calls };
}

const fakeGitHub = () => githubFakeBehindNock({ permissions: { Codertocat: 'admin' } });
const replies = (fake: ReturnType<typeof fakeGitHub>) =>
  fake.comments.filter((comment) => !comment.body.includes('implementation-agent:state'));

describe('overlapping triggers make one generation', () => {
  it('issues.labeled handled before issues.opened: the task runs once', async () => {
    const fake = fakeGitHub();
    const { receive, errors } = await testProbot();

    await receive('issues', formIssue('labeled'));
    await receive('issues', formIssue('opened'));

    expect(errors).toEqual([]);
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1, pullRequests: 1, commits: 1, checkRuns: 1 });
  });

  it.each([
    ['opened first', ['opened', 'implement']],
    ['/implement first', ['implement', 'opened']],
  ])(
    'opened + /implement at once (%s): one generation, and the /implement is answered once',
    async (_label, order) => {
      const fake = fakeGitHub();
      const app = await testProbot();

      // Both arrive before either is handled, as two webhooks a moment apart do.
      for (const event of order) {
        if (event === 'opened') await app.deliver('issues', formIssue('opened'));
        else await app.deliver('issue_comment', implementComment());
      }
      await app.idle();

      expect(app.errors).toEqual([]);
      expect(sideEffectsOf(fake)).toMatchObject({
        generations: 1,
        pullRequests: 1,
        commits: 1,
        checkRuns: 1,
      });
      if (order[0] === 'opened') {
        expect(replies(fake).map((reply) => reply.body)).toEqual([
          expect.stringContaining(
            '@Codertocat, this request already has its pull request (pull request #101)',
          ),
        ]);
      } else {
        expect(replies(fake)).toEqual([]);
      }
    },
  );

  it('a trigger arriving during a generation in the same process joins it: one model call', async () => {
    const fake = fakeGitHub();
    const held = heldProvider();
    const app = await testProbot({ providerFor: () => held.provider });
    const dispatch = {
      action: 'implementation-request',
      client_payload: JSON.parse(readExample('orders-api.request.json')),
      repository: webhookExample('issues', 'opened').repository,
      sender: { login: 'Codertocat', type: 'User' },
      installation: { id: 2 },
    };

    // The dispatch opens issue #1 and starts generating; /implement on #1 arrives meanwhile.
    await app.deliver('repository_dispatch', dispatch);
    await held.generating;
    const onDispatchIssue = implementComment();
    onDispatchIssue.issue.body = fake.issues[0]?.body;
    await app.deliver('issue_comment', onDispatchIssue);
    held.release();
    await app.idle();

    expect(app.errors).toEqual([]);
    expect(held.calls()).toBe(1);
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1, issues: 1, pullRequests: 1, commits: 1 });
    // It waited for the generation to end, and answers with what that made.
    expect(replies(fake).map((reply) => reply.body)).toEqual([
      expect.stringContaining('this request already has its pull request (pull request #101)'),
    ]);
  });

  it('a trigger seen by a second app instance while the first is generating is answered, not run again', async () => {
    const fake = fakeGitHub();
    const held = heldProvider();
    const first = await testProbot({ providerFor: () => held.provider });
    const second = await testProbot({ providerFor: () => held.provider });

    await first.deliver('issues', formIssue('opened'));
    await held.generating;
    await second.receive('issue_comment', implementComment());
    held.release();
    await first.idle();

    expect([...first.errors, ...second.errors]).toEqual([]);
    expect(held.calls()).toBe(1);
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1, pullRequests: 1, commits: 1 });
    expect(replies(fake).map((reply) => reply.body)).toEqual([
      expect.stringContaining('@Codertocat, this request is already being generated'),
    ]);
  });
});

describe('what is not a repeat runs', () => {
  it('/implement with a changed request regenerates, on the same branch and pull request', async () => {
    const fake = fakeGitHub();
    const { receive, errors } = await testProbot();
    const changed = JSON.parse(readExample('orders-api.request.json'));
    changed.execution_request.description = 'Orders API, now with refunds';

    await receive('issues', formIssue('opened'));
    await receive(
      'issue_comment',
      implementComment({ body: ['/implement', '', '```json', JSON.stringify(changed), '```'].join('\n') }),
    );

    expect(errors).toEqual([]);
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 2, pullRequests: 1, commits: 2 });
    expect(replies(fake)).toEqual([]);
  });

  it('a labeling after a failed run starts it again; the failed labeling redelivered does not', async () => {
    const fake = fakeGitHub();
    const broken = FORM.replace(/### Task type\s+\S+/, '### Task type\n\nmainframe');
    const failedLabeling = formIssue('labeled', { body: broken, updatedAt: '2026-11-24T10:00:00Z' });

    await (await testProbot()).receive('issues', failedLabeling);
    const afterFailure = sideEffectsOf(fake);
    // Another process (a restart): the delivery id is not remembered, the marker is.
    await (await testProbot()).receive('issues', failedLabeling);
    expect(sideEffectsOf(fake)).toEqual(afterFailure);
    expect(fake.comments[0]?.body).toContain('"state":"failed"');

    await (await testProbot()).receive('issues', formIssue('labeled', { updatedAt: '2026-11-24T11:00:00Z' }));
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1, pullRequests: 1 });
  });

  it('a delivery whose handling crashed is handled again when it is redelivered', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin' },
      failOnce: 'GET /collaborators/Codertocat/permission',
    });
    const app = await testProbot();

    await app.receive('issues', formIssue('opened'), 'c0ffee00-cc78-11e3-81ab-4c9367dc0958');
    expect(app.errors).toHaveLength(1);
    await app.receive('issues', formIssue('opened'), 'c0ffee00-cc78-11e3-81ab-4c9367dc0958');

    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1, pullRequests: 1 });
  });

  it('a redelivered trigger whose run died mid-generation (stale marker) runs again', async () => {
    const fake = fakeGitHub();
    fake.comments.push({
      ...agentStatusComment({
        marker: {
          task_id: 'Codertocat/Hello-World#1',
          state: 'generating',
          attempt: 1,
          cost_usd: 0,
          handled_triggers: ['opened'],
          updated_at: new Date(Date.now() - IN_FLIGHT_STALE_AFTER_MS - 60_000).toISOString(),
        },
      }),
      issue_number: 1,
    });
    const { receive, errors } = await testProbot();

    await receive('issues', formIssue('opened'));

    expect(errors).toEqual([]);
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1, pullRequests: 1 });
    expect(fake.comments[0]?.body).toContain('"state":"pr_open"');
  });

  it('the same payload dispatched with another request_id is another request: a second issue', async () => {
    const fake = fakeGitHub();
    const dispatch = (requestId: string) => ({
      action: 'implementation-request',
      client_payload: { ...JSON.parse(readExample('orders-api.request.json')), request_id: requestId },
      repository: webhookExample('issues', 'opened').repository,
      sender: { login: 'Codertocat', type: 'User' },
      installation: { id: 2 },
    });
    const { receive, errors } = await testProbot();

    await receive('repository_dispatch', dispatch('ORD-1'));
    await receive('repository_dispatch', dispatch('ORD-1'));
    await receive('repository_dispatch', dispatch('ORD-2'));

    expect(errors).toEqual([]);
    expect(sideEffectsOf(fake)).toMatchObject({ issues: 2, generations: 2 });
    expect(fake.issues.map((issue) => issue.body)).toEqual([
      // Signed with the app's dispatch key: a copied line in an issue of the same identity does not count.
      expect.stringMatching(
        /<!-- implementation-agent:dispatch \{"request_id":"ORD\\u002d1"\} hmac-sha256=[0-9a-f]{64} -->/,
      ),
      expect.stringMatching(
        /<!-- implementation-agent:dispatch \{"request_id":"ORD\\u002d2"\} hmac-sha256=[0-9a-f]{64} -->/,
      ),
    ]);
  });

  it('an issue in the agent’s name whose dispatch line is not signed does not capture the request', async () => {
    const fake = fakeGitHub();
    // As any workflow writing under a shared identity could: the hidden line copied, unsigned.
    fake.issues.push({
      number: 1,
      title: '[Implementation]: Orders API',
      body: `Not the agent's.\n\n${renderDispatchMarker('ORD-1')}`,
      user: { login: APP_LOGIN, type: 'Bot' },
      created_at: '2026-11-24T09:00:00Z',
    });
    const { receive, errors } = await testProbot();

    await receive('repository_dispatch', {
      action: 'implementation-request',
      client_payload: { ...JSON.parse(readExample('orders-api.request.json')), request_id: 'ORD-1' },
      repository: webhookExample('issues', 'opened').repository,
      sender: { login: 'Codertocat', type: 'User' },
      installation: { id: 2 },
    });

    expect(errors).toEqual([]);
    expect(fake.issues).toHaveLength(2);
    expect(fake.issues[1]?.body).toMatch(/hmac-sha256=[0-9a-f]{64} -->/);
    expect(sideEffectsOf(fake)).toMatchObject({ generations: 1 });
  });
});
