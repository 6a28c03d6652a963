import nock from 'nock';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { MAX_ACTIVITY_PAGES } from '../../../src/github/read-pushers.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { API, githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9f attacker pass, "whoever pushed cannot approve", under the agent's commit: a push no
// event told the agent of (made while the pull request was closed, or its `synchronize` lost) is
// recorded as `unvalidated_push` when a run or a feedback commit builds on it, but no event named
// its pusher. Once the agent's commit is the head (`last_push` by the agent), the approval rule set
// nobody aside: the person who pushed that code could approve the agent's commit on top of it.
// Right (DESIGN §5b, the lead's decision): GitHub is asked who pushed it (the repository activity
// whose `after` is that sha); a named pusher is recorded as a `synchronize` sender would be (their
// approval is set aside), and while nobody can name them, approvals of two different writers are
// needed, so at least one is not the pusher.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's commit, built on the unseen push: the head. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The push no event told the agent of. */
const UNSEEN = 'e'.repeat(40);
/** The agent's commit the unseen push was made on. */
const BEFORE = 'b'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const marker = (unvalidatedPush: string | undefined): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  ...(unvalidatedPush === undefined ? {} : { unvalidated_push: unvalidatedPush }),
  updated_at: '2026-11-29T10:00:00.000Z',
});

function approvalBy(login: string) {
  const review = webhookExample('pull_request_review', 'submitted');
  review.review.state = 'approved';
  review.review.user.login = login;
  review.sender.login = login;
  review.pull_request.head.ref = BRANCH;
  return review;
}

/** A user as the REST API's `simple-user` shows one. */
const user = (login: string, type = 'User') => ({
  login,
  id: login.length * 1000 + 1,
  node_id: `MDQ6VXNlcj${login.length}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${login.length * 1000 + 1}?v=4`,
  gravatar_id: '',
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type,
  site_admin: false,
});

/** One update of the task branch as `GET /repos/{owner}/{repo}/activity` lists it. */
const activity = (params: {
  id: number;
  before: string;
  after: string;
  actor: ReturnType<typeof user> | null;
  type?: string;
}) => ({
  id: params.id,
  node_id: `RA_kwDOABCD${params.id}`,
  before: params.before,
  after: params.after,
  ref: `refs/heads/${BRANCH}`,
  timestamp: `2026-11-29T09:${String(params.id).padStart(2, '0')}:00Z`,
  activity_type: params.type ?? 'push',
  actor: params.actor,
});

/** The branch's history: the agent's commit, the unseen push on it (by `pusher`), the agent's head on top. */
const history = (pusher: ReturnType<typeof user> | null, after = UNSEEN) => [
  activity({ id: 3, before: UNSEEN, after: HEAD, actor: user(APP_LOGIN, 'Bot') }),
  activity({ id: 2, before: BEFORE, after, actor: pusher }),
  activity({
    id: 1,
    before: '0'.repeat(40),
    after: BEFORE,
    actor: user(APP_LOGIN, 'Bot'),
    type: 'branch_creation',
  }),
];

const ACTIVITY_QUERY = { ref: `refs/heads/${BRANCH}`, direction: 'desc', per_page: '100' };

/** The activity list in pages, each but the last linking the next by cursor, as GitHub's `Link` header does. */
function activityPages(api: Api, pages: unknown[][]) {
  const path = `/repos/${OWNER}/${REPO}/activity`;
  pages.forEach((items, index) => {
    const cursor = index === 0 ? {} : { after: `Y3Vyc29yOnYy${index}` };
    const next = new URLSearchParams({ ...ACTIVITY_QUERY, after: `Y3Vyc29yOnYy${index + 1}` });
    const linked = index < pages.length - 1;
    api.scope
      .get(path)
      .query({ ...ACTIVITY_QUERY, ...cursor })
      .reply(200, items, linked ? { Link: `<${API}${path}?${next.toString()}>; rel="next"` } : {});
  });
}

function expectSync(api: Api, status: TaskMarker, approvers: string[] = ['mallory']) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  for (const login of approvers) api.permission(login, 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;
const activityCalls = (api: Api) => api.calls.filter((call) => call.path.includes('/activity'));
const writtenMarker = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker;

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

const ONE_MORE =
  'One more approval from another writer is needed because GitHub could not say who pushed `eeeeeee`';

describe('Probot app, guided mode: an approval under an unseen push whose pusher is unknown', () => {
  it("a writer's approval of the agent's commit does not count alone while GitHub cannot say who pushed the unseen push under it (the activity list is not offered)", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN));
    api.branchActivity(BRANCH, [], { status: 403 });

    await deliver(approvalBy('mallory'));

    expect(activityCalls(api)).toHaveLength(1);
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(approvalCheckBody(api)?.conclusion).toBeUndefined();
    const summary = String(approvalCheckBody(api)?.output.summary);
    expect(summary).toContain(`${ONE_MORE}: @mallory's approval may be the pusher's own`);
    // The status says so too, and records that GitHub could not say (asked again on the next sync).
    const written = writtenMarker(api);
    expect(written?.state).toBe('pr_open');
    expect(written?.foreign_pushes).toEqual([{ sha: UNSEEN }]);
    expect(api.lastCommentBody()).toContain(ONE_MORE);
  });

  it('asking again on the next event and hearing nothing new writes nothing (GitHub still cannot say)', async () => {
    const first = githubApi({ owner: OWNER, repo: REPO });
    expectSync(first, marker(UNSEEN));
    first.branchActivity(BRANCH, [], { status: 403 });
    await deliver(approvalBy('mallory'));
    const written = first.lastCommentBody();
    nock.cleanAll();

    const again = githubApi({ owner: OWNER, repo: REPO });
    again.installationToken(INSTALLATION_ID);
    again.comments(1, [{ id: 900, user: { login: APP_LOGIN, type: 'Bot' }, body: written }]);
    again.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    again.config(undefined);
    again.reviews(PULL, [{ login: 'mallory', state: 'APPROVED', commit_id: HEAD }]);
    again.permission('mallory', 'write');
    again.branchActivity(BRANCH, [], { status: 403 });
    again.approvalChecksOn(HEAD);
    again.approvalCheck();

    await deliver(approvalBy('mallory'));

    expect(again.scope.isDone()).toBe(true);
    expect(activityCalls(again)).toHaveLength(1);
    expect(again.calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('two different writers approving the head pass the check while the pusher stays unknown', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN), ['alice', 'mallory']);
    activityPages(api, [history(null)]);

    await deliver(approvalBy('mallory'));

    expect(approvalCheckBody(api)).toMatchObject({
      conclusion: 'success',
      output: { title: 'Approved by @alice, @mallory' },
    });
    expect(writtenMarker(api)?.state).toBe('approved');
  });

  it("GitHub names the pusher: their approval is set aside as a synchronize sender's, another writer's counts", async () => {
    const alone = githubApi({ owner: OWNER, repo: REPO });
    expectSync(alone, marker(UNSEEN));
    activityPages(alone, [history(user('mallory'))]);

    await deliver(approvalBy('mallory'));

    expect(activityCalls(alone)).toHaveLength(1);
    expect(approvalCheckBody(alone)).toMatchObject({ status: 'in_progress' });
    expect(String(approvalCheckBody(alone)?.output.summary)).toContain(
      '@mallory pushed commits to this branch that are still under `ec26c3e`',
    );
    expect(String(approvalCheckBody(alone)?.output.summary)).not.toContain('could not say');
    const recorded = writtenMarker(alone);
    // With the account id and type GitHub gave (review #9h: a rename, a bot without `[bot]`).
    expect(recorded?.foreign_pushes).toEqual([
      { sha: UNSEEN, login: 'mallory', id: expect.any(Number), type: 'User' },
    ]);
    expect(recorded?.human_pushers).toEqual([{ login: 'mallory', id: expect.any(Number), type: 'User' }]);
    nock.cleanAll();

    // The next sync reads the recorded pusher: GitHub is not asked again, and another writer counts.
    const another = githubApi({ owner: OWNER, repo: REPO });
    another.installationToken(INSTALLATION_ID);
    another.comments(1, [agentStatusComment({ marker: recorded! })]);
    another.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    another.config(undefined);
    another.reviews(PULL, [
      { login: 'mallory', state: 'APPROVED', commit_id: HEAD },
      { login: 'alice', state: 'APPROVED', commit_id: HEAD },
    ]);
    another.permission('alice', 'write');
    another.approvalChecksOn(HEAD);
    another.approvalCheck();
    another.updateComment(900);

    await deliver(approvalBy('alice'));

    expect(activityCalls(another)).toEqual([]);
    expect(approvalCheckBody(another)).toMatchObject({
      conclusion: 'success',
      output: { title: 'Approved by @alice' },
    });
  });

  it('an activity list whose updates name another `after` leaves the pusher unknown', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN));
    activityPages(api, [history(user('mallory'), 'f'.repeat(40))]);

    await deliver(approvalBy('mallory'));

    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(String(approvalCheckBody(api)?.output.summary)).toContain(ONE_MORE);
    expect(writtenMarker(api)?.foreign_pushes).toEqual([{ sha: UNSEEN }]);
  });

  it('an activity naming the agent itself as the pusher is not trusted: the push stays unknown', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN));
    activityPages(api, [history(user(APP_LOGIN, 'Bot'))]);

    await deliver(approvalBy('mallory'));

    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(String(approvalCheckBody(api)?.output.summary)).toContain(ONE_MORE);
    expect(writtenMarker(api)?.human_pushers).toBeUndefined();
  });

  it(`reads at most ${MAX_ACTIVITY_PAGES} pages of activity; a longer list leaves the pusher unknown, even one it named`, async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN));
    const filler = (page: number) =>
      Array.from({ length: 100 }, (_, index) =>
        activity({
          id: page * 100 + index + 10,
          before: 'c'.repeat(40),
          after: 'd'.repeat(40),
          actor: user('someone'),
        }),
      );
    // The push is named on the first page, but older updates past the bound may name someone else.
    activityPages(api, [history(user('mallory')), filler(1), filler(2), filler(3)]);

    await deliver(approvalBy('mallory'));

    expect(activityCalls(api)).toHaveLength(MAX_ACTIVITY_PAGES);
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(String(approvalCheckBody(api)?.output.summary)).toContain(ONE_MORE);
  });

  it("control: with no unseen push under the agent's commit, the writer's approval counts and GitHub is not asked", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(undefined));

    await deliver(approvalBy('mallory'));

    expect(activityCalls(api)).toEqual([]);
    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
  });
});
