import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9f attacker pass, "an unseen head through another event": a review event's sync turns
// an automated task's auto-merge back on (`steerAutoMerge`) when no request for changes stands and
// the head carries the agent's passing `implementation-agent` check. It does not ask whether that
// head is the agent's newest commit (`unvalidatedHead` over the marker's `last_push`). An earlier
// commit of the agent's carries a passing check too: after a force-push that puts the branch back
// on it (its `synchronize` lost, or GitHub never sending one), the review re-arms auto-merge on a
// head the task moved past — undoing the feedback commit a writer asked for, with nobody's review.
// Right (DESIGN §5b, "on the current head"; #9 unvalidated-head): a head that is not the marker's
// `last_push` is handled as a person's push — auto-merge stays off.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's first commit: validated, and carrying its passing check. */
const EARLIER = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The agent's feedback commit on top of it, the task's newest (`last_push`). */
const NEWEST = 'f'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const marker = (lastPush: string): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'changes_requested',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  environment: 'staging',
  requester: 'requester-dev',
  effective_mode: 'automated',
  risk_level: 'low',
  auto_merge_held: true,
  last_push: { sha: lastPush, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
});

function dismissed() {
  const payload = webhookExample('pull_request_review', 'dismissed');
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

function expectSync(api: Api, status: TaskMarker) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  // The branch was force-pushed back to the agent's earlier commit.
  api.getPull({ number: PULL, headSha: EARLIER, headRef: BRANCH });
  api.config(undefined);
  api.reviews(PULL, [{ login: 'reviewer-bob', state: 'DISMISSED', commit_id: EARLIER }]);
}

/** What the earlier commit carries: the agent's own passing validation check. */
function expectValidatedHead(api: Api) {
  api.checkRunsFor(EARLIER, [{ name: 'implementation-agent', status: 'completed', conclusion: 'success' }]);
  api.combinedStatus(EARLIER, []);
}

function expectEnable(api: Api) {
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('enablePullRequestAutoMerge'))
    .optionally()
    .reply(200, {
      data: {
        enablePullRequestAutoMerge: {
          pullRequest: {
            number: PULL,
            autoMergeRequest: { enabledAt: '2026-11-29T12:00:00Z', mergeMethod: 'SQUASH' },
          },
        },
      },
    });
}

const enableCalls = (api: Api) =>
  api.calls.filter(
    (call) => call.path === '/graphql' && String(call.body.query).includes('enablePullRequestAutoMerge'),
  );

async function deliver(payload: Record<string, unknown>) {
  const { receive } = await testProbot();
  await receive('pull_request_review', payload);
}

describe('Probot app: a review does not re-arm auto-merge on a head the task moved past', () => {
  it("FAULT: a dismissed review re-arms auto-merge on the agent's earlier commit the branch was force-pushed back to (unseen head through a review event)", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(NEWEST));
    expectValidatedHead(api);
    expectEnable(api);
    // Whatever the right answer writes (status, approval check, a reply) is not mocked: only
    // whether auto-merge was turned on is asserted.

    await deliver(dismissed());

    expect(enableCalls(api)).toEqual([]);
  });

  it("sibling: a head the task recorded as a person's push is not re-armed, though it carries a passing check", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, {
      ...marker(EARLIER),
      last_push: { sha: EARLIER, by: { kind: 'human', login: 'mallory' } },
    });
    expectValidatedHead(api);
    expectEnable(api);

    await deliver(dismissed());

    expect(enableCalls(api)).toEqual([]);
  });

  it('control: the same review re-arms auto-merge when the head is the newest commit the agent recorded', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(EARLIER));
    expectValidatedHead(api);
    expectEnable(api);
    api.updateComment(900);

    await deliver(dismissed());

    expect(enableCalls(api)).toHaveLength(1);
  });
  // GitHub's `enablePullRequestAutoMerge` takes `expectedHeadOid` ("The expected head OID of the
  // pull request", GitHub GraphQL API, EnablePullRequestAutoMergeInput): without it, auto-merge
  // armed after the agent read its check on one head merges whatever head the branch has when the
  // requirements pass — a push landing between the read and the arming (its `synchronize` handled
  // after, or lost) is merged unvalidated unless the validation check is a required one.
  it('FAULT: auto-merge is armed without expectedHeadOid, so it is not pinned to the head whose check was read (arming not pinned to the validated head)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(EARLIER));
    expectValidatedHead(api);
    expectEnable(api);
    api.updateComment(900);

    await deliver(dismissed());

    const variables = (enableCalls(api)[0]?.body as { variables?: Record<string, unknown> } | undefined)
      ?.variables;
    expect(variables).toMatchObject({ expectedHeadOid: EARLIER });
  });
});
