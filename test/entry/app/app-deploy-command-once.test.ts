import { TEST_MARKER_KEYS } from './agent-status.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
import { INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { OWNER, REPO, expectDeployFacts, prComment } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

/** The issue_comment example's comment id: the command the listed deployment claims to have carried out. */
const COMMENT_ID = 492700400;
const LISTED_SHA = 'c'.repeat(40);
const claim = { version: 1, task_id: `${OWNER}/${REPO}#1`, command_comment_id: COMMENT_ID };
const AFTER_COMMENT = '2026-11-24T10:05:00Z';

describe('Probot app: a /deploy comment is carried out once, judged by the agent’s own deployments only', () => {
  it('does nothing more when the agent’s signed deployment already names the comment (a redelivery)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.permission('Codertocat', 'write');
    const payload = signedDeploymentPayload({
      payload: claim,
      sha: LISTED_SHA,
      environment: 'staging',
      markerKeys: TEST_MARKER_KEYS,
    });
    api.commandDeployments([{ id: 7000, created_at: AFTER_COMMENT, payload }]);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging --dry-run'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/deployments'))).toBe(
      false,
    );
  });

  it('carries the command out when only a hand-made (unsigned) deployment names the comment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectDeployFacts(api, { commandDeployments: [{ id: 7000, created_at: AFTER_COMMENT, payload: claim }] });
    api.deployments('staging', [], 10);
    api.createDeployment(7001);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', prComment('/deploy staging --dry-run'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const created = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
    expect(created?.body).toMatchObject({
      environment: 'staging',
      payload: { command_comment_id: COMMENT_ID },
    });
  });
});
