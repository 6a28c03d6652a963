// Review #9i: the requester is known by their GitHub account id, not only their login (DESIGN §4,
// §5b; issue #9). The marker's `requester_id` is written from the triggering event's `sender.id`
// (issue opened, `/implement`, a dispatch), so the requester who renames their account (new login,
// same id) and approves their own task is still the requester: not counted unless
// `review.allow_self_approval`. A marker written before ids were kept compares by login.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { accountId } from './account-id.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const REQUESTER = 'requester-dev';
const RENAMED = 'requester-renamed';

type Api = ReturnType<typeof githubApi>;

const markerWrites = (api: Api) =>
  api.calls
    .filter(
      (call) => call.path.includes('/issues/') && call.path.includes('/comments') && call.method !== 'GET',
    )
    .map((call) => readStateMarker(String(call.body.body ?? ''))?.marker)
    .filter((marker): marker is TaskMarker => marker !== undefined);

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

/** The real `issues.opened` payload: the request form, opened by `login` (account `accountId(login)`). */
function issueOpenedBy(login: string) {
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = readExample('orders-api.issue.md');
  payload.issue.labels = [{ name: 'implementation' }];
  payload.sender.login = login;
  payload.sender.id = accountId(login);
  return payload;
}

/** A writer's request runs at once and opens the pull request (guided by default). */
function expectFirstRun(api: Api, requester: string) {
  api.installationToken(INSTALLATION_ID);
  api.config(undefined);
  api.comments(1);
  api.permission(requester, 'write');
  api.createComment(1, 900);
  api.missingBranch(BRANCH);
  api.branch('master', 'base-sha');
  api.commit('base-sha');
  api.createTree();
  api.createCommit('head-sha');
  api.createRef();
  api.listPulls([]);
  api.createPull(42);
  api.addLabels(42);
  api.checkRun();
  api.approvalCheck();
  api.updateComment(900);
}

/** The task on the pull request, asked for by `requester` as its marker records them; the agent pushed the head. */
function taskMarker(requester: Pick<TaskMarker, 'requester' | 'requester_id'>): TaskMarker {
  return {
    task_id: `${OWNER}/${REPO}#1`,
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    branch: BRANCH,
    pull_number: PULL,
    effective_mode: 'guided',
    last_push: { sha: HEAD, by: { kind: 'agent' } },
    updated_at: '2026-11-29T10:00:00.000Z',
    ...requester,
  };
}

function approvalBy(login: string, id: number) {
  const review = webhookExample('pull_request_review', 'submitted');
  review.review.state = 'approved';
  review.review.user.login = login;
  review.review.user.id = id;
  review.review.commit_id = HEAD;
  review.sender.login = login;
  review.sender.id = id;
  review.pull_request.head.ref = BRANCH;
  review.pull_request.head.sha = HEAD;
  return review;
}

const REVIEW_ID = Number(webhookExample('pull_request_review', 'submitted').review.id);

/** The approval's sync: the task, the pull request, the config, the one review (with its account id). */
function expectApprovalSync(
  api: Api,
  marker: TaskMarker,
  approver: { login: string; id: number },
  config?: string,
) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(config);
  api.scope
    .get(`/repos/${OWNER}/${REPO}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(200, [{ id: REVIEW_ID, user: { ...approver, type: 'User' }, state: 'APPROVED', commit_id: HEAD }]);
  api.permission(approver.login, 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;

describe("Probot app: the requester's account id, from the event to the self-approval rule", () => {
  it('an issue opened by the requester records their login and account id on the marker', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(api, REQUESTER);

    await deliver('issues', issueOpenedBy(REQUESTER));

    expect(api.scope.isDone()).toBe(true);
    const written = markerWrites(api);
    expect(written.length).toBeGreaterThan(0);
    for (const marker of written) {
      expect(marker).toMatchObject({ requester: REQUESTER, requester_id: accountId(REQUESTER) });
    }
  });

  it('the requester renames their account and approves their own task: not counted (self-approval off by default)', async () => {
    const first = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(first, REQUESTER);
    await deliver('issues', issueOpenedBy(REQUESTER));
    const recorded = markerWrites(first).at(-1);
    const marker = taskMarker({ requester: recorded?.requester, requester_id: recorded?.requester_id });
    expect(marker.requester_id).toBe(accountId(REQUESTER));

    const api = githubApi({ owner: OWNER, repo: REPO });
    const renamed = { login: RENAMED, id: accountId(REQUESTER) };
    expectApprovalSync(api, marker, renamed);
    await deliver('pull_request_review', approvalBy(renamed.login, renamed.id));

    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(markerWrites(api).at(-1)?.state ?? 'pr_open').toBe('pr_open');
  });

  it('with review.allow_self_approval the renamed requester’s approval counts', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const renamed = { login: RENAMED, id: accountId(REQUESTER) };
    const marker = taskMarker({ requester: REQUESTER, requester_id: accountId(REQUESTER) });
    expectApprovalSync(api, marker, renamed, 'review:\n  allow_self_approval: true\n');
    await deliver('pull_request_review', approvalBy(renamed.login, renamed.id));

    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
    expect(markerWrites(api).at(-1)?.state).toBe('approved');
  });

  it("another writer's approval counts: the requester's id sets only the requester aside", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const other = { login: 'maintainer', id: accountId('maintainer') };
    expectApprovalSync(api, taskMarker({ requester: REQUESTER, requester_id: accountId(REQUESTER) }), other);
    await deliver('pull_request_review', approvalBy(other.login, other.id));

    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
  });

  it('a marker written before ids were kept compares by login: the requester’s login is set aside', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const sameLogin = { login: REQUESTER.toUpperCase(), id: accountId(REQUESTER) };
    expectApprovalSync(api, taskMarker({ requester: REQUESTER }), sameLogin);
    await deliver('pull_request_review', approvalBy(sameLogin.login, sameLogin.id));

    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
  });

  it('a marker written before ids were kept: another login counts, whatever its id', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const renamed = { login: RENAMED, id: accountId(REQUESTER) };
    expectApprovalSync(api, taskMarker({ requester: REQUESTER }), renamed);
    await deliver('pull_request_review', approvalBy(renamed.login, renamed.id));

    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
  });
});
