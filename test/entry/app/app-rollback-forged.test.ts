import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { markerKeysFrom } from '../../../src/core/state/marker-keys.js';
import { OWNER, REPO } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const GOOD = '1'.repeat(40);
const CURRENT = '3'.repeat(40);
const EVIL = '6'.repeat(40);

function expectCommandStart(api: ReturnType<typeof githubApi>) {
  api.installationToken(INSTALLATION_ID);
  api.reaction(492700400);
  api.config(undefined);
  api.permission('Codertocat', 'write');
  api.commandDeployments();
}

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

const current = {
  id: 303,
  sha: CURRENT,
  created_at: '2026-11-24T12:00:00Z',
  payload: deploymentPayloadFor(CURRENT),
  states: ['success', 'in_progress'],
};
const good = {
  id: 301,
  sha: GOOD,
  created_at: '2026-11-24T10:00:00Z',
  payload: deploymentPayloadFor(GOOD),
  states: ['inactive', 'success'],
};
/** A hand-made "success" of another sha and stack, newer than what runs: unsigned, or signed with another key. */
const forgedUnsigned = {
  id: 305,
  sha: EVIL,
  created_at: '2026-11-24T13:00:00Z',
  payload: deploymentPayloadFor(EVIL, { stack_name: 'payments-production' }),
  states: ['success', 'in_progress'],
  forged: true,
};
const forgedOtherKey = {
  ...forgedUnsigned,
  id: 304,
  created_at: '2026-11-24T12:30:00Z',
  payload: signedDeploymentPayload({
    payload: forgedUnsigned.payload,
    sha: EVIL,
    environment: 'staging',
    markerKeys: markerKeysFrom({ secret: 'a-secret-the-app-does-not-hold' }),
  }),
};

describe('/rollback counts only the deployments the app made and signed (#8: forged deployments)', () => {
  it('ignores newer forged deployments: what runs and what it returns to come from signed ones', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.deployments('staging', [forgedUnsigned, forgedOtherKey, current, good]);
    api.createDeployment(306);
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback staging');

    // Taken at face value, 305 would be "current" and 303 the target.
    expect(deployment).toMatchObject({
      ref: GOOD,
      payload: { stack_name: 'orders-api-staging', rollback_of: 303, rollback_to: 301 },
    });
    expect(deployment.payload.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(reply).toContain('back to `1111111` (deployment 301, replacing deployment 303)');
  });

  it('a signed payload in a deployment someone else created does not count either', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    const byMaintainer = { ...current, id: 305, created_at: '2026-11-24T13:00:00Z', creator: 'Codertocat' };
    api.deployments('staging', [byMaintainer, current, good]);
    api.createDeployment(306);
    api.createComment(42, 950);

    const { deployment } = await rollback(api, '/rollback staging');

    expect(deployment).toMatchObject({ ref: GOOD, payload: { rollback_of: 303, rollback_to: 301 } });
  });

  it('refuses a forged deployment named by id as a target', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.deployment(305, { ...forgedUnsigned, environment: 'staging' });
    api.deployments('staging', [forgedUnsigned, current, good], 20, { pagesRead: 1 });
    api.createComment(42, 950);

    const { deployment, reply } = await rollback(api, '/rollback staging to 305');

    expect(deployment).toBeUndefined();
    expect(reply).toContain('There is no deployment 305');
  });
});
