import { HEAD, OWNER, PARENT, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';

describe('/deploy counts approvals only from people with write access, on the current head', () => {
  // The example: an APPROVED review from a user with read access satisfied requires_approval.
  it('refuses production when the only approval comes from a reader, and says why', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: [{ login: 'drive-by', state: 'APPROVED', commit_id: HEAD }],
      reviewerRoles: { 'drive-by': 'read' },
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `approval`');
    expect(reply).toContain("@drive-by's approval does not count (permission **read**)");
  });

  it.each([
    ['maintain', true],
    ['admin', true],
    ['write', true],
    ['triage', false],
  ])('an approval from someone with %s counts: %s', async (role, allowed) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: [{ login: 'reviewer', state: 'APPROVED', commit_id: HEAD }],
      reviewerRoles: { reviewer: role },
      allowed,
    });
    if (allowed) {
      api.deployments('production', [], 10);
      api.createDeployment(7002);
    }
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment !== undefined).toBe(allowed);
  });

  it('does not count a writer’s approval of an earlier commit', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: [{ login: 'reviewer', state: 'APPROVED', commit_id: PARENT }],
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply } = await commentOnPull(api, '/deploy production');

    expect(reply).toContain('@reviewer approved an earlier commit, not the current head');
  });

  it('reads every page of reviews: a request for changes on the second page still holds', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      reviews: [
        { login: 'reviewer', state: 'APPROVED', commit_id: HEAD },
        { login: 'someone', state: 'COMMENTED', commit_id: HEAD },
        { login: 'maintainer', state: 'CHANGES_REQUESTED', commit_id: HEAD },
      ],
      reviewsPerPage: 2,
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy production');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('@maintainer asked for changes');
    expect(api.calls.filter((call) => call.path.includes('/reviews'))).toHaveLength(2);
  });
});
