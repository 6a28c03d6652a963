import { type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch and merged.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
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

/** The merged head's checks: the agent's validation check (when given) and the repository's CI. */
function expectHeadChecks(api: Api, validation?: { status: string; conclusion: string | null }) {
  api.commandDeployments([]);
  api.checkRunsFor(HEAD, [
    GREEN,
    ...(validation === undefined ? [] : [{ name: 'implementation-agent', ...validation }]),
  ]);
  api.combinedStatus(HEAD, []);
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

// Review #9 second attacker pass: deploy on merge trusts the marker's `effective_mode` alone. The
// marker records no head the agent validated, so a pull request whose head is a person's push
// (never validated nor risk-classified) is deployed for the requester when it merges before the
// push's synchronize was handled: in the Action, GitHub cancels the pending synchronize run when
// the closed run joins the task's concurrency group, and the catch-up reads reviews and comments,
// not pushes; in the app, deliveries are not ordered. GitHub's auto-merge the agent armed stays
// armed for a push by anyone with write access and merges it once CI is green.
describe('review #9b: deploy on merge of a head the agent never validated', () => {
  it('the agent’s armed auto-merge merged a person’s push (no synchronize handled yet): nothing is deployed, /deploy is the way', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // HEAD is the person's commit: the agent never published its validation check on it.
    expectMerge(api, marker('automated'), undefined, APP_LOGIN);
    expectHeadChecks(api);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    const answer = replyOnPull(api) ?? '';
    expect(answer).toContain('nothing was deployed');
    expect(answer).toContain(`never validated ${HEAD.slice(0, 7)}`);
    expect(answer).toContain('`/deploy <environment>`');
  });

  it('a merged head whose validation check failed (a person merged it anyway) is not deployed on merge', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'));
    expectHeadChecks(api, { status: 'completed', conclusion: 'failure' });
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(replyOnPull(api)).toContain(`implementation-agent's validation failed on ${HEAD.slice(0, 7)}`);
  });

  it('a validation check of another App under the agent’s name does not count as validated', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectMerge(api, marker('automated'));
    api.checkRunsFor(HEAD, [
      {
        name: 'implementation-agent',
        status: 'completed',
        conclusion: 'success',
        app: { id: 999, slug: 'impostor' },
      },
    ]);
    api.commandDeployments([]);
    api.combinedStatus(HEAD, []);
    api.createComment(PULL, 950);
    api.updateComment(900);

    await deliver(mergedEvent());

    expect(api.scope.isDone()).toBe(true);
    expect(deploymentsCreated(api)).toEqual([]);
    expect(replyOnPull(api)).toContain(`never validated ${HEAD.slice(0, 7)}`);
  });
});
