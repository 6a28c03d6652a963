import { INSTALLATION_ID, webhookExample } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import {
  BASE,
  BRANCH,
  HEAD,
  OWNER,
  PULL,
  REPO,
  SUGGESTION,
  deliver,
  expectRun,
  lastMarker,
  listedComment,
  listedReview,
  marker,
  pushes,
  reviewEvent,
  statusWrites,
  type Api,
} from './review-feedback-fixtures.js';

// #9 review: a task cancelled with `/cancel` while its pull request stayed open was moved back to
// `pr_open` by the next review (the sync took any open PR of a cancelled task as reopened), and the
// review's suggestion was then applied. DESIGN §3's table has `cancelled → pr_open` only on reopen
// of a closed pull request: the task stays cancelled, and the feedback is answered once, naming
// `/retry`.

const answers = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path === `${BASE}/issues/${PULL}/comments`);

/** The real review payload, an approval by `reviewer`, on the task branch. */
function approvalBy(reviewer: string) {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'approved';
  payload.review.user.login = reviewer;
  payload.sender.login = reviewer;
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

describe('Probot app: a cancelled task’s open pull request', () => {
  it('FAULT: a review requesting changes on a /cancel’ed task’s open PR leaves it cancelled, pushes nothing and answers once naming /retry', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectRun(api, {
      state: marker({ state: 'cancelled' }),
      reviewer: 'maintainer',
      permission: 'write',
      comments: [listedComment(SUGGESTION)],
      syncMoves: false,
    });
    api.config(undefined);
    api.createComment(PULL, 6001);
    api.updateComment(900);

    await deliver(reviewEvent('maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(pushes(api)).toEqual([]);
    expect(answers(api)).toHaveLength(1);
    expect(answers(api)[0]?.body.body).toBe(
      '@maintainer: Review feedback on pull request #2 changes nothing: the task is cancelled; `/retry` on issue #1 runs it again, then ask for the changes.',
    );
    // The one status write records the feedback as answered; the task never left `cancelled`.
    expect(statusWrites(api)).toHaveLength(1);
    expect(lastMarker(api)).toMatchObject({
      state: 'cancelled',
      handled_triggers: expect.arrayContaining([`review:${listedReview('maintainer').id}`]),
    });
  });

  it('the same review delivered again is answered no more', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const answered = marker({
      state: 'cancelled',
      handled_triggers: [`review:${listedReview('maintainer').id}`],
      feedback_since: listedReview('maintainer').submitted_at,
    });
    expectRun(api, {
      state: answered,
      reviewer: 'maintainer',
      permission: 'write',
      comments: [listedComment(SUGGESTION)],
      syncMoves: false,
    });

    await deliver(reviewEvent('maintainer'));

    expect(api.scope.isDone()).toBe(true);
    expect(answers(api)).toEqual([]);
    expect(statusWrites(api)).toEqual([]);
  });

  it('a writer’s approval of a /cancel’ed task’s open PR shows on the check but does not bring the task back', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: marker({ state: 'cancelled' }) })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    api.permission('maintainer', 'write');
    api.approvalChecksOn(HEAD, []);
    api.approvalCheck();

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', approvalBy('maintainer'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(statusWrites(api)).toEqual([]);
  });

  it('closing the PR records that the close cancelled the task', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: marker() })]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, closed: true });
    api.config(undefined);
    api.updateComment(900);
    const closed = webhookExample('pull_request', 'closed');
    closed.pull_request.head.ref = BRANCH;
    closed.pull_request.merged = false;

    const { receive, errors } = await testProbot();
    await receive('pull_request', closed);

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)).toMatchObject({ state: 'cancelled', cancelled_by_close: true });
  });

  it('a run that missed the reopen of a PR whose close cancelled the task catches up: back to review, the close forgotten', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [
      agentStatusComment({ marker: marker({ state: 'cancelled', cancelled_by_close: true }) }),
    ]);
    api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
    api.config(undefined);
    api.reviews(PULL, [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }]);
    api.permission('maintainer', 'write');
    api.approvalChecksOn(HEAD, []);
    api.approvalCheck();
    api.updateComment(900);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', approvalBy('maintainer'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(lastMarker(api)?.state).toBe('approved');
    expect(lastMarker(api)?.cancelled_by_close).toBeUndefined();
  });
});
