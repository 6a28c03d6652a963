import { accountId } from './account-id.js';
import { MAX_HUMAN_PUSHERS } from '../../../src/core/review/human-pushers-after.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review 13o (issues #9/#10, DESIGN §5b: whoever pushed to the task's branch cannot approve it).
// The marker keeps at most MAX_HUMAN_PUSHERS pushers (`human_pushers`); the 21st pusher's
// `pull_request.synchronize` dropped the oldest, and that writer's approval of the head counted
// again. Past the bound nobody is dropped silently: the marker gets `trust_lost`, no approval counts
// and the approval check says a person merges by hand.

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BEFORE = 'd'.repeat(40);
const OLDEST = 'writer-0';

type Api = ReturnType<typeof githubApi>;

const writer = (index: number) => ({
  login: `writer-${index}`,
  id: accountId(`writer-${index}`),
  type: 'User',
});

/** A guided task whose branch `count` writers pushed to, the last of them its recorded head. */
const markerWithPushers = (count: number): TaskMarker => {
  const last = writer(count - 1);
  return {
    task_id: `${OWNER}/${REPO}#1`,
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    branch: BRANCH,
    pull_number: PULL,
    requester: 'requester-dev',
    effective_mode: 'guided',
    updated_at: '2026-11-29T10:00:00.000Z',
    last_push: { sha: BEFORE, by: { kind: 'human', login: last.login, id: last.id } },
    human_pushers: Array.from({ length: count }, (_, index) => writer(index)),
  };
};

/** The real `synchronize` payload (its head is HEAD), pushed by `pusher` on the recorded head. */
function pushedBy(pusher: string) {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.before = BEFORE;
  payload.pull_request.head.ref = BRANCH;
  payload.sender.login = pusher;
  payload.sender.id = accountId(pusher);
  payload.sender.type = 'User';
  return payload;
}

/** What the sync reads: the task's status, the pull request at HEAD, the config, the reviews. */
function expectSync(api: Api, status: TaskMarker, approvers: string[]) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const lastMarker = (api: Api) => readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker;
const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe(`review 13o: a ${MAX_HUMAN_PUSHERS + 1}st pusher does not let the oldest one approve`, () => {
  it('control: the oldest of 20 pushers stays set aside when the last of them pushes again', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const status = markerWithPushers(MAX_HUMAN_PUSHERS);
    expectSync(api, status, [OLDEST]);

    await deliver('pull_request', pushedBy(writer(MAX_HUMAN_PUSHERS - 1).login));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(approvalCheckBody(api)?.output.summary).toContain(`@${OLDEST} pushed commits to this branch`);
    expect(lastMarker(api)?.trust_lost).toBeUndefined();
  });

  it(`the ${MAX_HUMAN_PUSHERS + 1}st pusher's push sets every approval aside and records trust_lost`, async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, markerWithPushers(MAX_HUMAN_PUSHERS), [OLDEST, 'maintainer']);

    await deliver('pull_request', pushedBy(`writer-${MAX_HUMAN_PUSHERS}`));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(approvalCheckBody(api)).not.toMatchObject({ conclusion: 'success' });
    const summary = String(approvalCheckBody(api)?.output.summary);
    expect(summary).toContain(`@${OLDEST}'s approval cannot be weighed`);
    expect(summary).toContain('more people pushed to this branch than it keeps');
    expect(summary).toContain('merges it by hand');
    const after = lastMarker(api);
    expect(after).toMatchObject({ state: 'pr_open', trust_lost: true });
    expect(after?.human_pushers).toHaveLength(MAX_HUMAN_PUSHERS);
  });

  it('a later approval by the writer left out of the list still does not count', async () => {
    const first = githubApi({ owner: OWNER, repo: REPO });
    expectSync(first, markerWithPushers(MAX_HUMAN_PUSHERS), []);
    await deliver('pull_request', pushedBy(`writer-${MAX_HUMAN_PUSHERS}`));
    const recorded = lastMarker(first);
    expect(recorded?.trust_lost).toBe(true);

    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, recorded as TaskMarker, [OLDEST]);
    const review = webhookExample('pull_request_review', 'submitted');
    review.review.state = 'approved';
    review.review.user.login = OLDEST;
    review.review.user.id = accountId(OLDEST);
    review.sender.login = OLDEST;
    review.sender.id = accountId(OLDEST);
    review.pull_request.head.ref = BRANCH;
    review.pull_request.head.sha = HEAD;
    await deliver('pull_request_review', review);

    expect(approvalCheckBody(api)).not.toMatchObject({ conclusion: 'success' });
    expect(String(approvalCheckBody(api)?.output.summary)).toContain(
      `@${OLDEST}'s approval cannot be weighed`,
    );
    expect(lastMarker(api)?.state).not.toBe('approved');
  });
});
