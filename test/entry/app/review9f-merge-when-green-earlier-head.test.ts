import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review #9f attacker pass, "an unseen head through check_suite": merge-when-green merges a task's
// pull request when its head carries the agent's passing `implementation-agent` check and CI is
// green (`decideMergeWhenGreen`). It never compares the head with the commit the task recorded as
// its newest (`last_push`), so an earlier commit of the agent's — validated once, then superseded
// by a feedback commit a writer asked for — passes again once the branch is force-pushed back to it
// and a check suite on it completes (re-run, or re-requested): the feedback is undone and merged,
// and deployed on merge, with nobody's review. Right (DESIGN §5b; #9 unvalidated-head): a head that
// is not the marker's `last_push` is not merged unattended.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's first commit, carrying its passing validation check. */
const EARLIER = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The agent's feedback commit on top of it: the task's newest (`last_push`). */
const NEWEST = 'd'.repeat(40);
const GREEN = { name: 'build', status: 'completed', conclusion: 'success' };
const VALIDATED = { name: 'implementation-agent', status: 'completed', conclusion: 'success' };

type Api = ReturnType<typeof githubApi>;

const marker = (lastPush: string): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  effective_mode: 'automated',
  risk_level: 'low',
  last_push: { sha: lastPush, by: { kind: 'agent' } },
  updated_at: '2026-11-24T09:00:00.000Z',
});

function suiteCompleted() {
  const payload = webhookExample('check_suite', 'completed');
  payload.check_suite.head_sha = EARLIER;
  return payload;
}

/** What merge-when-green reads before it decides, the branch's head being EARLIER. */
function expectJudgement(api: Api, status: TaskMarker) {
  api.installationToken(INSTALLATION_ID);
  api.scope
    .get(`/repos/${OWNER}/${REPO}/commits/${EARLIER}/pulls`)
    .query({ per_page: '100' })
    .reply(200, [
      {
        number: PULL,
        state: 'open',
        head: { sha: EARLIER, ref: BRANCH, repo: { full_name: `${OWNER}/${REPO}` } },
      },
    ]);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: EARLIER, headRef: BRANCH });
  api.checkRunsFor(EARLIER, [VALIDATED, GREEN]);
  api.combinedStatus(EARLIER, []);
  api.reviews(PULL, []);
  api.config(undefined);
}

const merges = (api: Api) =>
  api.calls.filter((call) => call.method === 'PUT' && call.path.endsWith('/merge'));

async function deliver(payload: Record<string, unknown>) {
  const { receive } = await testProbot();
  await receive('check_suite', payload);
}

describe('Probot app: merge-when-green merges only the head the task recorded as its newest', () => {
  it("FAULT: a completed check suite merges the agent's earlier commit the branch was force-pushed back to (force-push to a validated sha, through check_suite)", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api, marker(NEWEST));
    // The merge is answered as GitHub would; what follows it is not mocked: only whether the agent
    // asked to merge is asserted.
    api.scope
      .put(`/repos/${OWNER}/${REPO}/pulls/${PULL}/merge`)
      .reply(200, { merged: true, sha: 'f'.repeat(40), message: 'Pull Request successfully merged' });

    await deliver(suiteCompleted());

    expect(merges(api)).toEqual([]);
  });

  it('control: the same check suite on the newest recorded commit asks to merge it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectJudgement(api, marker(EARLIER));
    api.scope
      .put(`/repos/${OWNER}/${REPO}/pulls/${PULL}/merge`)
      .reply(200, { merged: true, sha: 'f'.repeat(40), message: 'Pull Request successfully merged' });

    await deliver(suiteCompleted());

    expect(merges(api)).toEqual([
      expect.objectContaining({ body: { sha: EARLIER, merge_method: 'squash' } }),
    ]);
  });
});
