import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { deploymentPayloadFor } from '../../fixtures/deployment-payload.js';
import { controlKeysFrom } from '../../../src/core/deploy/control-request-signature.js';
import type { ControlRequest } from '../../../src/core/deploy/control-request.js';
import { judgeControlRequest } from '../../../src/core/deploy/judge-control-request.js';
import { TEST_MARKER_KEYS } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const GOOD = '1'.repeat(40);
const BAD = '2'.repeat(40);
const CURRENT = '3'.repeat(40);

function comment(body: string) {
  const payload = webhookExample('issue_comment', 'created');
  payload.issue.number = 42;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/42` };
  payload.comment.body = body;
  return payload;
}

function expectCommandStart(api: ReturnType<typeof githubApi>) {
  api.installationToken(INSTALLATION_ID);
  api.reaction(492700400);
  api.config(undefined);
  api.permission('Codertocat', 'write');
}

const replyOf = (api: ReturnType<typeof githubApi>) =>
  api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/issues/42/comments'))?.body
    .body as string;

describe('Probot app: /rollback', () => {
  it('redeploys exactly what the last good deployment deployed, marked as a rollback of the current one', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.commandDeployments();
    api.deployments('staging', [
      {
        id: 303,
        sha: CURRENT,
        created_at: '2026-11-24T12:00:00Z',
        payload: deploymentPayloadFor(CURRENT),
        states: ['success', 'in_progress'],
      },
      {
        id: 302,
        sha: BAD,
        created_at: '2026-11-24T11:00:00Z',
        payload: deploymentPayloadFor(BAD),
        states: ['failure', 'in_progress'],
      },
      {
        id: 301,
        sha: GOOD,
        created_at: '2026-11-24T10:00:00Z',
        payload: JSON.stringify(deploymentPayloadFor(GOOD)),
        states: ['inactive', 'success'],
      },
    ]);
    api.createDeployment(304);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/rollback staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(
      api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/deployments'))?.body,
    ).toMatchObject({
      ref: GOOD,
      environment: 'staging',
      payload: { ...deploymentPayloadFor(GOOD), rollback_of: 303 },
    });
    expect(replyOf(api)).toContain(
      'Rolling **staging** back to `1111111` (deployment 301, replacing deployment 303) as deployment 304',
    );
  });

  it('ends a rollback deployment no workflow run can start, and opens no revert pull request', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.commandDeployments();
    api.deployments('staging', [
      {
        id: 303,
        sha: CURRENT,
        created_at: '2026-11-24T12:00:00Z',
        payload: deploymentPayloadFor(CURRENT),
        states: ['success', 'in_progress'],
      },
      {
        id: 301,
        sha: GOOD,
        created_at: '2026-11-24T10:00:00Z',
        payload: deploymentPayloadFor(GOOD),
        states: ['inactive', 'success'],
      },
    ]);
    api.createDeployment(304, 'github-actions[bot]');
    api.deploymentStatus(304);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/rollback staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toContain('comment `/rollback staging` again');
    expect(api.calls.some((call) => call.path.includes('/git/'))).toBe(false);
    // The rollback failed, not the task: no status comment is written, and only the new
    // deployment is ended (deployment 303, rolled back from, keeps its state).
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
    expect(
      api.calls
        .filter((call) => call.method === 'POST' && call.path.includes('/statuses'))
        .map((call) => call.path),
    ).toEqual([expect.stringMatching(/\/deployments\/304\/statuses$/)]);
  });

  it('rolls production back and opens a pull request that reverts the rolled-back change on the default branch', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.commandDeployments();
    api.deployments('production', [
      {
        id: 403,
        sha: CURRENT,
        created_at: '2026-11-24T12:00:00Z',
        payload: deploymentPayloadFor(CURRENT),
        states: ['success'],
      },
      {
        id: 401,
        sha: GOOD,
        created_at: '2026-11-24T10:00:00Z',
        payload: deploymentPayloadFor(GOOD),
        states: ['inactive', 'success'],
      },
    ]);
    api.createDeployment(404);
    api.compare(`${CURRENT}...master`, { status: 'ahead' });
    api.compare(`${GOOD}...${CURRENT}`, {
      status: 'ahead',
      files: [{ filename: 'services/orders-api/src/app.ts', status: 'modified' }],
    });
    api.tree(GOOD, [{ path: 'services/orders-api/src/app.ts', sha: 'good-blob' }]);
    api.branch('master', 'master-head');
    api.commit('master-head');
    api.createTree();
    api.createCommit('revert-commit');
    api.createRef();
    api.createPull(55);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/rollback production'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(
      api.calls.find((call) => call.path.endsWith('/git/trees') && call.method === 'POST')?.body.tree,
    ).toEqual([{ path: 'services/orders-api/src/app.ts', mode: '100644', type: 'blob', sha: 'good-blob' }]);
    expect(replyOf(api)).toContain('#55 reverts the rolled-back change on the default branch');
  });

  it('says so when there is nothing to roll back to, and creates nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.commandDeployments();
    api.deployments('staging', [
      {
        id: 303,
        sha: CURRENT,
        created_at: '2026-11-24T12:00:00Z',
        payload: deploymentPayloadFor(CURRENT),
        states: ['success'],
      },
    ]);
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/rollback staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/deployments'))).toBe(
      false,
    );
    expect(replyOf(api)).toMatch(/staging/);
  });

  it('refuses to roll back to a deployment it did not make, since it cannot redeploy it exactly', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.commandDeployments();
    api.deployments('staging', [
      {
        id: 303,
        sha: CURRENT,
        created_at: '2026-11-24T12:00:00Z',
        payload: deploymentPayloadFor(CURRENT),
        states: ['success'],
      },
      {
        id: 301,
        sha: GOOD,
        created_at: '2026-11-24T10:00:00Z',
        payload: {},
        states: ['inactive', 'success'],
      },
    ]);
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/rollback staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(replyOf(api)).toContain('Deployment 301 was not made by implementation-agent');
  });
});

describe('Probot app: /cancel and /unlock go to the deploy workflow', () => {
  it.each([
    ['/cancel staging', 'cancel', 'stop the deploy running there'],
    ['/unlock staging', 'unlock', 'release its deploy lock'],
  ])('%s sends an implementation-control dispatch and says so', async (body, command, said) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommandStart(api);
    api.dispatch();
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment(body));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const sent = api.calls.find((call) => call.path.endsWith('/dispatches'))?.body;
    expect(sent).toEqual({
      event_type: 'implementation-control',
      client_payload: {
        version: 1,
        command,
        environment: 'staging',
        issue_number: 42,
        requested_by: 'Codertocat',
        region: 'ap-southeast-2',
        issued_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    // Signed with the App's control key for this repository: the deploy workflow can tell it from a forged dispatch.
    const request = sent?.client_payload as ControlRequest;
    expect(
      judgeControlRequest({
        request,
        repository: `${OWNER}/${REPO}`,
        keys: controlKeysFrom(TEST_MARKER_KEYS),
        now: Date.parse(request.issued_at ?? ''),
      }),
    ).toEqual({ trust: 'verified', signedWith: 'current' });
    expect(replyOf(api)).toContain(said);
  });
});
