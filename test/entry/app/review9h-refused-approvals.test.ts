// Review #9h attacker pass (fresh eyes): attacks on guided mode's approval by someone with only read
// or triage access, a bot, or a pusher hiding behind GitHub's activity list, that the agent refuses
// today (ordinary passing tests; the faults found are in the other review9h-* files).
//
// Tried and held here: a reader's and a triager's approval (not counted), a bot's approval (nobody's
// verdict), `pull_request_review.edited` (moves nothing, asks nothing), an approver whose write access
// was taken away before the next event (the check goes back to pending, the task to pr_open), the
// activity list naming the head's pusher once on the first page and someone else for the same sha on
// the last page read (unknown: two writers), a list longer than the pages read (unknown), a refused
// activity list (403: unknown), a head the branch was force-pushed back to, which the agent once
// pushed (its own login among the actors: unknown), and a review of a head whose push the activity
// list does not show yet (unknown, recorded without a pusher), which the late `synchronize` then names.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { MAX_ACTIVITY_PAGES } from '../../../src/github/read-pushers.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { API, githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The head the reviews are of (the webhooks-examples pull request's head). */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The agent's commit, the head it recorded before someone pushed HEAD. */
const AGENT = 'b'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const marker = (extra: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
  ...extra,
});

/** A head the agent never saw: it recorded AGENT. */
const unseenHead = marker({ last_push: { sha: AGENT, by: { kind: 'agent' } } });

function reviewOf(login: string, state = 'approved', action = 'submitted', type = 'User') {
  const review = webhookExample('pull_request_review', 'submitted');
  review.action = action;
  review.review.state = state;
  review.review.user.login = login;
  review.review.user.type = type;
  review.review.commit_id = HEAD;
  review.sender.login = login;
  review.sender.type = type;
  review.pull_request.head.ref = BRANCH;
  review.pull_request.head.sha = HEAD;
  return review;
}

const user = (login: string, type = 'User') => ({ login, id: login.length * 1000 + 9, type });
const activity = (id: number, after: string, actor: ReturnType<typeof user> | null, type = 'push') => ({
  id,
  node_id: `RA_kwDOABCD${id}`,
  before: AGENT,
  after,
  ref: `refs/heads/${BRANCH}`,
  timestamp: `2026-11-29T09:${String(id % 60).padStart(2, '0')}:00Z`,
  activity_type: type,
  actor,
});

const ACTIVITY_QUERY = { ref: `refs/heads/${BRANCH}`, direction: 'desc', per_page: '100' };

/** The activity list in pages, each but the last linking the next by cursor. */
function activityPages(api: Api, pages: unknown[][], linkAfterLast = false) {
  const path = `/repos/${OWNER}/${REPO}/activity`;
  pages.forEach((items, index) => {
    const cursor = index === 0 ? {} : { after: `Y3Vyc29yOnYy${index}` };
    const next = new URLSearchParams({ ...ACTIVITY_QUERY, after: `Y3Vyc29yOnYy${index + 1}` });
    const linked = linkAfterLast || index < pages.length - 1;
    api.scope
      .get(path)
      .query({ ...ACTIVITY_QUERY, ...cursor })
      .reply(200, items, linked ? { Link: `<${API}${path}?${next.toString()}>; rel="next"` } : {});
  });
}

function expectSync(
  api: Api,
  status: TaskMarker,
  reviews: Array<{ login: string; state?: string; type?: string; permission?: string }>,
) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.scope
    .get(`/repos/${OWNER}/${REPO}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(
      200,
      reviews.map((review, index) => ({
        id: index + 1,
        user: { login: review.login, type: review.type ?? 'User' },
        state: review.state ?? 'APPROVED',
        commit_id: HEAD,
      })),
    );
  for (const review of reviews)
    if (review.type !== 'Bot') api.permission(review.login, review.permission ?? 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.scope.patch(`/repos/${OWNER}/${REPO}/issues/comments/900`).optionally().reply(200, { id: 900 });
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;
const writtenMarker = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker;

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe('Probot app, guided mode: approvals that must not count', () => {
  it.each([['read'], ['triage']])("a %s collaborator's approval is not counted", async (permission) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [{ login: 'reader', permission }]);
    await deliver('pull_request_review', reviewOf('reader'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });

  it("a bot's approval (an App with contents: write) is nobody's verdict", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(), [{ login: 'auto-approve[bot]', type: 'Bot' }]);
    await deliver('pull_request_review', reviewOf('auto-approve[bot]', 'approved', 'submitted', 'Bot'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
  });

  it('pull_request_review.edited (a reader rewriting a review body) asks GitHub nothing and moves nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    await deliver('pull_request_review', reviewOf('reader', 'approved', 'edited'));
    expect(api.calls).toEqual([]);
  });

  it('an approver whose write access was taken away: the next review event sends the task back to pr_open and the check to pending', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ state: 'approved' }), [
      { login: 'alice', permission: 'read' },
      { login: 'reader', permission: 'read' },
    ]);
    await deliver('pull_request_review', reviewOf('reader'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state).toBe('pr_open');
  });
});

describe('Probot app, guided mode: the activity list cannot hide a pusher', () => {
  it('the head named alice on the first page and mallory on the last page read: unknown, two writers needed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, unseenHead, [{ login: 'mallory' }]);
    const filler = (from: number) =>
      Array.from({ length: 100 }, (_, index) =>
        activity(from + index, 'f'.repeat(39) + String(index % 10), user('carol')),
      );
    activityPages(api, [
      [activity(1, HEAD, user('alice')), ...filler(2).slice(1)],
      filler(200),
      [...filler(300).slice(1), activity(399, HEAD, user('mallory'), 'force_push')],
    ]);
    await deliver('pull_request_review', reviewOf('mallory'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    // The head is recorded without a pusher (carol's pushes under it are named, each once).
    const recorded = writtenMarker(api)?.foreign_pushes ?? [];
    expect(recorded.filter((push) => push.sha === HEAD)).toEqual([{ sha: HEAD }]);
  });

  it(`a list longer than ${MAX_ACTIVITY_PAGES} pages: unknown, two writers needed`, async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, unseenHead, [{ login: 'mallory' }]);
    activityPages(
      api,
      Array.from({ length: MAX_ACTIVITY_PAGES }, (_, page) => [activity(page + 1, HEAD, user('alice'))]),
      true,
    );
    await deliver('pull_request_review', reviewOf('mallory'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
  });

  it('a refused activity list (403): unknown, two writers needed, nothing thrown', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, unseenHead, [{ login: 'mallory' }]);
    api.scope
      .get(`/repos/${OWNER}/${REPO}/activity`)
      .query(ACTIVITY_QUERY)
      .reply(403, { message: 'Resource not accessible by integration' });
    await deliver('pull_request_review', reviewOf('mallory'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.unvalidated_push).toBe(HEAD);
  });

  it("a head force-pushed back to a commit the agent once pushed: the agent's login among the actors leaves it unknown", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, unseenHead, [{ login: 'mallory' }]);
    activityPages(api, [
      [
        activity(3, HEAD, user('mallory'), 'force_push'),
        activity(2, AGENT, user('mallory')),
        activity(1, HEAD, user(APP_LOGIN, 'Bot')),
      ],
    ]);
    await deliver('pull_request_review', reviewOf('mallory'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
  });

  it('a review before GitHub lists the push: recorded as unknown; the late synchronize names mallory and sets her aside', async () => {
    const first = githubApi({ owner: OWNER, repo: REPO });
    expectSync(first, unseenHead, [{ login: 'mallory' }]);
    activityPages(first, [[activity(1, AGENT, user(APP_LOGIN, 'Bot'), 'branch_creation')]]);
    await deliver('pull_request_review', reviewOf('mallory'));
    expect(approvalCheckBody(first)).toMatchObject({ status: 'in_progress' });
    const recorded = writtenMarker(first);
    expect(recorded?.foreign_pushes).toEqual([{ sha: HEAD }]);

    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, recorded ?? unseenHead, [{ login: 'mallory' }]);
    const sync = webhookExample('pull_request', 'synchronize');
    sync.before = AGENT;
    sync.pull_request.head.ref = BRANCH;
    sync.sender.login = 'mallory';
    await deliver('pull_request', sync);
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.last_push).toEqual({
      sha: HEAD,
      by: { kind: 'human', login: 'mallory', id: sync.sender.id },
    });
  });
});
