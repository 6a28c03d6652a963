import { accountId } from './account-id.js';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const NEW_HEAD = 'b'.repeat(40);
const REQUESTER = 'requester-dev';
const PENDING = { id: 78, status: 'in_progress', conclusion: null, title: 'Waiting for an approving review' };
const SUCCESS = (login: string) => ({
  id: 79,
  status: 'completed',
  conclusion: 'success',
  title: `Approved by @${login}`,
});

type Api = ReturnType<typeof githubApi>;

const marker = (state: TaskMarker['state']): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state,
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: REQUESTER,
  updated_at: '2026-11-29T10:00:00.000Z',
  // The head is the agent's own commit, as a task's status records it.
  last_push: { sha: HEAD, by: { kind: 'agent' } },
});

/** A real `pull_request_review` payload; only the review's state, author and the branch differ. */
function reviewEvent(action: 'submitted' | 'dismissed', state: string, reviewer: string) {
  const payload = webhookExample('pull_request_review', action);
  payload.review.state = state;
  payload.review.user.login = reviewer;
  payload.review.user.id = accountId(reviewer);
  payload.sender.login = reviewer;
  payload.sender.id = accountId(reviewer);
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

/** A real `pull_request` payload for `action`; `merged` is the one field a merged close changes. */
function pullRequestEvent(action: 'closed' | 'reopened' | 'synchronize', merged = false) {
  const payload = webhookExample('pull_request', action);
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.merged = merged;
  return payload;
}

/** A person's push of `sha` (the real `synchronize` payload, sent by Codertocat), as GitHub delivers it. */
function pushOf(sha: string) {
  const payload = pullRequestEvent('synchronize');
  payload.pull_request.head.sha = sha;
  // Pushed on the head the task recorded: no push under it went unseen (review #9h).
  payload.before = HEAD;
  return payload;
}

/** What every sync reads first: the task's status, then the pull request, then the config. */
function expectTask(
  api: Api,
  state: TaskMarker['state'],
  pull: { headSha?: string; merged?: boolean; closed?: boolean } = {},
  config?: string,
) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: marker(state) })]);
  api.getPull({ number: PULL, headSha: pull.headSha ?? HEAD, headRef: BRANCH, ...pull });
  api.config(config);
}

/**
 * What the feedback catch-up reads after a review requesting changes or commenting, or an inline
 * comment: the task again, the pull request, every review, inline comment and conversation comment.
 */
function expectFeedbackReads(
  api: Api,
  state: TaskMarker['state'],
  reviews: Array<{ login: string; state: string; commit_id: string }>,
) {
  api.comments(1, [agentStatusComment({ marker: marker(state) })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.reviews(PULL, reviews);
  api.reviewComments(PULL);
  api.conversation(PULL);
}

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const checkWrites = (api: Api) =>
  api.calls.filter((call) => call.path.includes('/check-runs') && call.method !== 'GET');
const lastState = (api: Api) => readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker.state;

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe('Probot app, guided mode: an approving review from someone with write access is the approval', () => {
  it('approves: the approval check passes on the head, the task is approved and the status names the approver', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'pr_open');
    api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    api.permission('maintainer', 'maintain');
    api.approvalChecksOn(HEAD, [PENDING]);
    api.updateCheckRun(78);
    api.updateComment(900);

    await deliver('pull_request_review', reviewEvent('submitted', 'approved', 'maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(checkWrites(api)).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: `/repos/${OWNER}/${REPO}/check-runs/78`,
        body: expect.objectContaining({
          status: 'completed',
          conclusion: 'success',
          output: expect.objectContaining({ title: 'Approved by @maintainer' }),
        }),
      }),
    ]);
    expect(lastState(api)).toBe('approved');
    const status = statusWrites(api).at(-1)?.body.body as string;
    expect(status).toContain('✅ Approved');
    expect(status).toContain('Approved by @maintainer at `ec26c3e`');
  });

  it('a later request for changes from someone with write access undoes the approval', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'approved');
    api.reviews(PULL, [
      { login: 'maintainer', state: 'APPROVED', commit_id: HEAD },
      { login: 'admin-two', state: 'CHANGES_REQUESTED', commit_id: HEAD },
    ]);
    api.permission('maintainer', 'maintain');
    api.permission('admin-two', 'admin');
    api.approvalChecksOn(HEAD, [SUCCESS('maintainer')]);
    api.approvalCheck();
    api.updateComment(900);
    expectFeedbackReads(api, 'changes_requested', [
      { login: 'maintainer', state: 'APPROVED', commit_id: HEAD },
      { login: 'admin-two', state: 'CHANGES_REQUESTED', commit_id: HEAD },
    ]);

    await deliver('pull_request_review', reviewEvent('submitted', 'changes_requested', 'admin-two'));

    expect(api.scope.isDone()).toBe(true);
    // A completed check run cannot go back to in_progress: a new run on the head replaces it.
    expect(checkWrites(api)[0]?.body).toMatchObject({
      name: 'implementation-agent/approval',
      head_sha: HEAD,
      status: 'in_progress',
      output: { title: 'Changes requested' },
    });
    expect(lastState(api)).toBe('changes_requested');
    expect(statusWrites(api).at(-1)?.body.body).toContain('@admin-two requested changes on pull request #2');
  });

  it('a dismissed approval undoes it: the task is back to pr_open and the check pending', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'approved');
    // GitHub lists a dismissed review with the state DISMISSED in place of the approval it was.
    api.reviews(PULL, [{ login: 'maintainer', state: 'DISMISSED', commit_id: HEAD }]);
    api.approvalChecksOn(HEAD, [SUCCESS('maintainer')]);
    api.approvalCheck();
    api.updateComment(900);

    await deliver('pull_request_review', reviewEvent('dismissed', 'dismissed', 'maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(checkWrites(api)[0]?.body).toMatchObject({ status: 'in_progress' });
    expect(lastState(api)).toBe('pr_open');
  });

  it('a push after the approval re-requires it (review.reapprove_on_push, on by default)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'approved', { headSha: NEW_HEAD });
    api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    api.permission('maintainer', 'write');
    api.approvalChecksOn(NEW_HEAD);
    api.approvalCheck();
    api.updateComment(900);

    await deliver('pull_request', pushOf(NEW_HEAD));

    expect(api.scope.isDone()).toBe(true);
    expect(checkWrites(api)[0]?.body).toMatchObject({ head_sha: NEW_HEAD, status: 'in_progress' });
    expect(checkWrites(api)[0]?.body.output.summary).toContain('@maintainer approved an earlier commit');
    expect(lastState(api)).toBe('pr_open');
  });

  it('with reapprove_on_push off, the approval stands on the new head', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'approved', { headSha: NEW_HEAD }, 'review:\n  reapprove_on_push: false\n');
    api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    api.permission('maintainer', 'write');
    api.approvalChecksOn(NEW_HEAD);
    api.approvalCheck();
    api.updateComment(900);

    await deliver('pull_request', pushOf(NEW_HEAD));

    expect(api.scope.isDone()).toBe(true);
    expect(checkWrites(api)[0]?.body).toMatchObject({ head_sha: NEW_HEAD, conclusion: 'success' });
    // The task stays approved; the one write records whose push the head is.
    expect(statusWrites(api)).toHaveLength(1);
    expect(readStateMarker(statusWrites(api)[0]?.body.body ?? '')?.marker).toMatchObject({
      state: 'approved',
      last_push: { sha: NEW_HEAD, by: { kind: 'human', login: 'Codertocat' } },
    });
  });

  it('the requester may approve their own task only with review.allow_self_approval', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'pr_open', {}, 'review:\n  allow_self_approval: true\n');
    api.reviews(PULL, [{ login: REQUESTER, state: 'APPROVED', commit_id: HEAD }]);
    api.permission(REQUESTER, 'write');
    api.approvalChecksOn(HEAD, [PENDING]);
    api.updateCheckRun(78);
    api.updateComment(900);

    await deliver('pull_request_review', reviewEvent('submitted', 'approved', REQUESTER));

    expect(api.scope.isDone()).toBe(true);
    expect(lastState(api)).toBe('approved');
  });

  it('catches up: a run for any event on the PR applies every review not yet handled', async () => {
    // The review's own run was cancelled; a review comment's run, later, finds the approval.
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'pr_open');
    api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    api.permission('maintainer', 'admin');
    api.approvalChecksOn(HEAD, [PENDING]);
    api.updateCheckRun(78);
    api.updateComment(900);
    expectFeedbackReads(api, 'approved', [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    const payload = webhookExample('pull_request_review_comment', 'created');
    payload.pull_request.head.ref = BRANCH;

    await deliver('pull_request_review_comment', payload);

    expect(api.scope.isDone()).toBe(true);
    expect(lastState(api)).toBe('approved');
  });
});

describe('Probot app, guided mode: approvals that do not count change nothing', () => {
  it.each([
    ['a read-only user', 'reader', (api: Api) => api.permission('reader', 'read')],
    ['a triager', 'triager', (api: Api) => api.permission('triager', 'triage')],
    // A bot's review is nobody's verdict: its permission is never asked for.
    ['a bot', 'helper-bot[bot]', () => undefined],
    ["a fork's author (no collaborator)", 'fork-author', (api: Api) => api.notCollaborator('fork-author')],
    ['the agent itself', APP_LOGIN, () => undefined],
    ['the requester (self-approval off by default)', REQUESTER, () => undefined],
  ])('an approval from %s', async (_who, login, permission) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'pr_open');
    api.reviews(PULL, [{ login, state: 'APPROVED', commit_id: HEAD }]);
    permission(api);
    api.approvalChecksOn(HEAD, [PENDING]);

    await deliver('pull_request_review', reviewEvent('submitted', 'approved', login));

    expect(api.scope.isDone()).toBe(true);
    expect(checkWrites(api)).toEqual([]);
    expect(statusWrites(api)).toEqual([]);
  });

  it('a request for changes from a read-only user does not undo an approval', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'approved');
    api.reviews(PULL, [
      { login: 'maintainer', state: 'APPROVED', commit_id: HEAD },
      { login: 'reader', state: 'CHANGES_REQUESTED', commit_id: HEAD },
    ]);
    api.permission('maintainer', 'maintain');
    api.permission('reader', 'read');
    api.approvalChecksOn(HEAD, [SUCCESS('maintainer')]);
    expectFeedbackReads(api, 'approved', [
      { login: 'maintainer', state: 'APPROVED', commit_id: HEAD },
      { login: 'reader', state: 'CHANGES_REQUESTED', commit_id: HEAD },
    ]);

    await deliver('pull_request_review', reviewEvent('submitted', 'changes_requested', 'reader'));

    expect(api.scope.isDone()).toBe(true);
    expect(checkWrites(api)).toEqual([]);
    expect(statusWrites(api)).toEqual([]);
  });

  it('a pull request from a fork, even on an implementation/ branch, is not read at all', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const payload = reviewEvent('submitted', 'approved', 'maintainer');
    payload.pull_request.head.repo.full_name = 'fork-author/Hello-World';

    await deliver('pull_request_review', payload);

    expect(api.calls).toEqual([]);
  });

  it('a pull request the task does not name (a branch claiming its issue) changes nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: { ...marker('pr_open'), pull_number: 99 } })]);

    await deliver('pull_request_review', reviewEvent('submitted', 'approved', 'maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'))).toEqual(
      [],
    );
  });

  it('a forged status comment naming the PR (not written by the agent) changes nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [
      agentStatusComment({
        marker: marker('pr_open'),
        user: { login: 'mallory', type: 'User' },
        signingKey: null,
      }),
    ]);

    await deliver('pull_request_review', reviewEvent('submitted', 'approved', 'mallory'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'))).toEqual(
      [],
    );
  });
});

describe('Probot app: merge, close and reopen move the task', () => {
  it('a merged pull request marks the task merged', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'approved', { merged: true });
    api.updateComment(900);

    await deliver('pull_request', pullRequestEvent('closed', true));

    expect(api.scope.isDone()).toBe(true);
    expect(lastState(api)).toBe('merged');
    expect(statusWrites(api).at(-1)?.body.body).toContain('🎉 Merged');
  });

  it('a pull request closed without merging cancels the task', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'pr_open', { closed: true });
    api.updateComment(900);

    await deliver('pull_request', pullRequestEvent('closed'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastState(api)).toBe('cancelled');
    expect(statusWrites(api).at(-1)?.body.body).toContain('closed without merging');
  });

  it('a reopened pull request brings the task its close cancelled back to pr_open, its approval check pending', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // The close recorded that it cancelled the task (a task stopped with /cancel stays cancelled).
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: { ...marker('cancelled'), cancelled_by_close: true } })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, []);
    api.approvalChecksOn(HEAD, [PENDING]);
    api.updateComment(900);

    await deliver('pull_request', pullRequestEvent('reopened'));

    expect(api.scope.isDone()).toBe(true);
    expect(lastState(api)).toBe('pr_open');
  });

  it('a merge delivered twice moves the task once', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectTask(api, 'merged', { merged: true });

    await deliver('pull_request', pullRequestEvent('closed', true));

    expect(api.scope.isDone()).toBe(true);
    expect(statusWrites(api)).toEqual([]);
  });
});
