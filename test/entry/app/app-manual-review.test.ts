import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
// The example's own head after the push (`after`, `pull_request.head.sha`).
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BASE = `/repos/${OWNER}/${REPO}`;
const TEMPLATE = 'services/orders-api/template.yaml';
const HANDLER = 'services/orders-api/src/handler.ts';
const SPEC = 'docs/implementation/orders-api.md';

type Api = ReturnType<typeof githubApi>;

const marker: TaskMarker = {
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  template_path: TEMPLATE,
  execution_mode: 'manual',
  effective_mode: 'manual',
  updated_at: '2026-11-29T10:00:00.000Z',
  // The head is the agent's own commit, as a task's status records it.
  last_push: { sha: HEAD, by: { kind: 'agent' } },
};

const GOOD_TEMPLATE = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Resources:',
  '  Orders:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      BillingMode: PAY_PER_REQUEST',
  '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
  '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
  '',
].join('\n');
const GOOD_HANDLER = 'export async function handler() {\n  return { statusCode: 200, body: "[]" };\n}\n';
// Line 2 does not parse: the TypeScript gate says so, with the line.
const BROKEN_HANDLER = 'export async function handler() {\n  return { statusCode: 200, body: [] ;\n}\n';

/** A real `pull_request.synchronize` payload; only the branch and, when given, the pusher differ. */
function pushEvent(sender?: { login: string; type: string }) {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.pull_request.head.ref = BRANCH;
  if (sender) Object.assign(payload.sender, sender);
  return payload;
}

/** What the pull request sync reads and writes: the task, the pull request, the config, the approval. */
function expectSync(api: Api) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(PULL, []);
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
}

/** The review's reads: the pusher's permission, earlier reviews, the config, the files at the head. */
function expectReviewReads(
  api: Api,
  params: { files: Record<string, string>; reviews?: unknown[]; pusher?: string; permission?: string },
) {
  api.permission(params.pusher ?? 'Codertocat', params.permission ?? 'write');
  api.scope
    .get(`${BASE}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(200, params.reviews ?? []);
  api.config(undefined);
  const paths = Object.keys(params.files);
  api.scope
    .get(`${BASE}/pulls/${PULL}/files`)
    .query({ per_page: '100' })
    .reply(
      200,
      paths.map((filename) => ({ filename, status: filename === TEMPLATE ? 'modified' : 'added' })),
    );
  api.tree(
    HEAD,
    paths.map((path, index) => ({ path, sha: `blob${index}`.padEnd(40, '0') })),
  );
  paths.forEach((path, index) => {
    api.scope.get(`${BASE}/git/blobs/${`blob${index}`.padEnd(40, '0')}`).reply(200, {
      encoding: 'base64',
      content: Buffer.from(params.files[path] ?? '').toString('base64'),
    });
  });
}

const reviewPosts = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path === `${BASE}/pulls/${PULL}/reviews`);

async function deliver(payload: Record<string, unknown>, id?: string) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload, id);
  expect(errors).toEqual([]);
}

describe('Probot app, manual mode: every human push is validated and reviewed', () => {
  it('a push that fails a gate gets one REQUEST_CHANGES review, the finding inline on its line', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    expectReviewReads(api, {
      files: { [SPEC]: '# spec\n', [HANDLER]: BROKEN_HANDLER, [TEMPLATE]: GOOD_TEMPLATE },
    });
    api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 501 });
    // The review is a step on the status comment.
    api.updateComment(900);

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    const [post, ...more] = reviewPosts(api);
    expect(more).toEqual([]);
    expect(post?.body).toMatchObject({ commit_id: HEAD, event: 'REQUEST_CHANGES' });
    expect(post?.body.body).toContain(`<!-- implementation-agent:push-review ${HEAD} -->`);
    expect(post?.body.body).toContain('found 1 problem');
    expect(post?.body.comments).toEqual([
      expect.objectContaining({
        path: HANDLER,
        line: 2,
        side: 'RIGHT',
        body: expect.stringContaining('**typescript**'),
      }),
    ]);
  });

  it('a clean push gets one COMMENT review saying every gate passed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    expectReviewReads(api, {
      files: { [SPEC]: '# spec\n', [HANDLER]: GOOD_HANDLER, [TEMPLATE]: GOOD_TEMPLATE },
    });
    api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 502 });
    // The review is a step on the status comment.
    api.updateComment(900);

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    const posts = reviewPosts(api);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ commit_id: HEAD, event: 'COMMENT', comments: [] });
    expect(posts[0]?.body.body).toContain('Every validation gate passed');
  });

  it('a finding in a file the pull request only modifies is listed in the body, not commented on a line outside the diff', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    expectReviewReads(api, { files: { [TEMPLATE]: 'Resources:\n  Bad:\n    Type: Nope\n  Broken: [\n' } });
    api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 503 });
    // The review is a step on the status comment.
    api.updateComment(900);

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    const post = reviewPosts(api)[0];
    expect(post?.body.event).toBe('REQUEST_CHANGES');
    expect(post?.body.comments).toEqual([]);
    expect(post?.body.body).toContain(`\`${TEMPLATE}\``);
  });

  it("a clean push after a failing one dismisses the agent's request for changes, which would keep blocking the PR", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const OLD = 'd'.repeat(40);
    expectSync(api);
    expectReviewReads(api, {
      files: { [HANDLER]: GOOD_HANDLER },
      reviews: [
        {
          id: 41,
          user: { login: APP_LOGIN },
          state: 'CHANGES_REQUESTED',
          commit_id: OLD,
          body: `<!-- implementation-agent:push-review ${OLD} -->\nThe validation gates found 1 problem`,
        },
        { id: 42, user: { login: 'Codertocat' }, state: 'COMMENTED', commit_id: OLD, body: 'fixing' },
      ],
    });
    api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 505 });
    // The review is a step on the status comment.
    api.updateComment(900);
    api.scope.put(`${BASE}/pulls/${PULL}/reviews/41/dismissals`).reply(200, { id: 41, state: 'DISMISSED' });

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)[0]?.body.event).toBe('COMMENT');
    const dismissals = api.calls.filter((call) => call.method === 'PUT');
    expect(dismissals).toEqual([
      expect.objectContaining({
        path: `${BASE}/pulls/${PULL}/reviews/41/dismissals`,
        body: expect.objectContaining({ message: 'Every validation gate passes on ec26c3e.' }),
      }),
    ]);
  });

  it('a dismissal the branch refuses does not stop the clean review', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const OLD = 'd'.repeat(40);
    expectSync(api);
    expectReviewReads(api, {
      files: { [HANDLER]: GOOD_HANDLER },
      reviews: [
        {
          id: 41,
          user: { login: APP_LOGIN },
          state: 'CHANGES_REQUESTED',
          commit_id: OLD,
          body: `<!-- implementation-agent:push-review ${OLD} -->`,
        },
      ],
    });
    api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 506 });
    // The review is a step on the status comment.
    api.updateComment(900);
    api.scope
      .put(`${BASE}/pulls/${PULL}/reviews/41/dismissals`)
      .reply(403, { message: 'Resource not accessible by integration' });

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toHaveLength(1);
  });

  it("the agent's own push gets no review", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);

    await deliver(pushEvent({ login: APP_LOGIN, type: 'Bot' }));

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toEqual([]);
  });

  it("another bot's push gets no review", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    // The push is recorded on the status (`last_push`, whose approval counts) though nothing else moves.
    api.updateComment(900);

    await deliver(pushEvent({ login: 'dependabot[bot]', type: 'Bot' }));

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toEqual([]);
  });

  it('a redelivered push posts nothing more: the head already has the agent’s review', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    // The push is recorded on the status (`last_push`, whose approval counts) though nothing else moves.
    api.updateComment(900);
    api.permission('Codertocat', 'write');
    api.scope
      .get(`${BASE}/pulls/${PULL}/reviews`)
      .query({ per_page: '100' })
      .reply(200, [
        {
          id: 501,
          user: { login: APP_LOGIN },
          state: 'CHANGES_REQUESTED',
          commit_id: HEAD,
          body: `<!-- implementation-agent:push-review ${HEAD} -->\nThe validation gates found 1 problem`,
        },
      ]);

    await deliver(pushEvent(), 'delivery-push-1');

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toEqual([]);
  });

  it('the same head-sha marker in a review by someone else does not count as the agent’s review', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    expectReviewReads(api, {
      files: { [HANDLER]: GOOD_HANDLER },
      reviews: [
        {
          id: 9,
          user: { login: 'mallory' },
          state: 'COMMENTED',
          commit_id: HEAD,
          body: `<!-- implementation-agent:push-review ${HEAD} -->`,
        },
      ],
    });
    api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 504 });
    // The review is a step on the status comment.
    api.updateComment(900);

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toHaveLength(1);
  });

  it('a push by someone without write access is not reviewed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api);
    api.permission('Codertocat', 'read');
    // The push is recorded on the status (`last_push`, whose approval counts) though nothing else moves.
    api.updateComment(900);

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toEqual([]);
  });

  it('a push to a pull request from a fork is not the agent’s: nothing is read or posted', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    const payload = pushEvent();
    payload.pull_request.head.repo.full_name = 'mallory/Hello-World';

    await deliver(payload);

    expect(api.calls).toEqual([]);
    expect(reviewPosts(api)).toEqual([]);
  });

  it('a guided task’s push is not reviewed: the approval check alone', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [
      agentStatusComment({ marker: { ...marker, execution_mode: 'guided', effective_mode: 'guided' } }),
    ]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, []);
    api.approvalChecksOn(HEAD);
    api.approvalCheck();
    // The push is recorded on the status (`last_push`, whose approval counts) though nothing else moves.
    api.updateComment(900);

    await deliver(pushEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(reviewPosts(api)).toEqual([]);
  });
  it.each([
    ['fails a gate', BROKEN_HANDLER, 'changes_requested', 1, 'changes requested.'],
    ['passes every gate', GOOD_HANDLER, 'awaiting_review', 0, 'every gate passed.'],
  ] as const)(
    'a push that %s is a step on the status comment: verdict, head and findings in the record',
    async (_case, handler, verdict, findings, said) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectSync(api);
      expectReviewReads(api, {
        files: { [SPEC]: '# spec\n', [HANDLER]: handler, [TEMPLATE]: GOOD_TEMPLATE },
      });
      api.scope.post(`${BASE}/pulls/${PULL}/reviews`).reply(200, { id: 507 });
      api.updateComment(900);

      await deliver(pushEvent());

      expect(api.scope.isDone()).toBe(true);
      const written = api.calls.filter(
        (call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'),
      );
      expect(written).toHaveLength(1);
      const body = String(written[0]?.body.body);
      const line = `Reviewed @Codertocat's push \`${HEAD.slice(0, 7)}\` on #${PULL}: ${findings} finding${findings === 1 ? '' : 's'}, ${said}`;
      expect(body).toContain(line);
      expect(readStateMarker(body)?.marker).toMatchObject({
        state: 'pr_open',
        last_outcome: expect.objectContaining({ status: verdict, headSha: HEAD, findings, message: line }),
      });
    },
  );
});
