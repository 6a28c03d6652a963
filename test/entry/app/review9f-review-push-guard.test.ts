import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9f: review events did not go through the push guard. A `pull_request_review` or
// `pull_request_review_comment` arriving on a head the agent never recorded (a push while the pull
// request was closed, a lost `synchronize`) counted at once: on an automated task GitHub's
// auto-merge stayed on, and nobody asked who pushed that head. Right: the review is handled as a
// person's push first — guided, auto-merge off, `unvalidated_push` recorded, GitHub asked who
// pushed it — and only then does it count, under the pusher rule.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const BASE = `/repos/${OWNER}/${REPO}`;
/** The webhooks-examples pull request's head: a push no event told the agent of. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The agent's own newest commit, under HEAD. */
const AGENT_COMMIT = 'a'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const task = (fields: Partial<TaskMarker>): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  risk_level: 'low',
  last_push: { sha: AGENT_COMMIT, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
  ...fields,
});

/** The sync's reads: the task, the pull request at HEAD, the config, the reviews. */
function expectSync(api: Api, marker: TaskMarker, reviews: Array<{ login: string; state: string }>) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    reviews.map((review) => ({ ...review, commit_id: HEAD })),
  );
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

/** What a review that may carry feedback reads next (`iterateOnFeedback`), each optional. */
function expectFeedbackReads(api: Api, marker: TaskMarker) {
  api.scope
    .get(`${BASE}/issues/1/comments`)
    .query(true)
    .optionally()
    .reply(200, [agentStatusComment({ marker })]);
  api.scope
    .get(`${BASE}/pulls/${PULL}`)
    .optionally()
    .reply(200, {
      number: PULL,
      state: 'open',
      merged: false,
      head: { sha: HEAD, ref: BRANCH, repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
      base: { ref: 'master', repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
    });
  api.scope.get(`${BASE}/pulls/${PULL}/comments`).query(true).optionally().reply(200, []);
  api.scope.get(`${BASE}/issues/${PULL}/comments`).query(true).optionally().reply(200, []);
  api.scope.get(`${BASE}/pulls/${PULL}/reviews`).query(true).optionally().reply(200, []);
}

/** A real webhooks-examples payload (`webhookExample`), its pull request moved to the task branch. */
const onBranch = (payload: ReturnType<typeof webhookExample>) => {
  payload.pull_request.head.ref = BRANCH;
  return payload;
};

const statusMarker = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker;
const approvalCheckBody = (api: Api) =>
  api.calls.find(
    (call) =>
      call.method === 'POST' &&
      call.path.endsWith('/check-runs') &&
      call.body.name === 'implementation-agent/approval',
  )?.body;
const autoMergeCalls = (api: Api) =>
  api.calls.filter((call) => call.path === '/graphql' && String(call.body.query).includes('AutoMerge'));
/** The order of the run's calls, to show GitHub was asked who pushed before the review was judged. */
const order = (api: Api) =>
  api.calls
    .filter((call) => call.method !== 'GET' || !call.path.includes('/check-runs'))
    .map((call) => call.path.split('?')[0] ?? '')
    .filter(
      (path) =>
        path.endsWith('/activity') || path.includes('/collaborators/') || path.endsWith('/check-runs'),
    );

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe('review #9f: review events go through the push guard', () => {
  it('FAULT: an approval of an unseen head on an automated task: auto-merge off, guided, the head recorded, its pusher asked and set aside', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const marker = task({ effective_mode: 'automated' });
    expectSync(api, marker, [{ login: 'Codertocat', state: 'APPROVED' }]);
    api.branchActivity(BRANCH, [{ before: AGENT_COMMIT, after: HEAD, timestamp: '2026-11-29T09:30:00Z' }]);
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
      .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
    api.createComment(PULL, 6001);
    const review = onBranch(webhookExample('pull_request_review', 'submitted'));
    review.review.state = 'approved';
    // GitHub's activity record says Codertocat pushed HEAD; Codertocat approves it.
    review.review.user.login = 'Codertocat';
    review.sender.login = 'Codertocat';

    await deliver('pull_request_review', review);

    expect(autoMergeCalls(api).map((call) => String(call.body.query))).toEqual([
      expect.stringContaining('disablePullRequestAutoMerge'),
    ]);
    expect(statusMarker(api)).toMatchObject({
      effective_mode: 'guided',
      unvalidated_push: HEAD,
      last_push: { sha: HEAD, by: { kind: 'human', login: 'Codertocat' } },
      foreign_pushes: [{ sha: HEAD, login: 'Codertocat' }],
    });
    const check = approvalCheckBody(api);
    expect(check).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(String(check?.output.summary)).toContain(
      '@Codertocat pushed `ec26c3e`; someone else must approve it',
    );
    expect(order(api)[0]).toBe(`${BASE}/activity`);
  });

  it('a dismissed review on an unseen head of a guided task records the head and asks who pushed it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, task({}), [{ login: 'ann', state: 'APPROVED' }]);
    api.branchActivity(BRANCH, [], { status: 404 });
    api.permission('ann', 'write');

    await deliver('pull_request_review', onBranch(webhookExample('pull_request_review', 'dismissed')));

    expect(statusMarker(api)).toMatchObject({ unvalidated_push: HEAD, foreign_pushes: [{ sha: HEAD }] });
    expect(String(approvalCheckBody(api)?.output.summary)).toContain(
      "One more approval from another writer is needed because GitHub could not say who pushed `ec26c3e`: @ann's approval may be the pusher's own",
    );
    expect(order(api)).toEqual([
      `${BASE}/activity`,
      `${BASE}/collaborators/ann/permission`,
      `${BASE}/check-runs`,
    ]);
  });

  it('an inline review comment on an unseen head is handled as a person’s push before anything else', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const marker = task({});
    expectSync(api, marker, []);
    api.branchActivity(BRANCH, [{ before: AGENT_COMMIT, after: HEAD, timestamp: '2026-11-29T09:30:00Z' }]);
    expectFeedbackReads(api, marker);

    await deliver(
      'pull_request_review_comment',
      onBranch(webhookExample('pull_request_review_comment', 'created')),
    );

    expect(statusMarker(api)).toMatchObject({
      unvalidated_push: HEAD,
      last_push: { sha: HEAD, by: { kind: 'human', login: 'Codertocat' } },
      // The type GitHub's activity gave stays when the push itself names the login alone (#10n).
      human_pushers: [{ login: 'codertocat', type: 'User' }],
    });
    expect(order(api)[0]).toBe(`${BASE}/activity`);
  });

  it('control: a review of the head the agent recorded asks GitHub nothing and records nothing new', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const marker = task({ last_push: { sha: HEAD, by: { kind: 'agent' } } });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, []);
    api.approvalChecksOn(HEAD);
    api.approvalCheck();

    await deliver('pull_request_review', onBranch(webhookExample('pull_request_review', 'dismissed')));

    expect(api.scope.isDone()).toBe(true);
    expect(order(api)).toEqual([`${BASE}/check-runs`]);
    expect(statusMarker(api)).toBeUndefined();
  });
});
