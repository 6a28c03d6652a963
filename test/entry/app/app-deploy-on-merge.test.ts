import { requestDigest } from '../../../src/core/idempotency/request-digest.js';
import { checkParsedRequest } from '../../../src/core/request/check-parsed-request.js';
import { parseIssueRequest } from '../../../src/core/request/parse-issue-request.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN, TEST_MARKER_KEYS } from './agent-status.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch and merged.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const MERGE_SHA = 'f'.repeat(40);
const MERGED_AT = '2026-11-24T09:30:00Z';
const MERGER = 'maintainer';
const GREEN = { name: 'build', status: 'completed', conclusion: 'success' };

type Api = ReturnType<typeof githubApi>;

const marker = (mode: TaskMarker['effective_mode'], state: TaskMarker['state'] = 'pr_open'): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state,
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  template_path: 'services/orders-api/template.yaml',
  environment: 'staging',
  requester: 'requester-dev',
  ...(mode === undefined ? {} : { effective_mode: mode, risk_level: mode === 'automated' ? 'low' : 'high' }),
  updated_at: '2026-11-24T09:00:00.000Z',
});

/** A real `pull_request.closed` payload; `merged` and the branch are the fields a merged task PR changes. */
function mergedEvent() {
  const payload = webhookExample('pull_request', 'closed');
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.merged = true;
  return payload;
}

/** The sync's reads and the move to `merged`: the task's status, the pull request, the config. */
function expectMerge(api: Api, status: TaskMarker, config?: string, mergedBy = MERGER) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH, merged: true, mergedAt: MERGED_AT, mergedBy });
  api.config(config);
  api.updateComment(900);
}

/** The merged head carries the agent's passing validation check: it is the agent's own commit. */
function expectValidatedHead(api: Api) {
  api.checkRunsFor(HEAD, [{ name: 'implementation-agent', status: 'completed', conclusion: 'success' }]);
  api.combinedStatus(HEAD, []);
}

/** What the deploy use case reads on a merged pull request: the same facts `/deploy` reads. */
function expectDeployFacts(
  api: Api,
  options: {
    checks?: Array<typeof GREEN>;
    statuses?: Array<{ context: string; state: string }>;
    /** Whose permission the deploy asks for: the merger's, or the requester's when the agent merged. */
    actor?: string;
    mergedBy?: string;
    environment?: string;
  } = {},
) {
  api.commandDeployments([]);
  expectValidatedHead(api);
  api.permission(options.actor ?? MERGER, 'write');
  api.getPull({
    number: PULL,
    headSha: HEAD,
    headRef: BRANCH,
    merged: true,
    mergedAt: MERGED_AT,
    mergedBy: options.mergedBy ?? MERGER,
  });
  api.reviews(PULL, []);
  // The task's status, read before the rules: its requester is the review policy's.
  api.comments(1, [agentStatusComment({ marker: marker('automated', 'merged') })]);
  api.checkRunsFor(MERGE_SHA, options.checks ?? [GREEN]);
  api.combinedStatus(MERGE_SHA, options.statuses ?? []);
  api.deployments(options.environment ?? 'staging', [], 10);
}

/**
 * After the rules allowed it: the environment's history, the deployment, the answer (the task's
 * status, read with the facts, is not read again).
 */
function expectDeploymentMade(api: Api, environment = 'staging') {
  api.deployments(environment, [], 10);
  api.createDeployment(7101);
  api.createComment(PULL, 950);
}

const deploymentsCreated = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
const replyOnPull = (api: Api) =>
  api.calls.find((call) => call.method === 'POST' && call.path.endsWith(`/issues/${PULL}/comments`))?.body
    .body as string | undefined;

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request', payload);
  expect(errors).toEqual([]);
}

describe('Probot app: automated mode deploys what was merged through the deploy rules', () => {
  it('a merged automated PR creates one signed deployment of the merge commit to the target environment', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'));
    expectDeployFacts(api);
    api.deployments('staging', [], 10);
    api.createDeployment(7101);
    api.createComment(PULL, 950);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    const created = deploymentsCreated(api);
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({
      environment: 'staging',
      ref: MERGE_SHA,
      payload: expect.objectContaining({
        checked_sha: MERGE_SHA,
        requested_by: MERGER,
        pull_number: PULL,
        branch: 'master',
        merge_of: PULL,
        signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    });
    expect(created[0]?.body.payload).not.toHaveProperty('command_comment_id');
    expect(replyOnPull(api)).toContain(
      'Merged in automated mode. 🚀 Deploying `fffffff` (PR #2) to **staging**',
    );
  });

  it.each([
    ['stopped with /cancel', marker('automated', 'cancelled')],
    ['whose last run failed', marker('automated', 'failed')],
  ])(
    'a task %s is recorded merged when a person merges its PR, and nothing is deployed',
    async (_name, status) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectMerge(api, status);

      await deliver(mergedEvent());

      expect(api.scope.isDone()).toBe(true);
      expect(deploymentsCreated(api)).toEqual([]);
      const written = api.calls.filter(
        (call) => call.method === 'PATCH' && call.path.includes('/issues/comments/'),
      );
      expect(readStateMarker(String(written.at(-1)?.body.body))?.marker.state).toBe('merged');
    },
  );

  it('refuses with a clear answer when the merge commit’s checks fail, and deploys nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const config = 'environments:\n  staging:\n    requires_green_checks: true\n';
    expectMerge(api, marker('automated'), config);
    expectDeployFacts(api, {
      checks: [GREEN],
      statuses: [{ context: 'continuous-integration/jenkins', state: 'failure' }],
    });
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    const answer = replyOnPull(api);
    expect(answer).toContain('#2 was merged in automated mode, but nothing was deployed to `staging`');
    expect(answer).toContain('rule `green-checks`');
    expect(answer).toContain('`continuous-integration/jenkins`');
  });

  it('a redelivered merge finds the deployment its first handling made and deploys nothing more', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: marker('automated', 'merged') })]);
    api.getPull({
      number: PULL,
      headSha: HEAD,
      headRef: BRANCH,
      merged: true,
      mergedAt: MERGED_AT,
      mergedBy: MERGER,
    });
    api.config(undefined);
    const payload = signedDeploymentPayload({
      payload: { version: 1, task_id: `${OWNER}/${REPO}#1`, merge_of: PULL },
      sha: 'c'.repeat(40),
      environment: 'staging',
      markerKeys: TEST_MARKER_KEYS,
    });
    api.commandDeployments([
      { id: 7101, created_at: '2026-11-24T09:30:05Z', payload, environment: 'staging' },
    ]);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(api.calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'))).toEqual(
      [],
    );
  });

  it.each(['guided', 'manual'] as const)(
    'a merged %s PR moves the task to merged and deploys nothing',
    async (mode) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectMerge(api, marker(mode));

      await deliver(mergedEvent());

      expect(api.scope.isDone()).toBe(true);
      expect(deploymentsCreated(api)).toEqual([]);
      expect(replyOnPull(api)).toBeUndefined();
    },
  );
});

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
const writesOf = (calls: Api['calls']) =>
  calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'));

describe('Probot app: deploy on merge when the agent itself merged (merge-when-green, its armed auto-merge)', () => {
  it('acts for the task’s requester from the signed marker, whose write access is asked of GitHub now', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'), undefined, APP_LOGIN);
    expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN });
    expectDeploymentMade(api);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    const [created, ...more] = deploymentsCreated(api);
    expect(more).toEqual([]);
    expect(created?.body).toMatchObject({
      environment: 'staging',
      ref: MERGE_SHA,
      description: 'Deploy on merge of PR #2 merged by the agent for requester-dev',
      payload: expect.objectContaining({
        requested_by: 'requester-dev',
        merged_by: APP_LOGIN,
        merge_of: PULL,
      }),
    });
    // The bot's own permission (none) is never what decides.
    expect(
      api.calls.some((call) => call.path.includes(`/collaborators/${encodeURIComponent(APP_LOGIN)}`)),
    ).toBe(false);
    expect(replyOnPull(api)).toContain(
      'Merged by the agent for @requester-dev. 🚀 Deploying `fffffff` (PR #2)',
    );
  });

  it.each([
    ['read', 'no longer has write access to Codertocat/Hello-World (GitHub: read)'],
    ['none', 'no longer has write access to Codertocat/Hello-World (GitHub: none)'],
  ])('refuses, naming why, when the requester now has %s access, and deploys nothing', async (role, why) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'), undefined, APP_LOGIN);
    api.commandDeployments([]);
    expectValidatedHead(api);
    api.permission('requester-dev', role);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    const answer = replyOnPull(api);
    expect(answer).toContain('#2 was merged by the agent, but nothing was deployed to `staging`');
    expect(answer).toContain(
      `implementation-agent merged it for @requester-dev, who asked for this task, but @requester-dev ${why}`,
    );
  });

  it('refuses when the task records no requester to act for', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const { requester: _none, ...anonymous } = marker('automated');
    expectMerge(api, anonymous, undefined, APP_LOGIN);
    api.commandDeployments([]);
    expectValidatedHead(api);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(replyOnPull(api)).toContain('the task records no requester to deploy for');
  });

  it('believes no requester from an unsigned marker: the merge is not the task’s, nothing is read or deployed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [
      agentStatusComment({ marker: { ...marker('automated'), requester: 'octo-admin' }, signingKey: null }),
    ]);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(writesOf(api.calls)).toEqual([]);
  });

  it('a person who merged still deploys as themselves, whatever the task’s requester', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'));
    expectDeployFacts(api);
    expectDeploymentMade(api);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)[0]?.body).toMatchObject({
      description: 'Deploy on merge of PR #2 requested by maintainer',
      payload: expect.objectContaining({ requested_by: MERGER }),
    });
    expect(deploymentsCreated(api)[0]?.body.payload).not.toHaveProperty('merged_by');
  });
});

describe('Probot app: a refused deploy on merge is answered once', () => {
  /** The first delivery: refused (the requester lost write access), answered, and the trigger recorded. */
  async function refuseOnce(api: Api, receive: (payload: Record<string, unknown>) => Promise<void>) {
    expectMerge(api, marker('automated'), undefined, APP_LOGIN);
    api.commandDeployments([]);
    expectValidatedHead(api);
    api.permission('requester-dev', 'read');
    api.createComment(PULL, 950);
    api.updateComment(900);
    await receive(mergedEvent());
    expect(api.scope.isDone()).toBe(true);
    const written = statusWrites(api).at(-1)?.body.body as string;
    expect(readStateMarker(written)?.marker).toMatchObject({
      state: 'merged',
      handled_triggers: ['merge:2'],
      last_outcome: expect.objectContaining({ status: 'refused' }),
    });
    expect(written).toContain('no longer has write access');
    return written;
  }

  /** What a later delivery reads: the status the first wrote, the pull request, the config. */
  function expectRedelivery(api: Api, written: string, options: { restarted: boolean }) {
    // The same app keeps its installation token; a restarted one asks again.
    if (options.restarted) api.installationToken(INSTALLATION_ID);
    api.comments(1, [{ id: 900, user: { login: APP_LOGIN, type: 'Bot' }, body: written }]);
    api.getPull({
      number: PULL,
      headSha: HEAD,
      headRef: BRANCH,
      merged: true,
      mergedAt: MERGED_AT,
      mergedBy: APP_LOGIN,
    });
    api.config(undefined);
  }

  it('redelivered with the same X-GitHub-Delivery to a restarted app: no second answer, no write', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const first = await testProbot();
    const written = await refuseOnce(api, (payload) => first.receive('pull_request', payload, 'delivery-1'));
    const seen = api.calls.length;
    expectRedelivery(api, written, { restarted: true });

    const restarted = await testProbot();
    await restarted.receive('pull_request', mergedEvent(), 'delivery-1');

    expect(restarted.errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(writesOf(api.calls.slice(seen))).toEqual([]);
  });

  it('the same merge sent again under a new delivery id: no second answer, no write', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const app = await testProbot();
    const written = await refuseOnce(api, (payload) => app.receive('pull_request', payload, 'delivery-1'));
    const seen = api.calls.length;
    expectRedelivery(api, written, { restarted: false });

    await app.receive('pull_request', mergedEvent(), 'delivery-2');

    expect(app.errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(writesOf(api.calls.slice(seen))).toEqual([]);
  });
});

/** An issue body holding the request, and the digest a task that generated from it records. */
function requestIssue(target: string) {
  const request = {
    execution_request: {
      task_type: 'application',
      task_name: 'Orders API',
      execution_mode: 'automated',
      target_environment: target,
    },
  };
  const body = ['```json', JSON.stringify(request, null, 2), '```'].join('\n');
  const checked = checkParsedRequest(parseIssueRequest(body));
  if (!checked.ok) throw new Error('the test request is not valid');
  return { body, digest: requestDigest(checked.payload) };
}

describe('Probot app: tasks opened before the marker recorded `environment` still deploy on merge', () => {
  /** An old-shape marker: no `environment`, the digest of the request it generated from. */
  const oldMarker = (digest: string): TaskMarker => {
    const { environment: _none, ...rest } = marker('automated');
    return { ...rest, generated_from: digest };
  };
  const issue = (api: Api, body: string) =>
    api.scope
      .get(`/repos/${OWNER}/${REPO}/issues/1`)
      .reply(200, { number: 1, body, user: { login: 'requester-dev' } });

  it('deploys to the request’s target, read from the request text the task generated from, and says so', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const request = requestIssue('development');
    expectMerge(api, oldMarker(request.digest));
    issue(api, request.body);
    expectDeployFacts(api, { environment: 'development' });
    expectDeploymentMade(api, 'development');

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)[0]?.body).toMatchObject({ environment: 'development' });
    const answer = replyOnPull(api);
    expect(answer).toContain('to **development**');
    expect(answer).toContain(
      "The task records no target environment; `development` is the request's `target_environment`, read from the request text the task generated from.",
    );
  });

  it('an edited request is not believed: the config’s first `deploy_order` environment is used, and the answer says so', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const generated = requestIssue('development');
    // Edited after generation to aim at production: its digest no longer matches.
    const edited = requestIssue('production');
    expectMerge(api, oldMarker(generated.digest), 'deploy_order: [staging, production]\n');
    issue(api, edited.body);
    expectDeployFacts(api, { environment: 'staging' });
    expectDeploymentMade(api);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)[0]?.body).toMatchObject({ environment: 'staging' });
    expect(replyOnPull(api)).toContain("`staging` is the first environment of the config's `deploy_order`.");
  });

  it('with neither, refuses once with a clear answer and deploys nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const { environment: _none, ...older } = marker('automated');
    expectMerge(api, older);
    api.commandDeployments([]);
    expectValidatedHead(api);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(replyOnPull(api)).toContain(
      '#2 was merged in automated mode, but nothing was deployed: the task records no target environment',
    );
  });
});
