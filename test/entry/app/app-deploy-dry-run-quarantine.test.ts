import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';
import { HEAD, OWNER, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';

/** Staging's history: HEAD deployed (6001), then rolled back to an older sha (6002). */
function rolledBackHistory(api: ReturnType<typeof githubApi>) {
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
}

/**
 * A dry run deploys nothing, so it never counts as a deployment of its sha (#8 kind 5): it does not
 * release a rolled-back sha from quarantine, and its reply must not say it does.
 */
describe('/deploy --dry-run of a rolled-back sha', () => {
  it('says the sha stays quarantined, not that the dry run releases it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api);
    rolledBackHistory(api);
    api.createDeployment(7001);
    api.createComment(42, 950);

    const { reply } = await commentOnPull(api, '/deploy staging --dry-run');

    expect(reply).toContain('`aaaaaaa` was rolled back from **staging** (deployment 6001)');
    expect(reply).toContain('a dry run does not release it from quarantine');
    expect(reply).not.toContain('deploying it explicitly releases it');
  });
});
