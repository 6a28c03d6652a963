// Review #9g attacker pass (fresh eyes), "whoever pushed a change does not approve it" (DESIGN §5b)
// when TWO people pushed to the task branch while no event told the agent (the pull request was
// closed, or both `synchronize` deliveries were lost), and the agent then built its commit on top.
// The marker keeps one `unvalidated_push` (the newest person's head), and GitHub's activity list is
// asked who pushed that one sha only: the earlier person's push under it is neither named nor
// counted as unknown, so its pusher's approval of the agent's head counts alone.
//
// Tried and held (see review9f-unknown-pusher-approval for the single-push cases): the activity list
// refused (two writers needed), the agent named as pusher (unknown), a list past the bound (unknown),
// a list naming another `after` (unknown), the named pusher set aside as an earlier pusher.

import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { API, githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
/** The agent's commit, built on the unseen push: the head. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The push no event told the agent of. */
const UNSEEN = 'e'.repeat(40);
/** The agent's commit the unseen push was made on. */
const BEFORE = 'b'.repeat(40);

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

/** A user as the REST API's `simple-user` shows one. */
const user = (login: string, type = 'User') => ({
  login,
  id: login.length * 1000 + 1,
  node_id: `MDQ6VXNlcj${login.length}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${login.length * 1000 + 1}?v=4`,
  gravatar_id: '',
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type,
  site_admin: false,
});

/** One update of the task branch as `GET /repos/{owner}/{repo}/activity` lists it. */
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

/** The activity list in pages, each but the last linking the next by cursor, as GitHub's `Link` header does. */
function activityPages(api: Api, pages: unknown[][]) {
  const path = `/repos/${OWNER}/${REPO}/activity`;
  pages.forEach((items, index) => {
    const cursor = index === 0 ? {} : { after: `Y3Vyc29yOnYy${index}` };
    const next = new URLSearchParams({ ...ACTIVITY_QUERY, after: `Y3Vyc29yOnYy${index + 1}` });
    const linked = index < pages.length - 1;
    api.scope
      .get(path)
      .query({ ...ACTIVITY_QUERY, ...cursor })
      .reply(200, items, linked ? { Link: `<${API}${path}?${next.toString()}>; rel="next"` } : {});
  });
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

const EARLIER = 'd'.repeat(40);

describe("Probot app, guided mode: two unseen pushes under the agent's commit", () => {
  it("FAULT: pusher approves own push (the earlier of two unseen pushes is never asked about): mallory's approval of the agent's head counts alone", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN));
    // Newest first: the agent's head on UNSEEN; alice pushed UNSEEN on EARLIER; mallory pushed
    // EARLIER on the agent's BEFORE; the agent created the branch at BEFORE.
    activityPages(api, [
      [
        activity({ id: 4, before: UNSEEN, after: HEAD, actor: user(APP_LOGIN, 'Bot') }),
        activity({ id: 3, before: EARLIER, after: UNSEEN, actor: user('alice') }),
        activity({ id: 2, before: BEFORE, after: EARLIER, actor: user('mallory') }),
        activity({
          id: 1,
          before: '0'.repeat(40),
          after: BEFORE,
          actor: user(APP_LOGIN, 'Bot'),
          type: 'branch_creation',
        }),
      ],
    ]);

    await deliver(approvalBy('mallory'));

    // Right: mallory pushed EARLIER, which is under the head, so her approval is set aside (as an
    // earlier pusher) or, if GitHub is not asked about EARLIER, it is unknown and one more writer is
    // needed. Either way the check is not a success on her approval alone.
    expect(approvalCheckBody(api)?.conclusion).not.toBe('success');
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.state).not.toBe('approved');
  });

  it("sibling: the earlier push's actor was deleted: it is recorded as unknown and mallory's approval alone does not pass", async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN));
    activityPages(api, [
      [
        activity({ id: 4, before: UNSEEN, after: HEAD, actor: user(APP_LOGIN, 'Bot') }),
        activity({ id: 3, before: EARLIER, after: UNSEEN, actor: user('alice') }),
        activity({ id: 2, before: BEFORE, after: EARLIER, actor: null }),
        activity({ id: 1, before: '0'.repeat(40), after: BEFORE, actor: user(APP_LOGIN, 'Bot') }),
      ],
    ]);
    await deliver(approvalBy('mallory'));
    expect(approvalCheckBody(api)).toMatchObject({ status: 'in_progress' });
    expect(writtenMarker(api)?.foreign_pushes).toEqual(
      expect.arrayContaining([{ sha: EARLIER }, expect.objectContaining({ sha: UNSEEN, login: 'alice' })]),
    );
    expect(writtenMarker(api)?.state).not.toBe('approved');
  });

  it('sibling: both unseen pushers are named and recorded as pushers (their approvals set aside)', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, marker(UNSEEN), ['bob', 'carol']);
    activityPages(api, [
      [
        activity({ id: 4, before: UNSEEN, after: HEAD, actor: user(APP_LOGIN, 'Bot') }),
        activity({ id: 3, before: EARLIER, after: UNSEEN, actor: user('alice') }),
        activity({ id: 2, before: BEFORE, after: EARLIER, actor: user('mallory') }),
        activity({ id: 1, before: '0'.repeat(40), after: BEFORE, actor: user(APP_LOGIN, 'Bot') }),
      ],
    ]);
    await deliver(approvalBy('bob'));
    expect(writtenMarker(api)?.human_pushers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ login: 'alice' }),
        expect.objectContaining({ login: 'mallory' }),
      ]),
    );
  });
});
