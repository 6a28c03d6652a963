import { deploymentKeysFrom } from '../../../src/core/deploy/deployment-keys.js';
import { judgeDeployment } from '../../../src/core/deploy/judge-deployment.js';
import { TEST_MARKER_KEYS } from './agent-status.js';
import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';
import { INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { HELLO_WORLD_ID } from '../../fixtures/signed-deployment-payload.js';
import {
  BRANCH,
  HEAD,
  OWNER,
  PARENT,
  REPO,
  createdDeployment,
  expectDeployFacts,
  prComment,
  replyOf,
  taskStatus,
} from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

describe('Probot app: /deploy on the pull request', () => {
  it('creates a deployment of exactly the checked sha, with the stack, template and strategy, and says so', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    api.deployments('staging', [], 10);
    api.createDeployment(7001);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging --dry-run'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const deployment = api.calls.find((call) => call.path.endsWith('/deployments'))?.body;
    expect(deployment).toMatchObject({
      ref: HEAD,
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
      production_environment: false,
      payload: {
        version: 1,
        task_id: `${OWNER}/${REPO}#1`,
        stack_name: 'orders-api-staging',
        template_path: 'services/orders-api/template.yaml',
        region: 'ap-southeast-2',
        checked_sha: HEAD,
        requested_by: 'Codertocat',
        pull_number: 42,
        dry_run: true,
      },
    });
    expect(replyOf(api)).toContain(
      'Dry run (change set only) for `aaaaaaa` (PR #42) to **staging** as deployment 7001',
    );
    // Signed with the app's deployment key, for this sha and environment, with a one-time nonce.
    expect(
      judgeDeployment({
        creator: 'implementation-agent[bot]',
        creators: ['implementation-agent[bot]'],
        payload: deployment.payload,
        place: {
          repository: 'Codertocat/Hello-World',
          repositoryId: HELLO_WORLD_ID,
          sha: HEAD,
          environment: 'staging',
        },
        keys: deploymentKeysFrom(TEST_MARKER_KEYS),
      }),
    ).toMatchObject({ trust: 'verified', signedWith: 'current', nonce: deployment.payload.nonce });
  });

  it("ends a deployment made with a workflow's GITHUB_TOKEN at once, since no run will carry it out, and says how to fix it", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    api.deployments('staging', [], 10);
    api.createDeployment(7001, 'github-actions[bot]');
    api.deploymentStatus(7001);
    // The failed deploy is recorded on the task's status (`recordUnstartableDeploy`).
    api.comments(1, [taskStatus]);
    api.updateComment(900);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const status = api.calls.find((call) => call.path.endsWith('/deployments/7001/statuses'))?.body;
    expect(status).toMatchObject({ state: 'error', description: expect.stringContaining('GITHUB_TOKEN') });
    expect(status).toMatchObject({ auto_inactive: false });
    const reply = replyOf(api);
    expect(reply).toContain("was created with the workflow's `GITHUB_TOKEN` (as github-actions[bot])");
    expect(reply).toContain('`actions/create-github-app-token`');
    expect(reply).toContain('comment `/deploy staging` again');
    expect(reply).not.toContain('The deploy workflow carries it out');
    expect(reply).not.toContain('could not record');
  });

  it('says the new deployment is queued behind one still running in the environment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    api.deployments(
      'staging',
      [
        {
          id: 6999,
          sha: 'e'.repeat(40),
          created_at: '2026-11-24T09:55:00Z',
          payload: deploymentPayloadFor('e'.repeat(40), { requested_by: 'monalisa' }),
          states: ['in_progress'],
        },
      ],
      10,
    );
    api.createDeployment(7001);
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toContain('queued behind deployment 6999 (`eeeeeee` by @monalisa, in_progress)');
  });

  it('warns that deploying a rolled-back sha explicitly releases it from quarantine', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    api.deployments(
      'staging',
      [
        {
          id: 6002,
          sha: 'b'.repeat(40),
          created_at: '2026-11-24T09:40:00Z',
          payload: deploymentPayloadFor('b'.repeat(40), { rollback_of: 6001 }),
          states: ['success'],
        },
        {
          id: 6001,
          sha: HEAD,
          created_at: '2026-11-24T09:30:00Z',
          payload: deploymentPayloadFor(HEAD),
          states: ['inactive', 'success'],
        },
      ],
      10,
    );
    api.createDeployment(7001);
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toContain('`aaaaaaa` was rolled back from **staging** (deployment 6001)');
  });

  it('refuses production without an approving review, naming the rule', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { allowed: false });
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy production'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.path.endsWith('/deployments'))).toBe(false);
    expect(replyOf(api)).toContain('`approval`');
  });

  it('deploys production once the head is approved and the checks are green', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { reviews: [{ login: 'reviewer', state: 'APPROVED', commit_id: HEAD }] });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy production'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.find((call) => call.path.endsWith('/deployments'))?.body).toMatchObject({
      environment: 'production',
      production_environment: true,
      payload: { stack_name: 'orders-api-production', dry_run: false },
    });
  });

  it('refuses when the branch moved after the command was written, naming both shas', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      activity: [{ before: PARENT, after: HEAD, timestamp: '2026-11-24T10:05:00Z' }],
      allowed: false,
    });
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(createdDeployment(api)).toBeUndefined();
    expect(replyOf(api)).toContain('`sha-moved`');
    expect(replyOf(api)).toContain('moved from `bbbbbbb` to `aaaaaaa`');
  });
});

describe('Probot app: /deploy by team', () => {
  it.each([
    ['a member of a deployer team deploys', 'active' as const, true],
    ['someone outside the deployer teams is refused, naming the rule', 404 as const, false],
  ])('%s', async (_name, membership, allowed) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      config: 'environments:\n  staging:\n    deployers: [acme/platform]\n',
      checks: [],
      allowed,
    });
    api.teamMembership('acme', 'platform', 'Codertocat', membership);
    if (allowed) {
      api.deployments('staging', [], 10);
      api.createDeployment(7010);
    }
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    if (!allowed) expect(replyOf(api)).toContain('`deployers`');
  });
});

describe('Probot app: /deploy in an enforced order', () => {
  it('refuses production until the same sha has succeeded in every environment before it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      config: 'deploy_order: [development, staging, production]\n',
      role: 'admin',
      reviews: [{ login: 'reviewer', state: 'APPROVED', commit_id: HEAD }],
      allowed: false,
    });
    api.deployments({ sha: HEAD }, [
      {
        id: 11,
        sha: HEAD,
        created_at: '2026-11-24T09:10:00Z',
        payload: {},
        states: ['success'],
        environment: 'development',
      },
      {
        id: 12,
        sha: HEAD,
        created_at: '2026-11-24T09:20:00Z',
        payload: {},
        states: ['failure'],
        environment: 'staging',
      },
    ]);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy production'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/deployments'))).toBe(
      false,
    );
    expect(replyOf(api)).toContain('`order`');
    expect(replyOf(api)).toContain('staging');
  });
});

describe('Probot app: /deploy on the request issue', () => {
  it('finds the pull request through the status comment and deploys its head', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    api.permission('Codertocat', 'admin');
    api.commandDeployments();
    api.comments(1, [taskStatus]);
    api.getPull({ number: 42, headSha: HEAD, headRef: BRANCH });
    api.reviews(42, []);
    api.checkRunsFor(HEAD, []);
    api.combinedStatus(HEAD);
    api.branchActivity(BRANCH, [{ before: PARENT, after: HEAD, timestamp: '2026-11-24T09:00:00Z' }]);
    api.deployments('development', [], 10);
    api.createDeployment(7003);
    api.createComment(1, 951);
    const { receive, errors } = await testProbot();
    const payload = prComment('/deploy development');
    payload.issue.number = 1;
    delete payload.issue.pull_request;

    await receive('issue_comment', payload);

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.find((call) => call.path.endsWith('/deployments'))?.body).toMatchObject({
      ref: HEAD,
      environment: 'development',
      payload: { pull_number: 42, stack_name: 'orders-api-development' },
    });
  });
});

describe('Probot app: other commands', () => {
  it('refuses /deploy from someone without write access before looking any further', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    api.permission('visitor', 'read');
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging', 'visitor'));

    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toBe(
      '@visitor, `/deploy` needs write, maintain or admin permission on Codertocat/Hello-World; you have read.',
    );
  });

  it('answers an unknown environment with what is wrong and the help text', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/deploy prod'));

    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toContain('production');
    expect(replyOf(api)).toContain('/rollback');
  });

  it('answers /help with the commands and the configured environments', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config('environments:\n  qa: {}\n  live: {}\n');
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', prComment('/help'));

    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toContain('/deploy');
    expect(replyOf(api)).toMatch(/qa.*live|live.*qa/s);
  });
});
