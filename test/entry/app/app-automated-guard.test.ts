import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// Automated mode merges without a person only what the agent validated, into the branch it was
// asked for (DESIGN §4, §5b; review #9). Sibling cases of the review9 reproductions.

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const PUSHED = 'e'.repeat(40);
const BASE = `/repos/${OWNER}/${REPO}`;

type Api = ReturnType<typeof githubApi>;

const task = (fields: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: PULL,
  requester: 'requester-dev',
  effective_mode: 'automated',
  risk_level: 'low',
  environment: 'staging',
  updated_at: '2026-11-29T10:00:00.000Z',
  ...fields,
});

function pushEvent(sender: { login: string; type: string }) {
  const payload = webhookExample('pull_request', 'synchronize');
  payload.pull_request.head.ref = BRANCH;
  payload.pull_request.head.sha = PUSHED;
  payload.sender = { ...payload.sender, ...sender };
  return payload;
}

/** What every sync reads: the task's status, the pull request (base `master`), the config, the reviews. */
function expectSyncReads(api: Api, marker: TaskMarker, base = 'master') {
  api.installationToken(INSTALLATION_ID);
  api.comments(1, [agentStatusComment({ marker })]);
  const repository = { id: 1296269, full_name: `${OWNER}/${REPO}` };
  api.scope.get(`${BASE}/pulls/${PULL}`).reply(200, {
    number: PULL,
    node_id: 'PR_kwDOABCD2',
    state: 'open',
    merged: false,
    head: { sha: PUSHED, ref: BRANCH, repo: repository },
    base: { ref: base, repo: repository },
  });
  api.config(undefined);
  api.reviews(PULL, []);
}

/** The fall back to guided: auto-merge off, the status moved, the approval check, the PR told. */
function expectFallBack(api: Api) {
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
    .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
  api.updateComment(900);
  api.approvalChecksOn(PUSHED);
  api.approvalCheck();
  api.createComment(PULL, 6001);
}

const statusWritten = (api: Api) => {
  const patch = api.calls.find((call) => call.method === 'PATCH' && call.path.endsWith('/comments/900'));
  return String(patch?.body.body ?? '');
};
const pullReply = (api: Api) =>
  String(
    api.calls.find((call) => call.method === 'POST' && call.path.endsWith(`/issues/${PULL}/comments`))?.body
      .body ?? '',
  );
const checksWritten = (api: Api) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/check-runs'));

async function deliver(name: string, payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive(name, payload);
  expect(errors).toEqual([]);
}

describe('Probot app: a push automated mode did not make falls back to guided', () => {
  it.each([
    ['a person', { login: 'Codertocat', type: 'User' }, '@Codertocat pushed `eeeeeee`'],
    ['another bot', { login: 'dependabot[bot]', type: 'Bot' }, 'pushed `eeeeeee`'],
  ])(
    '%s pushing turns auto-merge off, records guided, shows the approval check and says why',
    async (_who, sender, said) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectSyncReads(api, task());
      expectFallBack(api);

      await deliver('pull_request', pushEvent(sender));

      expect(api.scope.isDone()).toBe(true);
      const status = statusWritten(api);
      // The push is recorded: a re-run builds on it, so it stays guided (`guidedAfterPush`).
      expect(parseStateMarker(status)).toMatchObject({
        state: 'pr_open',
        effective_mode: 'guided',
        unvalidated_push: PUSHED,
      });
      expect(status).toContain('Automated mode fell back to guided:');
      expect(status).toContain(said);
      expect(status).toContain('Auto-merge is off');
      expect(pullReply(api)).toContain('never validated nor risk-classified');
      expect(checksWritten(api)[0]?.body).toMatchObject({
        name: 'implementation-agent/approval',
        head_sha: PUSHED,
      });
    },
  );

  it('the agent’s own push (its feedback commit) keeps the task automated: no call beyond the sync’s reads', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // The feedback run recorded its push (`last_push`) before GitHub delivered it.
    expectSyncReads(api, task({ last_push: { sha: PUSHED, by: { kind: 'agent' } } }));

    await deliver('pull_request', pushEvent({ login: APP_LOGIN, type: 'Bot' }));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.method !== 'GET' && !call.path.includes('access_tokens'))).toEqual(
      [],
    );
  });

  it('a task whose trust facts were lost (trust_lost) falls back to guided on the agent’s own push, and says why', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSyncReads(api, task({ last_push: { sha: PUSHED, by: { kind: 'agent' } }, trust_lost: true }));
    expectFallBack(api);

    await deliver('pull_request', pushEvent({ login: APP_LOGIN, type: 'Bot' }));

    expect(api.scope.isDone()).toBe(true);
    const status = statusWritten(api);
    expect(parseStateMarker(status)).toMatchObject({
      state: 'pr_open',
      effective_mode: 'guided',
      trust_lost: true,
    });
    // Not a person's push: nothing is recorded as unvalidated.
    expect(parseStateMarker(status)?.unvalidated_push).toBeUndefined();
    expect(status).toContain('Automated mode fell back to guided:');
    expect(status).toContain('`trust_lost`');
    expect(pullReply(api)).toContain('`trust_lost`');
  });

  it('a task already fallen back (a redelivery) is not fallen back again: no GraphQL, no reply', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    // The first delivery recorded the push (`last_push`): the redelivery writes nothing.
    const lastPush = { sha: PUSHED, by: { kind: 'human' as const, login: 'Codertocat' } };
    expectSyncReads(api, task({ effective_mode: 'guided', last_push: lastPush }));
    api.approvalChecksOn(PUSHED);
    api.approvalCheck();

    await deliver('pull_request', pushEvent({ login: 'Codertocat', type: 'User' }));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
    expect(pullReply(api)).toBe('');
  });

  // Review #9e: a turn-off GitHub did not confirm is not recorded as done.
  it('GitHub failing to turn auto-merge off: still guided, the status and PR say it may still merge, the retry is recorded', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSyncReads(api, task());
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
      .reply(200, {
        data: null,
        errors: [
          {
            message: 'Something went wrong while executing your query. This may be the result of a timeout.',
          },
        ],
      });
    api.updateComment(900);
    api.approvalChecksOn(PUSHED);
    api.approvalCheck();
    api.createComment(PULL, 6001);

    await deliver('pull_request', pushEvent({ login: 'Codertocat', type: 'User' }));

    expect(api.scope.isDone()).toBe(true);
    const status = statusWritten(api);
    // Guided whatever GitHub answered: merge-when-green and deploy on merge leave it alone.
    expect(parseStateMarker(status)).toMatchObject({
      effective_mode: 'guided',
      unvalidated_push: PUSHED,
      auto_merge_off_pending: true,
    });
    expect(status).toContain('Auto-merge could not be turned off');
    expect(status).not.toContain('Auto-merge is off');
    expect(status).not.toContain('It merges once someone with write access approves it');
    expect(pullReply(api)).toContain('GitHub may still merge this pull request by itself');
  });

  it('the next event on a task whose turn-off GitHub did not confirm asks again, and drops the retry once confirmed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const lastPush = { sha: PUSHED, by: { kind: 'human' as const, login: 'Codertocat' } };
    expectSyncReads(
      api,
      task({ effective_mode: 'guided', last_push: lastPush, auto_merge_off_pending: true }),
    );
    api.approvalChecksOn(PUSHED);
    api.approvalCheck();
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
      .reply(200, {
        data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL, autoMergeRequest: null } } },
      });
    api.updateComment(900);

    await deliver('pull_request', pushEvent({ login: 'Codertocat', type: 'User' }));

    expect(api.scope.isDone()).toBe(true);
    const status = statusWritten(api);
    expect(parseStateMarker(status)).toMatchObject({ effective_mode: 'guided' });
    expect(parseStateMarker(status)).not.toHaveProperty('auto_merge_off_pending');
    expect(status).toContain('Auto-merge is off');
    // Told once on the status; the pull request heard it when the fall back happened.
    expect(pullReply(api)).toBe('');
  });

  it('a retry GitHub fails again writes nothing more: the status already says so, and the retry stays pending', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const lastPush = { sha: PUSHED, by: { kind: 'human' as const, login: 'Codertocat' } };
    expectSyncReads(
      api,
      task({ effective_mode: 'guided', last_push: lastPush, auto_merge_off_pending: true }),
    );
    api.approvalChecksOn(PUSHED);
    api.approvalCheck();
    api.scope
      .post('/graphql', (body: { query: string }) => body.query.includes('disablePullRequestAutoMerge'))
      .reply(200, { data: null, errors: [{ message: 'Something went wrong while executing your query.' }] });

    await deliver('pull_request', pushEvent({ login: 'Codertocat', type: 'User' }));

    expect(api.scope.isDone()).toBe(true);
    expect(statusWritten(api)).toBe('');
    expect(pullReply(api)).toBe('');
  });

  it('a pull request retargeted to another base (pull_request.edited) falls back to guided', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSyncReads(api, task(), 'release-unprotected');
    expectFallBack(api);
    const payload = webhookExample('pull_request', 'opened');
    payload.action = 'edited';
    payload.pull_request.head.ref = BRANCH;
    payload.pull_request.base.ref = 'release-unprotected';
    payload.changes = { base: { ref: { from: 'master' }, sha: { from: 'a'.repeat(40) } } };

    await deliver('pull_request', payload);

    expect(api.scope.isDone()).toBe(true);
    const status = statusWritten(api);
    expect(parseStateMarker(status)).toMatchObject({ effective_mode: 'guided' });
    // Nobody pushed: nothing in the branch keeps a later re-run guided.
    expect(parseStateMarker(status)).not.toHaveProperty('unvalidated_push');
    expect(status).toContain('now targets `release-unprotected`, not `master`');
  });

  it('the base the task recorded is the one that counts, not the default branch', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectSyncReads(
      api,
      task({ base_branch: 'release', last_push: { sha: PUSHED, by: { kind: 'agent' } } }),
      'release',
    );

    await deliver('pull_request', pushEvent({ login: APP_LOGIN, type: 'Bot' }));

    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.filter((call) => call.path === '/graphql')).toEqual([]);
  });
});

describe('Probot app: the approval check goes only on pull requests of tasks that run guided', () => {
  it.each([
    ['guided', { effective_mode: 'guided', risk_level: 'low' }],
    ['hybrid judged high risk', { execution_mode: 'hybrid', effective_mode: 'guided', risk_level: 'high' }],
    ['manual', { effective_mode: 'manual', risk_level: 'low' }],
    ['recorded before the mode decision', { effective_mode: undefined, risk_level: undefined }],
  ] as const)('a writer’s comment review on a %s task’s PR shows the approval check', async (_name, mode) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const { effective_mode, risk_level, ...rest } = mode as Partial<TaskMarker>;
    const marker = task({ ...rest });
    if (effective_mode === undefined) delete marker.effective_mode;
    else marker.effective_mode = effective_mode;
    if (risk_level === undefined) delete marker.risk_level;
    else marker.risk_level = risk_level;
    expectSyncReads(api, marker);
    // A head the task never recorded: the push guard records it and asks GitHub who pushed it.
    api.branchActivity(BRANCH, [], { status: 404 });
    api.updateComment(900);
    api.approvalChecksOn(PUSHED);
    api.approvalCheck();
    const payload = webhookExample('pull_request_review', 'submitted');
    payload.pull_request.head.ref = BRANCH;
    payload.review.state = 'approved';

    await deliver('pull_request_review', payload);

    expect(api.scope.isDone()).toBe(true);
    expect(checksWritten(api)).toHaveLength(1);
  });
});

describe('Probot app: a pull request merged while its task is held', () => {
  it('records merged, says the held request never ran, and deploys nothing on merge', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.comments(1, [agentStatusComment({ marker: task({ state: 'held' }) })]);
    api.getPull({ number: PULL, headSha: PUSHED, headRef: BRANCH, merged: true });
    api.config(undefined);
    api.updateComment(900);
    const payload = webhookExample('pull_request', 'closed');
    payload.pull_request.head.ref = BRANCH;
    payload.pull_request.merged = true;

    await deliver('pull_request', payload);

    expect(api.scope.isDone()).toBe(true);
    const status = statusWritten(api);
    expect(parseStateMarker(status)).toMatchObject({ state: 'merged' });
    expect(status).toContain('that request was never run, and nothing is deployed on merge');
    expect(api.calls.filter((call) => call.path.endsWith('/deployments'))).toEqual([]);
  });
});
