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

/** After the rules allowed it: the task's status (template path), the environment's history, the deployment, the answer. */
function expectDeploymentMade(api: Api, status: TaskMarker, environment = 'staging') {
  api.comments(1, [agentStatusComment({ marker: { ...status, state: 'merged' } })]);
  api.deployments(environment, [], 10);
  api.createDeployment(7101);
  api.createComment(PULL, 950);
}

const deploymentsCreated = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- kept with its sibling helpers
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
  it.failing(
    'FAULT: the agent’s armed auto-merge merged a person’s push (no synchronize handled yet): nothing is deployed for the requester',
    async () => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      // HEAD is the person's commit: the agent never published its validation check on it.
      expectMerge(api, marker('automated'), undefined, APP_LOGIN);
      expectDeployFacts(api, { actor: 'requester-dev', mergedBy: APP_LOGIN });
      expectDeploymentMade(api, marker('automated'));

      await deliver(mergedEvent());

      // Right answer: deploy on merge deploys only a head the agent validated (its own commit,
      // recorded on the marker or carrying its validation check); this one is left to `/deploy`.
      expect(deploymentsCreated(api)).toEqual([]);
    },
  );
});
