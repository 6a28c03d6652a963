import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9f attacker pass, "an unseen head behind the agent's own synchronize": the guard on a
// `pull_request.synchronize` trusts the delivery's `sender` (the agent: nothing to do) and never
// compares the pull request's head as it reads it now with the commit the task recorded
// (`last_push`). A person's push landing right after the agent's (its own `synchronize` lost, or
// not yet delivered) is the head the sync finds, yet the task stays automated with auto-merge on.
// Right (DESIGN §5b; #9 unvalidated-head): the head read now, not the sender, decides — a head that
// is not the agent's recorded commit falls back to guided and is recorded as `unvalidated_push`.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's feedback commit (the delivery's `after`), recorded as its newest push. */
const AGENT_COMMIT = 'a'.repeat(40);
/** A person's push on top of it, the head GitHub returns now. */
const PUSHED = 'e'.repeat(40);
const BASE = `/repos/${OWNER}/${REPO}`;

type Api = ReturnType<typeof githubApi>;

const task = (): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'automated',
  risk_level: 'low',
  environment: 'staging',
  last_push: { sha: AGENT_COMMIT, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
});

function agentPush() {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = AGENT_COMMIT;
  payload.sender = { ...payload.sender, login: APP_LOGIN, type: 'Bot' };
  return payload;
}

function expectSyncReads(api: Api, head: string) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: task() })]);
  const repository = { id: 1296269, full_name: `${OWNER}/${REPO}` };
  api.scope.get(`${BASE}/pulls/${PULL}`).reply(200, {
    number: PULL,
    node_id: 'PR_kwDOABCD2',
    state: 'open',
    merged: false,
    head: { sha: head, ref: BRANCH, repo: repository },
    base: { ref: 'master', repo: repository },
  });
  api.config(undefined);
  api.reviews(PULL, []);
}

/** The fall back to guided, as the guard makes it for a person's push. */
function expectFallBack(api: Api) {
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
    .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
  api.updateComment(900);
  api.approvalChecksOn(PUSHED);
  api.approvalCheck();
  api.createComment(PULL, 6001);
}

const statusWritten = (api: Api) =>
  String(
    api.calls.find((call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'))?.body.body ?? '',
  );

async function deliver(payload: Record<string, unknown>) {
  const { receive } = await testProbot();
  await receive('pull_request', payload);
}

describe("Probot app: the agent's own synchronize does not vouch for a head that moved past its commit", () => {
  it("FAULT: the agent's synchronize finds a person's later push as the head and leaves the task automated (unseen head behind a trusted sender)", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSyncReads(api, PUSHED);
    expectFallBack(api);

    await deliver(agentPush());

    // Nothing written today: the task stays automated, auto-merge on.
    const written = parseStateMarker(statusWritten(api));
    expect(written?.effective_mode).toBe('guided');
    expect(written?.unvalidated_push).toBe(PUSHED);
  });

  it('control: the agent’s synchronize whose head is its recorded commit keeps the task automated, writing nothing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSyncReads(api, AGENT_COMMIT);

    await deliver(agentPush());

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'))).toEqual(
      [],
    );
  });
});
