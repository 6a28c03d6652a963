// Review #9h attacker pass (fresh eyes), "whoever pushed a change does not approve it" (DESIGN §5b)
// through the unknown-pusher rule's walk of GitHub's activity list (`readPushers`' earlier pushes,
// `namePushers`): the updates under an unseen push, down to the agent's previous update, are each
// named or counted as unknown. Attacked: updates of the task branch that are not `push` /
// `force_push` / `branch_creation` — a pull request merged INTO the task branch (`pr_merge`: on the
// list filtered by `ref=refs/heads/<task branch>`, it is the task branch that moved to `after`) —
// and a bot account whose login lacks the `[bot]` suffix (GitHub's Copilot coding agent is
// `Copilot`, `type: Bot`): both let the approval of the person who caused that update count alone.
//
// Held (ordinary tests): the head itself made by a `pr_merge` nobody's event named stays unknown
// (two writers), a `[bot]`-suffixed earlier pusher counts as unknown.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's commit on top of everything: the head. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** A person's push no event told the agent of (recorded as `unvalidated_push` when it built on it). */
const UNSEEN = 'e'.repeat(40);
/** The update under UNSEEN: a merged side pull request, or a bot's push. */
const EARLIER = 'd'.repeat(40);
/** The agent's commit the updates were made on. */
const BEFORE = 'b'.repeat(40);

type Api = ReturnType<typeof githubApi>;

const marker = (extra: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 2,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  updated_at: '2026-11-29T10:00:00.000Z',
  ...extra,
});

function approvalBy(login: string, head = HEAD) {
  const review = webhookExample('pull_request_review', 'submitted');
  review.review.state = 'approved';
  review.review.user.login = login;
  review.review.commit_id = head;
  review.sender.login = login;
  review.pull_request.head.ref = BRANCH;
  review.pull_request.head.sha = head;
  return review;
}

/** A user as the REST API's `simple-user` shows one. */
const user = (login: string, type = 'User') => ({
  login,
  id: login.length * 1000 + 7,
  node_id: `MDQ6VXNlcj${login.length}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${login.length * 1000 + 7}?v=4`,
  gravatar_id: '',
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type,
  site_admin: false,
});

/** One update of the task branch as `GET /repos/{owner}/{repo}/activity?ref=refs/heads/<branch>` lists it. */
const activity = (params: {
  id: number;
  before: string;
  after: string;
  actor: ReturnType<typeof user> | null;
  type?: string;
}) => ({
  id: params.id,
  node_id: `RA_kwDOABCD${params.id}`,
  before: params.before,
  after: params.after,
  ref: `refs/heads/${BRANCH}`,
  timestamp: `2026-11-29T09:${String(params.id).padStart(2, '0')}:00Z`,
  activity_type: params.type ?? 'push',
  actor: params.actor,
});

const ACTIVITY_QUERY = { ref: `refs/heads/${BRANCH}`, direction: 'desc', per_page: '100' };

function activityPage(api: Api, items: unknown[]) {
  api.scope.get(`/repos/${OWNER}/${REPO}/activity`).query(ACTIVITY_QUERY).reply(200, items);
}

function expectSync(api: Api, status: TaskMarker, approvers: string[], head = HEAD) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: head, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: head })),
  );
  for (const login of approvers) api.permission(login, 'write');
  api.approvalChecksOn(head);
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

/** Newest first: the agent's head on UNSEEN; alice pushed UNSEEN on EARLIER; `earlier` made EARLIER on BEFORE. */
const history = (earlier: ReturnType<typeof activity>) => [
  activity({ id: 4, before: UNSEEN, after: HEAD, actor: user(APP_LOGIN, 'Bot') }),
  activity({ id: 3, before: EARLIER, after: UNSEEN, actor: user('alice') }),
  earlier,
  activity({
    id: 1,
    before: '0'.repeat(40),
    after: BEFORE,
    actor: user(APP_LOGIN, 'Bot'),
    type: 'branch_creation',
  }),
];

describe("Probot app, guided mode: updates under an unseen push other than a person's push", () => {
  it("FAULT: pusher approves own push through a merge into the task branch (earlier `pr_merge` skipped by readPushers' walk): bob merged a side pull request into the branch, alice pushed on it, bob's approval of the agent's head counts alone", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ unvalidated_push: UNSEEN }), ['bob']);
    // bob merged a pull request (e.g. a reader's fork branch) whose base was the task branch: the
    // task branch's activity records it as `pr_merge` by bob, `after` the merge commit EARLIER.
    activityPage(
      api,
      history(activity({ id: 2, before: BEFORE, after: EARLIER, actor: user('bob'), type: 'pr_merge' })),
    );

    await deliver(approvalBy('bob'));

    // Right: bob made EARLIER the branch's head (the merge button is his push of that commit), and
    // it is under the agent's head: his approval is set aside as an earlier pusher's, or the update
    // counts as one of unknown pusher (two writers). Either way not approved on bob alone.
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });

  it("FAULT: pusher approves own push through a bot without the `[bot]` suffix (GitHub's `Copilot`, type Bot) under an unseen push: recorded by login as a named person, one writer's approval passes", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ unvalidated_push: UNSEEN }), ['bob']);
    activityPage(
      api,
      history(activity({ id: 2, before: BEFORE, after: EARLIER, actor: user('Copilot', 'Bot') })),
    );

    await deliver(approvalBy('bob'));

    // Right: a bot's push names no person (lead's decision, review #9g: any writer may have had it
    // push), whatever its login looks like: GitHub said `type: Bot`. Two writers must approve.
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state ?? 'pr_open').toBe('pr_open');
  });

  it('held: a `[bot]`-suffixed earlier pusher counts as unknown (bob alone does not pass)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker({ unvalidated_push: UNSEEN }), ['bob']);
    activityPage(
      api,
      history(activity({ id: 2, before: BEFORE, after: EARLIER, actor: user('renovate[bot]', 'Bot') })),
    );
    await deliver(approvalBy('bob'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state).not.toBe('approved');
  });

  it('held: a head made by a merge into the task branch that no event named needs two writers', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // The agent's head was BEFORE; bob merged a side pull request into the task branch (its
    // `synchronize` lost): the review is of EARLIER, a head the agent never saw.
    expectSync(api, marker({ last_push: { sha: BEFORE, by: { kind: 'agent' } } }), ['bob'], EARLIER);
    activityPage(api, [
      activity({ id: 2, before: BEFORE, after: EARLIER, actor: user('bob'), type: 'pr_merge' }),
      activity({
        id: 1,
        before: '0'.repeat(40),
        after: BEFORE,
        actor: user(APP_LOGIN, 'Bot'),
        type: 'branch_creation',
      }),
    ]);
    await deliver(approvalBy('bob', EARLIER));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state).not.toBe('approved');
    expect(writtenMarker(api)?.unvalidated_push).toBe(EARLIER);
  });
});
