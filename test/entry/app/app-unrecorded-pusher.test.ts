import { accountId } from './account-id.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { summarizeOutcome } from '../../../src/core/outcome/outcome-summary.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// #9 review: a task whose status was written before pushes were recorded (no `last_push`) applied no
// pusher rule at all until its first recorded push, so whoever pushed its head could approve it
// (review.allow_pusher_approval defaults to false). It now fails closed: unless the head is the
// commit the agent recorded as its own, GitHub is asked who pushed it, and while it cannot say,
// approvals of two different writers are needed (review 9f).

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const AGENT_COMMIT = 'a'.repeat(40);

type Api = ReturnType<typeof githubApi>;

/** The agent's outcome of publishing its pull request at `commitSha`, as the record keeps it. */
const published = (commitSha: string) =>
  summarizeOutcome({
    status: 'pr_open',
    taskId: `${OWNER}/${REPO}#1`,
    issueNumber: 1,
    pullNumber: PULL,
    pullUrl: `https://github.com/${OWNER}/${REPO}/pull/${PULL}`,
    commitSha,
    created: true,
    costUsd: 0,
  });

/** A status written before pushes were recorded: no `last_push`. */
const oldMarker = (fields: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  updated_at: '2026-11-29T10:00:00.000Z',
  ...fields,
});

/** The real review payload, an approval by `reviewer`, on the task branch. */
function approvalBy(reviewer: string) {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'approved';
  payload.review.user.login = reviewer;
  payload.review.user.id = accountId(reviewer);
  payload.sender.login = reviewer;
  payload.sender.id = accountId(reviewer);
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

/** What the sync reads: the task's status, the pull request at HEAD, the config, the reviews, the check. */
function expectSync(api: Api, marker: TaskMarker, approvers: string[]) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
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

describe('Probot app, guided mode: a task recorded before pushes were', () => {
  it('FAULT: a writer’s approval of a head the agent did not record as its own does not count alone, and the check says why', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // The agent published AGENT_COMMIT; someone has since pushed HEAD, unrecorded.
    expectSync(api, oldMarker({ last_outcome: published(AGENT_COMMIT) }), ['mallory']);
    // A review of a head no event named is a person's push first: GitHub is asked who pushed it.
    api.branchActivity(BRANCH, [], { status: 404 });
    api.permission('mallory', 'write');
    api.updateComment(900);

    await deliver('pull_request_review', approvalBy('mallory'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(approvalCheckBody(api)?.output.summary).toContain(
      "One more approval from another writer is needed because GitHub could not say who pushed `ec26c3e`: @mallory's approval may be the pusher's own",
    );
    // Nothing moved: the task is still waiting; the head is recorded as a push of unknown pusher.
    expect(lastMarker(api)).toMatchObject({
      state: 'pr_open',
      unvalidated_push: HEAD,
      foreign_pushes: [{ sha: HEAD }],
    });
  });

  it('with no commit of the agent recorded at all, two writers’ approvals are needed, and count', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, oldMarker(), ['mallory', 'maintainer']);
    api.branchActivity(BRANCH, [], { status: 404 });
    api.permission('mallory', 'write');
    api.permission('maintainer', 'write');
    api.updateComment(900);

    await deliver('pull_request_review', approvalBy('maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({
      conclusion: 'success',
      output: { title: 'Approved by @mallory, @maintainer' },
    });
    expect(lastMarker(api)?.state).toBe('approved');
  });

  it('GitHub naming the head’s pusher sets their approval aside and records them as its pusher', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, oldMarker({ last_outcome: published(AGENT_COMMIT) }), ['Codertocat']);
    // GitHub's record: Codertocat pushed HEAD on the agent's commit.
    api.branchActivity(BRANCH, [{ before: AGENT_COMMIT, after: HEAD, timestamp: '2026-11-29T09:00:00Z' }]);
    api.updateComment(900);

    await deliver('pull_request_review', approvalBy('Codertocat'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(approvalCheckBody(api)?.output.summary).toContain(
      '@Codertocat pushed `ec26c3e`; someone else must approve it',
    );
    expect(lastMarker(api)).toMatchObject({
      last_push: { sha: HEAD, by: { kind: 'human', login: 'Codertocat' } },
      // The type GitHub's activity gave stays when the push itself names the login alone (#10n).
      human_pushers: [{ login: 'codertocat', type: 'User' }],
      foreign_pushes: [{ sha: HEAD, login: 'Codertocat' }],
    });
  });

  it('when the head is the commit the agent recorded as its own, the pusher is the agent: a writer’s approval counts', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, oldMarker({ last_outcome: published(HEAD) }), ['maintainer']);
    api.permission('maintainer', 'write');
    api.updateComment(900);

    await deliver('pull_request_review', approvalBy('maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({
      conclusion: 'success',
      output: { title: 'Approved by @maintainer' },
    });
    expect(lastMarker(api)?.state).toBe('approved');
  });

  it('the commit an attempt’s unsent artifacts name is the agent’s too', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(
      api,
      oldMarker({ unsent_artifacts: { attempt: 1, commit_sha: HEAD, paths: ['files/a.ts'] } }),
      ['maintainer'],
    );
    api.permission('maintainer', 'write');
    api.updateComment(900);

    await deliver('pull_request_review', approvalBy('maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
  });

  it('a person’s push is recorded from then on: another writer’s approval counts, the pusher’s does not', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, oldMarker({ last_outcome: published(AGENT_COMMIT) }), ['mallory', 'maintainer']);
    api.permission('maintainer', 'write');
    api.updateComment(900);
    const push = webhookExample('pull_request', 'synchronize');
    push.pull_request.head.ref = BRANCH;
    push.sender.login = 'mallory';
    push.sender.id = accountId('mallory');

    await deliver('pull_request', push);

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ output: { title: 'Approved by @maintainer' } });
    expect(lastMarker(api)).toMatchObject({
      state: 'approved',
      last_push: { sha: HEAD, by: { kind: 'human', login: 'mallory' } },
    });
  });

  it('the agent’s own push is recorded too, so later runs know the head is its own', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, oldMarker(), ['maintainer']);
    api.permission('maintainer', 'write');
    api.updateComment(900);
    const push = webhookExample('pull_request', 'synchronize');
    push.pull_request.head.ref = BRANCH;
    push.sender.login = APP_LOGIN;
    push.sender.id = accountId(APP_LOGIN);
    push.sender.type = 'Bot';

    await deliver('pull_request', push);

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ conclusion: 'success' });
    expect(lastMarker(api)).toMatchObject({
      state: 'approved',
      last_push: { sha: HEAD, by: { kind: 'agent' } },
    });
  });
});
