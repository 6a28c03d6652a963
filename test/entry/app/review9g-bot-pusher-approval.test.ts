// Review #9g attacker pass (fresh eyes), through the app: a writer's approval of a head a bot other
// than the agent pushed (`github-actions[bot]`, from a workflow the writer added on a branch of their
// own that commits to the task branch with its GITHUB_TOKEN; the App gets `synchronize` with that
// sender and records `last_push` by the bot, `human_pushers` with it). The writer who caused the
// push approves it and the approval check passes on their approval alone. Right: a bot's push names
// no person to set aside, so as for an unknown pusher, two different writers must approve.
// See test/core/review/review9g-bot-pusher.test.ts for the rule itself and what held.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's commit, built on the unseen push: the head. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
type Api = ReturnType<typeof githubApi>;

const marker = (unvalidatedPush: string | undefined): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  ...(unvalidatedPush === undefined ? {} : { unvalidated_push: unvalidatedPush }),
  updated_at: '2026-11-29T10:00:00.000Z',
});

function approvalBy(login: string) {
  const review = webhookExample('pull_request_review', 'submitted');
  review.review.state = 'approved';
  review.review.user.login = login;
  review.sender.login = login;
  review.pull_request.head.ref = BRANCH;
  return review;
}

function expectSync(api: Api, status: TaskMarker, approvers: string[] = ['mallory']) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  for (const login of approvers) api.permission(login, 'write');
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;
const writtenMarker = (api: Api) =>
  readStateMarker(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  )?.marker;

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

const botMarker: TaskMarker = {
  ...marker(undefined),
  last_push: { sha: HEAD, by: { kind: 'bot', login: 'github-actions[bot]' } },
  human_pushers: ['github-actions[bot]'],
  effective_mode: 'guided',
};

describe('Probot app, guided mode: a head pushed by github-actions[bot]', () => {
  it("FAULT: pusher approves own push through a bot account: the approval check passes on one writer's approval of a github-actions[bot] push", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, botMarker);

    await deliver(approvalBy('mallory'));

    expect(approvalCheckBody(api)?.conclusion).not.toBe('success');
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });
});
