import { OWNER, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';

/**
 * A pull request closed without merging was turned down, and its head branch is often deleted with
 * it: its head is on no branch the rules can check (#8 kind 4: `allowed_refs` reads the branch the
 * sha is on, the head branch while open and the base branch once merged; a closed, unmerged pull
 * request has neither).
 */
describe('/deploy of a pull request closed without merging', () => {
  it('deploys nothing and says how to deploy it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { pull: { closed: true }, allowed: false });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toBeUndefined();
    expect(reply).toBe(
      '#42 was closed without being merged, so nothing was deployed to `staging`: its head is on no branch ' +
        'the rules can check. Reopen it (or merge it) and comment `/deploy staging` again.',
    );
  });

  it('still deploys a merged pull request, which is closed too', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { pull: { merged: true } });
    api.deployments('staging', [], 10);
    api.createDeployment(7003);
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toMatchObject({ environment: 'staging', ref: 'f'.repeat(40) });
  });
});
