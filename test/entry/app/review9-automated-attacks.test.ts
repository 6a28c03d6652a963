import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9 attacker pass on automated mode. "FAULT:" tests are `it.failing`: they assert the
// right answer, which the code does not give yet.

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
  it.failing(
    'FAULT: a person’s push to an automated task’s branch turns GitHub auto-merge off (or falls back to guided)',
    async () => {
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
    },
  );

  // `syncPullRequestTask` publishes the approval check for every mode; run-issue-task deliberately
  // publishes none for automated mode ("Automated mode merges on green checks alone, so it asks
  // for no approval"). A writer's plain comment review then puts a pending "Guided mode: this
  // check passes when…" check on an automated PR.
  it.failing(
    'FAULT: a writer’s comment review on an automated task’s PR adds no pending guided-mode approval check',
    async () => {
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
    },
  );
});
