import { BRANCH, OWNER, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';

const MERGE_COMMIT = 'f'.repeat(40);

describe('/deploy refuses pull requests from forks unless the config allows them', () => {
  // The example: a fork names its branch like the agent's and was taken for the agent's PR,
  // its sha deployed with the task's template.
  it('refuses a fork whose branch is named like the agent’s, before looking for a task', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      pull: { number: 43, headRepository: 'mallory/Hello-World' },
      allowed: false,
    });
    api.createComment(43, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging', 43);

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `fork`');
    expect(api.calls.some((call) => call.path.includes('/issues/1/comments'))).toBe(false);
  });

  it('refuses a pull request whose fork was deleted', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      pull: { number: 43, headRepository: null },
      suites: ['2026-11-24T09:00:00Z'],
      allowed: false,
    });
    api.createComment(43, 950);

    const { reply } = await commentOnPull(api, '/deploy staging', 43);

    expect(reply).toContain('rule `fork`');
  });

  it('with forks allowed, still never takes a fork for the task’s pull request', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      config: 'deploy:\n  allow_fork_pull_requests: true\n',
      pull: { number: 43, headRepository: 'mallory/Hello-World' },
    });
    api.createComment(43, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging', 43);

    expect(deployment).toBeUndefined();
    expect(reply).toContain('#43 was not opened by implementation-agent');
  });

  it('does not take another branch of this repository for the task’s pull request either', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { pull: { number: 44, headRef: `${BRANCH}-copy` } });
    api.createComment(44, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging', 44);

    expect(deployment).toBeUndefined();
    expect(reply).toContain('#44 was not opened by implementation-agent');
  });
});

describe('/deploy matches allowed_refs against the branch the sha is on, and records it', () => {
  const onlyMaster = 'environments:\n  staging:\n    allowed_refs: [master]\n';

  // The example: allowed_refs could never be satisfied, since /deploy compared the PR head
  // branch even for a merged PR.
  it('deploys a merged pull request from its base branch, recording that branch', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { config: onlyMaster, pull: { merged: true } });
    api.deployments('staging', [], 10);
    api.createDeployment(7001);
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toMatchObject({
      ref: MERGE_COMMIT,
      payload: { checked_sha: MERGE_COMMIT, branch: 'master' },
    });
  });

  it('refuses an open pull request whose head branch is not allowed, naming it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { config: onlyMaster, allowed: false });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toBeUndefined();
    expect(reply).toContain(`\`${BRANCH}\` is not one of them`);
  });

  it('records the head branch of an open pull request', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { config: 'environments:\n  staging:\n    allowed_refs: [implementation/**]\n' });
    api.deployments('staging', [], 10);
    api.createDeployment(7001);
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toMatchObject({ payload: { branch: BRANCH } });
  });
});
