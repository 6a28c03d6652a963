import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import {
  BRANCH,
  HEAD,
  OWNER,
  REPO,
  createdDeployment,
  expectDeployFacts,
  prComment,
  replyOf,
} from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9 attacker pass: approvals that must not count. Tests named "FAULT:" and marked
// `it.failing` reproduce a fault: they assert the right answer, which the code does not give yet.

type Api = ReturnType<typeof githubApi>;

/**
 * Task #1's status comment, naming PR #42, asked for by `requester`; `lastPush`: its head's pusher
 * (the agent by default; `null`: a status written before pushes were recorded).
 */
const statusOf = (
  requester: string,
  state: TaskMarker['state'] = 'pr_open',
  lastPush: TaskMarker['last_push'] | null = { sha: HEAD, by: { kind: 'agent' } },
) =>
  agentStatusComment({
    marker: {
      ...(lastPush === null ? {} : { last_push: lastPush }),
      task_id: `${OWNER}/${REPO}#1`,
      state,
      attempt: 1,
      cost_usd: 0,
      branch: BRANCH,
      pull_number: 42,
      requester,
      template_path: 'services/orders-api/template.yaml',
      updated_at: '2026-11-24T09:00:00Z',
    },
  });

describe('review #9 attacks: the deploy approval rule and the review policy', () => {
  // The guided approval check sets the requester's own approval aside (review.allow_self_approval,
  // default false), but `/deploy`'s approval rule reads reviews without the policy
  // (readPullRequestFacts → readReviewApproval with no `policy`): the requester approves their own
  // task and deploys it to production, which requires an approval.
  it('FAULT: /deploy production refuses when the only approval is the requester’s own (self-approval is off)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      sender: 'Codertocat',
      reviews: [{ login: 'Codertocat', state: 'APPROVED', commit_id: HEAD }],
      allowed: false,
      status: statusOf('Codertocat'),
    });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);

    const { receive, errors } = await testProbot();
    await receive('issue_comment', prComment('/deploy production'));

    expect(errors).toEqual([]);
    expect(createdDeployment(api)).toBeUndefined();
    expect(replyOf(api)).toContain('rule `approval`');
  });

  // The one approval rule asked for a writer's approval of the head and set aside only the
  // requester's: one writer pushed code of their own to the task's branch (no gate re-runs in
  // guided mode), approved it, and `/deploy production` (requires_approval) went through on that
  // one person's word. Now the task's status records who pushed the head (`last_push`, from the
  // `synchronize` delivery's sender) and their approval is set aside, as GitHub's branch
  // protection "Require approval of the most recent reviewable push" does.
  const pushedByCodertocat: TaskMarker['last_push'] = {
    sha: HEAD,
    by: { kind: 'human', login: 'Codertocat' },
  };

  /** `/deploy production` from `maintainer` on PR #42, whose only approval is Codertocat's. */
  async function deployApprovedByCodertocat(options: {
    lastPush?: TaskMarker['last_push'] | null;
    config?: string;
  }) {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      sender: 'maintainer',
      reviews: [{ login: 'Codertocat', state: 'APPROVED', commit_id: HEAD }],
      allowed: false,
      status: statusOf('requester-dev', 'pr_open', options.lastPush),
      ...(options.config === undefined ? {} : { config: options.config }),
    });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);

    const { receive, errors } = await testProbot();
    await receive('issue_comment', prComment('/deploy production', 'maintainer'));
    expect(errors).toEqual([]);
    return api;
  }

  it('FAULT (design gap): /deploy production refuses when the only approval is from whoever pushed the head', async () => {
    const api = await deployApprovedByCodertocat({ lastPush: pushedByCodertocat });
    expect(createdDeployment(api)).toBeUndefined();
    expect(replyOf(api)).toContain('rule `approval`');
  });

  it('the pusher’s own approval lets /deploy production through with review.allow_pusher_approval', async () => {
    const api = await deployApprovedByCodertocat({
      lastPush: pushedByCodertocat,
      config: 'review:\n  allow_pusher_approval: true\n',
    });
    expect(createdDeployment(api)).toBeDefined();
  });

  it('a writer’s approval of the agent’s own head counts: the agent’s push sets nobody aside', async () => {
    const api = await deployApprovedByCodertocat({ lastPush: { sha: HEAD, by: { kind: 'agent' } } });
    expect(createdDeployment(api)).toBeDefined();
  });

  it('no approval counts when the recorded push is not of the head: whoever pushed it is unknown', async () => {
    const older = { sha: 'b'.repeat(40), by: { kind: 'agent' as const } };
    const api = await deployApprovedByCodertocat({ lastPush: older });
    expect(createdDeployment(api)).toBeUndefined();
    expect(replyOf(api)).toContain('rule `approval`');
  });

  it('FAULT: a status written before pushes were recorded counts no approval: the head’s pusher is unknown', async () => {
    const api = await deployApprovedByCodertocat({ lastPush: null });
    expect(createdDeployment(api)).toBeUndefined();
    expect(replyOf(api)).toContain('rule `approval`');
  });

  it('a writer other than the pusher approving lets /deploy production through', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      sender: 'Codertocat',
      reviews: [
        { login: 'Codertocat', state: 'APPROVED', commit_id: HEAD },
        { login: 'maintainer', state: 'APPROVED', commit_id: HEAD },
      ],
      allowed: false,
      status: statusOf('requester-dev', 'pr_open', pushedByCodertocat),
    });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);

    const { receive, errors } = await testProbot();
    await receive('issue_comment', prComment('/deploy production'));

    expect(errors).toEqual([]);
    expect(createdDeployment(api)).toBeDefined();
  });

  it('control: another writer’s approval lets /deploy production through', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      sender: 'Codertocat',
      reviews: [{ login: 'maintainer', state: 'APPROVED', commit_id: HEAD }],
      allowed: false,
      status: statusOf('Codertocat'),
    });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);

    const { receive, errors } = await testProbot();
    await receive('issue_comment', prComment('/deploy production'));

    expect(errors).toEqual([]);
    expect(createdDeployment(api)).toBeDefined();
  });
});

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), on a task branch.
const PULL = 2;
const EXAMPLE_HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

function reviewEvent(state: string, reviewer: string, type = 'User') {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = state;
  payload.review.user.login = reviewer;
  payload.review.user.type = type;
  payload.sender.login = reviewer;
  payload.sender.type = type;
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

function expectGuidedSync(api: Api, reviews: Array<{ login: string; state: string; type?: string }>) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [
    agentStatusComment({
      marker: {
        task_id: `${OWNER}/${REPO}#1`,
        state: 'pr_open',
        attempt: 1,
        cost_usd: 0,
        branch: BRANCH,
        pull_number: PULL,
        requester: 'requester-dev',
        updated_at: '2026-11-29T10:00:00.000Z',
        last_push: { sha: EXAMPLE_HEAD, by: { kind: 'agent' } },
      },
    }),
  ]);
  api.getPull({ number: PULL, headSha: EXAMPLE_HEAD, headRef: BRANCH });
  api.config(undefined);
  api.scope
    .get(`/repos/${OWNER}/${REPO}/pulls/${PULL}/reviews`)
    .query({ per_page: '100' })
    .reply(
      200,
      reviews.map((review, index) => ({
        id: index + 1,
        user: { login: review.login, type: review.type ?? 'User' },
        state: review.state,
        commit_id: EXAMPLE_HEAD,
      })),
    );
}

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const checkWrites = (api: Api) =>
  api.calls.filter((call) => call.path.includes('/check-runs') && call.method !== 'GET');

describe('review #9 attacks: a bot’s review is no approval', () => {
  // DESIGN §8 / issue #9 "Permission matrix: reviews ... from bots ... change nothing". The
  // feedback path drops bots by type (machineAuthor), but the approval rule judges a bot's APPROVED
  // review by the collaborator-permission answer alone (latestReviewVerdicts keeps only the login;
  // decideApproval counts it): another App with contents:write (a dependency bot, an auto-approve
  // action) approves a guided task.
  it('FAULT: an APPROVED review from another App’s bot with write access leaves the task unapproved', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectGuidedSync(api, [{ login: 'auto-approver[bot]', state: 'APPROVED', type: 'Bot' }]);
    api.scope
      .get(`/repos/${OWNER}/${REPO}/collaborators/${encodeURIComponent('auto-approver[bot]')}/permission`)
      .optionally()
      .reply(200, { permission: 'write', role_name: 'write', user: { login: 'auto-approver[bot]' } });
    api.approvalChecksOn(EXAMPLE_HEAD, []);
    api.approvalCheck();
    api.updateComment(900);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', reviewEvent('approved', 'auto-approver[bot]', 'Bot'));

    expect(errors).toEqual([]);
    expect(checkWrites(api)[0]?.body).toMatchObject({ status: 'in_progress' });
    const state = readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker.state;
    expect(state).not.toBe('approved');
  });

  it('sibling: a bot’s request for changes does not hold back a writer’s approval', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectGuidedSync(api, [
      { login: 'maintainer', state: 'APPROVED' },
      { login: 'linter[bot]', state: 'CHANGES_REQUESTED', type: 'Bot' },
    ]);
    api.permission('maintainer', 'maintain');
    api.scope
      .get(`/repos/${OWNER}/${REPO}/collaborators/${encodeURIComponent('linter[bot]')}/permission`)
      .optionally()
      .reply(200, { permission: 'write', role_name: 'write', user: { login: 'linter[bot]' } });
    api.approvalChecksOn(EXAMPLE_HEAD, []);
    api.approvalCheck();
    api.updateComment(900);

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', reviewEvent('approved', 'maintainer'));

    expect(errors).toEqual([]);
    expect(checkWrites(api)[0]?.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    const state = readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker.state;
    expect(state).toBe('approved');
  });
});

describe('review #9 attacks: an approval check of the same name made by someone else', () => {
  // publishApprovalCheck takes the latest run named `implementation-agent/approval` on the head,
  // whoever made it (`check_name` filter, no `app_id`), and edits it in place while it is not
  // completed. A run of that name from another App (or, under GITHUB_TOKEN, any workflow) is not
  // the agent's to edit: GitHub answers 403, the sync throws, and approvals never register.
  it('FAULT: a foreign in-progress run of the same name does not stop the approval', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectGuidedSync(api, [{ login: 'maintainer', state: 'APPROVED' }]);
    api.permission('maintainer', 'maintain');
    api.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${EXAMPLE_HEAD}/check-runs`)
      .query(true)
      .reply(200, {
        total_count: 1,
        check_runs: [
          {
            id: 555,
            name: 'implementation-agent/approval',
            status: 'in_progress',
            conclusion: null,
            output: { title: 'Waiting forever' },
            app: { id: 999, slug: 'someone-else' },
          },
        ],
      });
    api.scope.patch(`/repos/${OWNER}/${REPO}/check-runs/555`).optionally().reply(403, {
      message: 'Invalid app_id `123` - check run can only be modified by the GitHub App that created it.',
    });
    api.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).optionally().reply(201, { id: 78 });
    api.scope.patch(`/repos/${OWNER}/${REPO}/issues/comments/900`).optionally().reply(200, { id: 900 });

    const { receive, errors } = await testProbot();
    await receive('pull_request_review', reviewEvent('approved', 'maintainer'));

    expect(errors).toEqual([]);
    const state = readStateMarker(statusWrites(api).at(-1)?.body.body ?? '')?.marker.state;
    expect(state).toBe('approved');
  });
});
