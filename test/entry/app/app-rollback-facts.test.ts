import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { HEAD, OWNER, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const GOOD = '1'.repeat(40);
const CURRENT = '3'.repeat(40);
const NEVER_RAN = '4'.repeat(40);

function expectCommandStart(api: ReturnType<typeof githubApi>, config?: string) {
  api.installationToken(INSTALLATION_ID);
  api.reaction(492700400);
  api.config(config);
  api.permission('Codertocat', 'write');
  api.commandDeployments();
}

/** `/rollback …` on PR #42, a real delivery; returns the answer and the deployment created, if any. */
async function rollback(api: ReturnType<typeof githubApi>, body: string) {
  const payload = webhookExample('issue_comment', 'created');
  payload.issue.number = 42;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/42` };
  payload.comment.body = body;
  const { receive, errors } = await testProbot();
  await receive('issue_comment', payload);
  expect(errors).toEqual([]);
  expect(api.scope.isDone()).toBe(true);
  const created = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
  const reply = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/issues/42/comments'));
  return { deployment: created?.body, reply: reply?.body.body as string };
}

const dryRun = {
  id: 503,
  sha: NEVER_RAN,
  created_at: '2026-11-24T13:00:00Z',
  payload: deploymentPayloadFor(NEVER_RAN, { dry_run: true }),
  states: ['success', 'in_progress'],
};
const current = {
  id: 502,
  sha: CURRENT,
  created_at: '2026-11-24T12:00:00Z',
  payload: deploymentPayloadFor(CURRENT),
  states: ['success', 'in_progress'],
};
const good = {
  id: 501,
  sha: GOOD,
  created_at: '2026-11-24T10:00:00Z',
  payload: deploymentPayloadFor(GOOD, { branch: 'master' }),
  states: ['success', 'in_progress'],
};

describe('a dry run is never what runs', () => {
  // The issue's example: `/deploy production --dry-run` ended `success`, and `/rollback` then took it
  // for what runs and opened a revert PR for a change that never ran.
  it('/rollback production replaces the real current deployment and reverts only what ran', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.deployments('production', [dryRun, current, good]);
    api.createDeployment(504);
    api.compare(`${CURRENT}...master`, { status: 'diverged' });
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback production');

    expect(deployment).toMatchObject({ ref: GOOD, payload: { rollback_of: 502, rollback_to: 501 } });
    expect(reply).toContain('deployment 501, replacing deployment 502');
    expect(api.calls.some((call) => call.path.includes(NEVER_RAN))).toBe(false);
  });

  it('/rollback to a dry run by id is refused: nothing it planned ever ran', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.deployment(503, { ...dryRun, environment: 'staging' });
    api.deployments('staging', [dryRun, current, good], 20, { pagesRead: 1 });
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback staging to 503');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('Deployment 503 (`4444444`) was a dry run');
  });

  it('deploy_order does not count an environment where the sha was only dry-run', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      config: 'deploy_order: [staging, production]\n',
      reviews: [{ login: 'reviewer', state: 'APPROVED', commit_id: HEAD }],
      allowed: false,
    });
    api.deployments({ sha: HEAD }, [
      {
        ...dryRun,
        sha: HEAD,
        environment: 'staging',
        payload: deploymentPayloadFor(HEAD, { dry_run: true }),
      },
    ]);
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `order`');
  });
});

describe('/rollback reads the deployment history as far as its answer needs', () => {
  it('follows the Link header to an older page for the last good deployment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    const failures = Array.from({ length: 20 }, (_, index) => ({
      id: 480 + index,
      sha: `${index % 10}`.repeat(39) + 'a',
      created_at: `2026-11-24T11:${String(59 - index).padStart(2, '0')}:00Z`,
      payload: deploymentPayloadFor('b'.repeat(40)),
      states: ['failure'],
    }));
    api.deployments('staging', [current, ...failures, good]);
    api.createDeployment(504);
    api.createComment(42, 950);

    const { deployment } = await rollback(api, '/rollback staging');

    expect(deployment).toMatchObject({ ref: GOOD, payload: { rollback_to: 501 } });
    expect(
      api.calls.filter(
        (call) => call.path.includes('/deployments?environment=staging') && call.method === 'GET',
      ),
    ).toHaveLength(2);
  });

  it('stops at the first page that answers', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    const older = Array.from({ length: 25 }, (_, index) => ({ ...good, id: 400 - index }));
    api.deployments('staging', [current, good, ...older], 20, { pagesRead: 1 });
    api.createDeployment(504);
    api.createComment(42, 950);

    const { deployment } = await rollback(api, '/rollback staging');

    expect(deployment).toMatchObject({ payload: { rollback_to: 501 } });
  });

  it('asks GitHub for a deployment named by id that does not exist, rather than read the whole history', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.deployment(999);
    api.deployments('staging', [current, good], 20);
    api.createComment(42, 950);

    const { reply } = await rollback(api, '/rollback staging to 999');

    expect(reply).toContain('There is no deployment 999');
  });
});

describe('/rollback checks allowed_refs against the branch the deployment recorded', () => {
  const config =
    'environments:\n  production:\n    allowed_refs: [master]\n    revert_pr_on_rollback: false\n';

  // The issue's example: /rollback compared the deployment ref, a sha, so allowed_refs never matched.
  it('rolls back to a deployment from an allowed branch that still contains its sha', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api, config);
    api.deployments('production', [current, good]);
    api.compare(`${GOOD}...master`, { status: 'ahead' });
    api.createDeployment(504);
    api.createComment(42, 950);

    const { deployment } = await rollback(api, '/rollback production');

    expect(deployment).toMatchObject({ ref: GOOD, payload: { branch: 'master', rollback_to: 501 } });
  });

  it('refuses when the branch no longer contains the sha', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api, config);
    api.deployments('production', [current, good]);
    api.compare(`${GOOD}...master`, { status: 'diverged' });
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('from `master`, which no longer contains it');
  });

  it('refuses a deployment that recorded no branch, since the rule cannot be checked', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api, config);
    api.deployments('production', [current, { ...good, payload: deploymentPayloadFor(GOOD) }]);
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('Deployment 501 (`1111111`) records no branch');
  });

  it('refuses a deployment from a branch the environment does not allow', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api, config);
    api.deployments('production', [
      current,
      { ...good, payload: deploymentPayloadFor(GOOD, { branch: 'hotfix/x' }) },
    ]);
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `allowed-refs`');
  });
});
