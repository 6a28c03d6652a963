import { HEAD, OWNER, PARENT, REPO, commentOnPull, expectDeployFacts } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';

describe('/deploy decides "what existed when the command was given" from GitHub’s clock', () => {
  // The example: a commit pushed after /deploy with a back-dated committer date. The commit
  // date is never read; the push's server-side timestamp decides.
  it('refuses a commit pushed after the command whatever its commit date says', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      activity: [
        { before: PARENT, after: HEAD, timestamp: '2026-11-24T10:00:07Z' },
        { before: 'c'.repeat(40), after: PARENT, timestamp: '2026-11-24T09:00:00Z' },
      ],
      allowed: false,
    });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('rule `sha-moved`');
    expect(reply).toContain('at 2026-11-24T10:00:07Z, after the deploy was requested');
    expect(api.calls.some((call) => call.path.includes('/pulls/42/commits'))).toBe(false);
  });

  it('deploys a head pushed before the command', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, {
      activity: [{ before: PARENT, after: HEAD, timestamp: '2026-11-24T09:59:59Z' }],
    });
    api.deployments('staging', [], 10);
    api.createDeployment(7001);
    api.createComment(42, 950);

    const { deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toMatchObject({ ref: HEAD, payload: { checked_sha: HEAD } });
  });

  it.each([
    ['created after the command', ['2026-11-24T10:02:00Z'], false],
    ['created before the command', ['2026-11-24T10:02:00Z', '2026-11-24T09:58:00Z'], true],
  ])(
    'falls back to the head’s check suites where the activity API is not offered: %s',
    async (_case, suites, allowed) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectDeployFacts(api, { activity: 404, suites, allowed });
      if (allowed) {
        api.deployments('staging', [], 10);
        api.createDeployment(7001);
      }
      api.createComment(42, 950);

      const { reply, deployment } = await commentOnPull(api, '/deploy staging');

      expect(deployment !== undefined).toBe(allowed);
      if (!allowed) expect(reply).toContain('at 2026-11-24T10:02:00Z, after the deploy was requested');
    },
  );

  it('refuses a head GitHub has no record of, rather than trust its commit date', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { activity: 404, suites: [], allowed: false });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('GitHub holds no record of when `aaaaaaa` reached');
  });

  it('refuses a merge that happened after the command', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { pull: { merged: true, mergedAt: '2026-11-24T10:01:00Z' }, allowed: false });
    api.createComment(42, 950);

    const { reply, deployment } = await commentOnPull(api, '/deploy staging');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('merged at 2026-11-24T10:01:00Z, after the deploy was requested');
  });
});
