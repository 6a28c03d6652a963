import { HEAD, OWNER, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';

const APPROVED = [{ login: 'reviewer', state: 'APPROVED', commit_id: HEAD }];
const GREEN = { name: 'build', status: 'completed', conclusion: 'success' };

describe('/deploy green checks: check runs and commit statuses both count', () => {
  // The example: Jenkins-style CI reports a failing commit status, not a check run.
  it('refuses production when a commit status fails beside green check runs', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [GREEN],
      statuses: [{ context: 'continuous-integration/jenkins', state: 'failure' }],
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `green-checks`');
    expect(reply).toContain('at least one check failed (`continuous-integration/jenkins`)');
  });

  // A check is the agent's own only when the agent's App made it: a CI job that uses our name counts as CI.
  it('refuses production when a failing CI check from another App is named like the agent’s own', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [
        GREEN,
        {
          name: 'implementation-agent',
          status: 'completed',
          conclusion: 'failure',
          app: { id: 15368, slug: 'github-actions' },
        },
      ],
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('at least one check failed (`implementation-agent`)');
  });

  it('waits for a commit status still pending', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [GREEN],
      statuses: [{ context: 'ci/jenkins', state: 'pending' }],
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply } = await commentOnPull(api, '/deploy production');

    expect(reply).toContain('some checks are still running (`ci/jenkins`)');
  });

  it('deploys production on green commit statuses alone', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [],
      statuses: [{ context: 'ci/jenkins', state: 'success' }],
    });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toMatchObject({ environment: 'production', ref: HEAD });
  });

  it('reads every page of check runs: a failure on the second page refuses', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const passing = Array.from({ length: 3 }, (_, index) => ({ ...GREEN, name: `shard-${index + 1}` }));
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [...passing, { name: 'shard-4', status: 'completed', conclusion: 'failure' }],
      checksPerPage: 3,
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply } = await commentOnPull(api, '/deploy production');

    expect(reply).toContain('at least one check failed (`shard-4`)');
    expect(api.calls.filter((call) => call.path.includes('/check-runs'))).toHaveLength(2);
  });
});

describe('/deploy reads every page of commit statuses', () => {
  // GitHub pages a combined status's `statuses` like any list (100 a page at most): a failing
  // context beyond the first page still fails the green-checks rule.
  it('refuses when the only failing status is on the second page', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const passing = Array.from({ length: 3 }, (_, index) => ({
      context: `ci/shard-${index + 1}`,
      state: 'success',
    }));
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [GREEN],
      statuses: [...passing, { context: 'ci/shard-4', state: 'error' }],
      statusesPerPage: 3,
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('at least one check failed (`ci/shard-4`)');
    expect(api.calls.filter((call) => call.path.includes(`/commits/${HEAD}/status`))).toHaveLength(2);
  });
});

describe('/deploy judges the agent’s own checks by their own rules', () => {
  it('does not wait for the agent’s approval check as if it were CI', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [GREEN, { name: 'implementation-agent/approval', status: 'queued', conclusion: null }],
    });
    api.deployments('production', [], 10);
    api.createDeployment(7002);
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toMatchObject({ environment: 'production' });
  });

  it('refuses under the validation rule when the agent’s own validation failed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: APPROVED,
      checks: [GREEN, { name: 'implementation-agent', status: 'completed', conclusion: 'failure' }],
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `validation`');
  });
});
