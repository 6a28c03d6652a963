import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9 attacker pass on automated mode. "FAULT:" tests were `it.failing` until fixed; they assert the
// right answer.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const PUSHED = 'e'.repeat(40);
const BASE = `/repos/${OWNER}/${REPO}`;

type Api = ReturnType<typeof githubApi>;

/** An automated, low-risk task whose PR had GitHub auto-merge turned on when it opened. */
const automated: TaskMarker = {
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'automated',
  risk_level: 'low',
  // The head the agent published (a review of a head it never recorded is a person's push first).
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
};

/** What any pull request event on the task reads and may write (each optional: the fix may read less). */
function expectSync(api: Api, headSha: string) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: automated })]);
  api.getPull({ number: PULL, headSha, headRef: BRANCH });
  api.config(undefined);
  api.scope.get(`${BASE}/pulls/${PULL}/reviews`).query(true).optionally().times(2).reply(200, []);
  api.scope
    .get(`${BASE}/commits/${headSha}/check-runs`)
    .query(true)
    .optionally()
    .reply(200, { total_count: 0, check_runs: [] });
  api.scope.post(`${BASE}/check-runs`).optionally().reply(201, { id: 78 });
  api.scope.patch(`${BASE}/issues/comments/900`).optionally().reply(200, { id: 900 });
  api.scope.post('/graphql').optionally().times(3).reply(200, { data: {} });
  api.scope.post(`${BASE}/issues/${PULL}/comments`).optionally().reply(201, { id: 6001 });
  api.scope.post(`${BASE}/issues/1/comments`).optionally().reply(201, { id: 6002 });
  // A comment review may carry feedback: the feedback catch-up reads the task and the PR again.
  api.scope
    .get(`${BASE}/issues/1/comments`)
    .query(true)
    .optionally()
    .reply(200, [agentStatusComment({ marker: automated })]);
  api.scope
    .get(`${BASE}/pulls/${PULL}`)
    .optionally()
    .reply(200, {
      number: PULL,
      state: 'open',
      merged: false,
      head: { sha: headSha, ref: BRANCH, repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
      base: { ref: 'master', repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
    });
  api.scope.get(`${BASE}/pulls/${PULL}/comments`).query(true).optionally().reply(200, []);
  api.scope.get(`${BASE}/issues/${PULL}/comments`).query(true).optionally().reply(200, []);
}

describe('review #9 attacks: automated mode after someone else pushes', () => {
  // DESIGN §4: automated mode merges without a person only when every gate passed and risk is low.
  // Merge-when-green refuses a head the agent never validated, but the GitHub auto-merge armed
  // when the PR opened stays armed: a writer's push (an IAM policy, a workflow file) is merged by
  // GitHub once the required checks pass, never gated nor risk-classified, then deployed on merge.
  it('FAULT: a person’s push to an automated task’s branch turns GitHub auto-merge off (or falls back to guided)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, PUSHED);
    const payload = webhookExample('pull_request', 'synchronize');
    payload.pull_request.head.ref = BRANCH;
    payload.pull_request.head.sha = PUSHED;

    const { receive, errors } = await testProbot();
    await receive('pull_request', payload);

    expect(errors).toEqual([]);
    const graphql = api.calls.filter((call) => call.path === '/graphql');
    expect(graphql.map((call) => String(call.body.query))).toEqual([
      expect.stringContaining('disablePullRequestAutoMerge'),
    ]);
  });

  // `syncPullRequestTask` publishes the approval check for every mode; run-issue-task deliberately
  // publishes none for automated mode ("Automated mode merges on green checks alone, so it asks
  // for no approval"). A writer's plain comment review then puts a pending "Guided mode: this
  // check passes when…" check on an automated PR.
  it('FAULT: a writer’s comment review on an automated task’s PR adds no pending guided-mode approval check', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, HEAD);
    const payload = webhookExample('pull_request_review', 'submitted');
    payload.pull_request.head.ref = BRANCH;
    payload.review.state = 'commented';
    payload.review.body = 'Looks fine to me.';

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', payload);

    expect(errors).toEqual([]);
    const written = api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/check-runs'));
    expect(written).toEqual([]);
  });
});

describe('review #9 attacks: the agent’s own pull_request.opened on an automated task', () => {
  // The App subscribes to `pull_request.opened`; the delivery for the PR the agent itself just
  // opened is queued behind the implement run (same task key), finds the marker naming the PR and
  // runs the approval sync, which publishes the guided-mode check whatever the mode. So every
  // automated PR in the App gets a pending "Guided mode: this check passes when…" check at once,
  // although run-issue-task deliberately publishes none for automated mode.
  it('FAULT: the opened event of an automated task’s PR publishes no approval check', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, HEAD);
    const payload = webhookExample('pull_request', 'opened');
    payload.pull_request.head.ref = BRANCH;
    payload.sender.login = 'implementation-agent[bot]';
    payload.sender.type = 'Bot';

    const { receive, errors } = await testProbot();
    await receive('pull_request', payload);

    expect(errors).toEqual([]);
    const written = api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/check-runs'));
    expect(written).toEqual([]);
  });
});

describe('review #9 attacks: merge-when-green on a pull request retargeted to another base', () => {
  // The agent opened its PR against the default branch (`master` in the webhooks-examples
  // repository). Someone with write access edits the PR's base to another branch (a release
  // branch without protection); `judgeAndMerge`/`decideMergeWhenGreen` never look at the base, so
  // the agent merges the task's code into a branch it never targeted (and deploys on merge).
  it('FAULT: merge-when-green merges nothing into a base other than the one the task targeted', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.scope
      .get(`${BASE}/commits/${HEAD}/pulls`)
      .query({ per_page: '100' })
      .reply(200, [
        {
          number: PULL,
          state: 'open',
          head: { sha: HEAD, ref: BRANCH, repo: { full_name: `${OWNER}/${REPO}` } },
          base: { ref: 'release-unprotected', repo: { full_name: `${OWNER}/${REPO}` } },
        },
      ]);
    api.comments(1, [agentStatusComment({ marker: automated })]);
    const repository = { id: 1296269, full_name: `${OWNER}/${REPO}` };
    api.scope.get(`${BASE}/pulls/${PULL}`).reply(200, {
      number: PULL,
      state: 'open',
      merged: false,
      draft: false,
      head: { sha: HEAD, ref: BRANCH, repo: repository },
      base: { ref: 'release-unprotected', repo: repository },
    });
    api.checkRunsFor(HEAD, [
      { name: 'implementation-agent', status: 'completed', conclusion: 'success' },
      { name: 'build', status: 'completed', conclusion: 'success' },
    ]);
    api.combinedStatus(HEAD, []);
    api.reviews(PULL, []);
    api.config(undefined);
    api.scope
      .put(`${BASE}/pulls/${PULL}/merge`)
      .optionally()
      .reply(200, { merged: true, sha: 'f'.repeat(40), message: 'Pull Request successfully merged' });
    api.scope.get(`${BASE}/issues/1/comments`).query(true).optionally().reply(200, []);

    const payload = webhookExample('check_suite', 'completed');
    payload.check_suite.head_sha = HEAD;
    const { receive } = await testProbot();
    await receive('check_suite', payload);

    expect(api.calls.filter((call) => call.method === 'PUT' && call.path.endsWith('/merge'))).toEqual([]);
  });
});
