import { accountId } from './account-id.js';
import { MAX_FOREIGN_PUSHES } from '../../../src/core/review/foreign-push.js';
import { TRUST_LOST_NOTE_START } from '../../../src/core/render/status-comment.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Review 14b (issue #10, DESIGN §3 "nothing is dropped", §5b): the marker keeps at most
// MAX_FOREIGN_PUSHES pushes someone other than the agent made (`foreign_pushes`); a push past it
// dropped the oldest quietly outside mirror merges. Now the marker gets `trust_lost`, no approval
// counts, and the status comment says why.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BEFORE = 'd'.repeat(40);
const WRITER = { login: 'writer', id: accountId('writer'), type: 'User' };

type Api = ReturnType<typeof githubApi>;

/** A guided task whose branch `writer` pushed `count` times, the last of them (BEFORE) its head. */
const markerWithPushes = (count: number): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'guided',
  updated_at: '2026-11-29T10:00:00.000Z',
  last_push: { sha: BEFORE, by: { kind: 'human', login: WRITER.login, id: WRITER.id } },
  human_pushers: [WRITER],
  foreign_pushes: [
    ...Array.from({ length: count - 1 }, (_, index) => ({
      sha: (index + 1).toString(16).padStart(40, '0'),
      ...WRITER,
    })),
    { sha: BEFORE, ...WRITER },
  ],
});

/** The real `synchronize` payload (its head is HEAD), pushed by the writer on the recorded head. */
function pushed() {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.before = BEFORE;
  payload.pull_request.head.ref = BRANCH;
  payload.sender.login = WRITER.login;
  payload.sender.id = WRITER.id;
  payload.sender.type = 'User';
  return payload;
}

function expectSync(api: Api, status: TaskMarker, approvers: string[]) {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker: status })]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  api.reviews(
    PULL,
    approvers.map((login) => ({ login, state: 'APPROVED', commit_id: HEAD })),
  );
  api.approvalChecksOn(HEAD);
  api.approvalCheck();
  api.updateComment(900);
}

const lastStatus = (api: Api) =>
  String(
    api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900')).at(-1)
      ?.body.body ?? '',
  );
const approvalCheckBody = (api: Api) =>
  api.calls.find((call) => call.path.includes('/check-runs') && call.method === 'POST')?.body;

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe(`review 14b: a push past ${MAX_FOREIGN_PUSHES} recorded pushes is never dropped quietly`, () => {
  it(`control: the ${MAX_FOREIGN_PUSHES}th push is recorded and the maintainer's approval counts`, async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, markerWithPushes(MAX_FOREIGN_PUSHES - 1), ['maintainer']);
    api.permission('maintainer', 'write');

    await deliver('pull_request', pushed());

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
    const after = readStateMarker(lastStatus(api))?.marker;
    expect(after?.foreign_pushes).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(after?.trust_lost).toBeUndefined();
    expect(lastStatus(api)).not.toContain(TRUST_LOST_NOTE_START);
  });

  it(`the push past ${MAX_FOREIGN_PUSHES} sets every approval aside, records trust_lost and says why`, async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSync(api, markerWithPushes(MAX_FOREIGN_PUSHES), ['maintainer']);

    await deliver('pull_request', pushed());

    expect(api.scope.isDone()).toBe(true);
    expect(approvalCheckBody(api)).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(String(approvalCheckBody(api)?.output.summary)).toContain(
      "@maintainer's approval cannot be weighed",
    );
    const body = lastStatus(api);
    const after = readStateMarker(body)?.marker;
    expect(after).toMatchObject({ state: 'pr_open', trust_lost: true });
    expect(after?.foreign_pushes).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(after?.foreign_pushes?.at(-1)?.sha).toBe(HEAD);
    expect(body).toContain(TRUST_LOST_NOTE_START);
    expect(body).toContain('more pushes were made to it');
    expect(body).toContain('merges it by hand');
  });
});
