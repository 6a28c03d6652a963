import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { agentStatusComment, APP_LOGIN } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

// The webhooks-examples pull request (#2 of Codertocat/Hello-World), moved to a task branch.
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const PULL = 2;
const BRANCH = 'implementation/1-orders-api';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const NEW_HEAD = 'c'.repeat(40);
const BASE = `/repos/${OWNER}/${REPO}`;
const FILE = 'infra/queue.yaml';
const FILE_SHA = 'd'.repeat(40);
// A low-risk template of the task (a queue), not its declared template: the classifier reads it as one.
const FILE_TEXT = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
const SUBMITTED_AT = '2026-11-29T11:00:00Z';

type Api = ReturnType<typeof githubApi>;

const marker = (patch: Partial<TaskMarker> = {}): TaskMarker => ({
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
  // The head is the agent's own commit: a feedback commit builds on a head it validated.
  last_push: { sha: HEAD, by: { kind: 'agent' } },
  ...patch,
});

/** The real review payload; only its state, author and the branch differ. */
function reviewEvent(reviewer: string, type = 'User') {
  const payload = webhookExample('pull_request_review', 'submitted');
  payload.review.state = 'changes_requested';
  payload.review.user.login = reviewer;
  payload.review.user.type = type;
  payload.sender.login = reviewer;
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

/** The review as `GET /pulls/2/reviews` lists it: the payload's review. */
function listedReview(reviewer: string, type = 'User') {
  const review = reviewEvent(reviewer, type).review;
  return { ...review, state: 'CHANGES_REQUESTED', commit_id: HEAD, submitted_at: SUBMITTED_AT };
}

/** The real review comment, on line 1 of the file on the head, holding `body`. */
function listedComment(body: string, patch: Record<string, unknown> = {}) {
  const { comment } = webhookExample('pull_request_review_comment', 'created');
  return {
    ...comment,
    pull_request_review_id: listedReview('maintainer').id,
    path: FILE,
    line: 1,
    start_line: null,
    side: 'RIGHT',
    commit_id: HEAD,
    body,
    ...patch,
  };
}

const SUGGESTION = [
  'Needs a role for the consumer:',
  '```suggestion',
  'Resources:',
  '  Admin:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      AssumeRolePolicyDocument: {}',
  '      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]',
  '```',
].join('\n');

/** The approval sync (as in guided mode), then the feedback run's reads. */
function expectRun(
  api: Api,
  params: {
    /** The sync moves the task (a reviewer whose verdict counts): it writes the status once. */
    syncMoves?: boolean;
    state?: TaskMarker;
    reviewer: string;
    permission: string;
    comments: unknown[];
    type?: string;
  },
) {
  const status = agentStatusComment({ marker: params.state ?? marker() });
  api.installationToken(INSTALLATION_ID);
  // The sync: the task, the PR, the config, the reviews and the approval check.
  api.comments(1, [status]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.config(undefined);
  const listed = [listedReview(params.reviewer, params.type)];
  api.scope.get(`${BASE}/pulls/${PULL}/reviews`).query({ per_page: '100' }).times(2).reply(200, listed);
  // The agent's own verdict is set aside before any permission is asked for.
  if (params.reviewer !== APP_LOGIN)
    api.scope.get(`${BASE}/collaborators/${encodeURIComponent(params.reviewer)}/permission`).reply(200, {
      permission: params.permission,
      role_name: params.permission,
      user: { login: params.reviewer },
    });
  api.approvalChecksOn(HEAD, []);
  api.approvalCheck();
  if (params.syncMoves ?? true) api.updateComment(900);
  // The feedback run reads the status as the sync wrote it: at changes_requested, an automated
  // task's auto-merge held once GitHub confirmed it off.
  const synced = params.state ?? marker();
  api.comments(1, [
    (params.syncMoves ?? true)
      ? agentStatusComment({
          marker: {
            ...synced,
            state: 'changes_requested',
            ...(synced.effective_mode === 'automated' && synced.risk_level === 'low'
              ? { auto_merge_held: true as const }
              : {}),
          },
        })
      : status,
  ]);
  api.getPull({ number: PULL, headSha: HEAD, headRef: BRANCH });
  api.reviewComments(PULL, params.comments);
  api.conversation(PULL);
}

function expectFileRead(api: Api) {
  api.scope
    .get(`${BASE}/git/trees/${HEAD}`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: HEAD,
      truncated: false,
      tree: [{ path: FILE, mode: '100644', type: 'blob', sha: FILE_SHA }],
    });
  api.scope
    .get(`${BASE}/git/blobs/${FILE_SHA}`)
    .reply(200, { sha: FILE_SHA, encoding: 'base64', content: Buffer.from(FILE_TEXT).toString('base64') });
}

const statusWrites = (api: Api) =>
  api.calls.filter((call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'));
/** The status comment the feedback run wrote with its push. */
const pushedStatus = (api: Api) =>
  String(statusWrites(api).find((call) => String(call.body.body).includes('Pushed `'))?.body.body);
const pushes = (api: Api) => api.calls.filter((call) => call.path.includes('/git/'));

async function deliver(payload: Record<string, unknown>) {
  const { receive, errors } = await testProbot();
  await receive('pull_request_review', payload);
  expect(errors).toEqual([]);
}

/** The suggestion run's writes: the commit, the reply, the thread lookup and resolve, the status. */
function expectPush(api: Api, commentId: number) {
  api.commit(HEAD);
  api.createTree();
  api.createCommit(NEW_HEAD);
  api.updateRef(BRANCH);
  api.scope.post(`${BASE}/pulls/${PULL}/comments/${commentId}/replies`).reply(201, { id: 5001 });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('reviewThreads'))
    .optionally()
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              nodes: [{ id: 'PRRT_1', isResolved: false, comments: { nodes: [{ databaseId: commentId }] } }],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    });
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('resolveReviewThread'))
    .optionally()
    .reply(200, { data: { resolveReviewThread: { thread: { id: 'PRRT_1', isResolved: true } } } });
  // A commit writing a template is judged with the pull request's other templates (here none).
  api.scope
    .get(`${BASE}/pulls/${PULL}/files`)
    .query(true)
    .optionally()
    .reply(200, [{ filename: FILE, status: 'added' }]);
  api.updateComment(900, { optional: true, times: 3 });
  // The follow-up sync on the new head (optional: the fix may change what it reads).
  api.scope
    .get(`${BASE}/issues/1/comments`)
    .query(true)
    .optionally()
    // The status comment as the feedback run left it.
    .reply(200, () => {
      const last = statusWrites(api).at(-1);
      return [
        last === undefined
          ? agentStatusComment({ marker: marker() })
          : { id: 900, user: { login: APP_LOGIN, type: 'Bot' }, body: String(last.body.body) },
      ];
    });
  api.scope
    .get(`${BASE}/pulls/${PULL}`)
    .optionally()
    .reply(200, {
      number: PULL,
      state: 'open',
      merged: false,
      head: { sha: NEW_HEAD, ref: BRANCH, repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
      base: { ref: 'master', repo: { id: 1296269, full_name: `${OWNER}/${REPO}` } },
    });
  api.scope
    .get(`${BASE}/contents/${encodeURIComponent('.github/implementation-agent.yml')}`)
    .optionally()
    .reply(404, { message: 'Not Found' });
  api.scope
    .get(`${BASE}/pulls/${PULL}/reviews`)
    .query(true)
    .optionally()
    .reply(200, [listedReview('maintainer')]);
  api.scope
    .get(`${BASE}/collaborators/maintainer/permission`)
    .optionally()
    .reply(200, { permission: 'write', role_name: 'write', user: { login: 'maintainer' } });
  api.scope
    .get(`${BASE}/commits/${NEW_HEAD}/check-runs`)
    .query(true)
    .optionally()
    .times(2)
    .reply(200, { total_count: 0, check_runs: [] });
  api.scope.post(`${BASE}/check-runs`).optionally().times(3).reply(201, { id: 80 });
}

/** The suggestion run on a task recorded as `state`, with the writes a fallback makes; returns the marker written last. */
async function runSuggestion(params: {
  state: TaskMarker;
  suggestion: string;
  prFiles?: (api: Api) => void;
}) {
  const api = githubApi({ owner: OWNER, repo: REPO });
  const comment = listedComment(params.suggestion);
  expectRun(api, { reviewer: 'maintainer', permission: 'write', comments: [comment], state: params.state });
  api.permission('maintainer', 'write');
  api.config(undefined);
  expectFileRead(api);
  params.prFiles?.(api);
  expectPush(api, comment.id);
  api.scope
    .post('/graphql', (body: { query: string }) => body.query.includes('PullRequestAutoMerge'))
    .optionally()
    .times(2)
    .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: PULL } } } });
  // The fallback's word on the pull request (the review's push guard's, then the feedback run's:
  // its status read here is the one before the guard wrote).
  api.scope.post(`${BASE}/issues/${PULL}/comments`).optionally().times(2).reply(201, { id: 6001 });

  await deliver(reviewEvent('maintainer'));

  // The suggestion was pushed as the agent's own commit.
  expect(pushes(api).some((call) => call.method === 'PATCH')).toBe(true);
  const written = readStateMarker(String(statusWrites(api).at(-1)?.body.body ?? ''))?.marker;
  const autoMerge = api.calls.filter(
    (call) => call.path === '/graphql' && String(call.body?.query).includes('PullRequestAutoMerge'),
  );
  const prComments = api.calls.filter(
    (call) => call.method === 'POST' && call.path === `${BASE}/issues/${PULL}/comments`,
  );
  const approvalChecks = api.calls.filter(
    (call) =>
      call.method === 'POST' &&
      call.path === `${BASE}/check-runs` &&
      call.body?.name === 'implementation-agent/approval' &&
      call.body?.head_sha === NEW_HEAD,
  );
  return { api, written, autoMerge, prComments, approvalChecks };
}

const ADMIN_ROLE_SUGGESTION = SUGGESTION;

/**
 * A suggestion that leaves the task's template plain queues: nothing the classifier names. It
 * replaces line 1 alone, so the file's own `Queue` stays below it: naming `Queue` again would make
 * the YAML name a key twice, which the classifier rightly reads as high risk.
 */
const LOW_RISK_SUGGESTION = [
  'A dead-letter queue is enough:',
  '```suggestion',
  'Resources:',
  '  DeadLetters:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      MessageRetentionPeriod: 1209600',
  '```',
].join('\n');

// Review #9 second attacker pass: automated mode stays automated only for what the agent
// validated and risk-classified (DESIGN §4; the guard falls back to guided on a person's push).
// Review feedback laundered a person's change into the agent's own push: pushFeedbackCommit ran
// the gates on the changed files but never the risk classifier, and the push came as the agent,
// so the guard kept the task automated. A writer's suggestion adding an admin IAM role was pushed,
// GitHub's auto-merge the agent armed stayed on, and the merge was deployed for the requester.
// Now every feedback commit is judged like a generation (`judgeAgentCommit`).
describe('review #9b: a review suggestion on an automated task makes it high risk', () => {
  it.each([
    ['automated', marker()],
    ['hybrid judged low risk', marker({ execution_mode: 'hybrid' })],
  ])(
    '%s: a feedback commit adding an IAM role ends automated mode (guided, high, auto-merge off, approval check, the PR told why)',
    async (_mode, state) => {
      const run = await runSuggestion({ state, suggestion: ADMIN_ROLE_SUGGESTION });

      const tree = pushes(run.api).find((call) => call.method === 'POST' && call.path.endsWith('/git/trees'));
      expect(JSON.stringify(tree?.body)).toContain('AWS::IAM::Role');
      // The task is judged again on what was pushed: guided and high risk, so neither merge-when-green
      // nor deploy on merge acts on it (`runsAutomated`, `deploysOnMerge`).
      expect(run.written).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });
      // Off twice: for the writer's standing request for changes (the sync), then for the high risk.
      expect(run.autoMerge.map((call) => String(call.body.query))).toEqual([
        expect.stringContaining('disablePullRequestAutoMerge'),
        expect.stringContaining('disablePullRequestAutoMerge'),
      ]);
      expect(run.approvalChecks.length).toBeGreaterThan(0);
      expect(run.prComments).toHaveLength(1);
      expect(run.prComments[0]?.body.body).toContain('risk-classified again');
      expect(run.prComments[0]?.body.body).toContain('Auto-merge is off');
      expect(run.prComments[0]?.body.body).toContain('`iam-resource`');
      const status = pushedStatus(run.api);
      expect(status).toContain('`iam-resource`');
      expect(status).toContain('**Risk** high');
    },
  );

  it('a low-risk suggestion on an automated task keeps it automated: auto-merge off only for the request for changes, nothing said on the PR', async () => {
    const run = await runSuggestion({ state: marker(), suggestion: LOW_RISK_SUGGESTION });

    // The agent's commit does not lift a person's request for changes (GitHub keeps it standing
    // too): auto-merge stays held until that reviewer approves the commit or the review is dismissed.
    expect(run.written).toMatchObject({
      effective_mode: 'automated',
      risk_level: 'low',
      auto_merge_held: true,
    });
    // The writer's request for changes stands until they review the agent's commit (review #9c):
    // turned off once, and not again by the sync of the agent's own commit.
    expect(run.autoMerge.map((call) => String(call.body.query))).toEqual([
      expect.stringContaining('disablePullRequestAutoMerge'),
    ]);
    expect(run.prComments).toEqual([]);
    expect(run.approvalChecks).toEqual([]);
  });

  // The rule (README, modes): a fallback is never undone by a later commit. A reviewer was told the
  // pull request needs their approval; the risky files may still be in the branch.
  it('after a fallback, a suggestion that removes the risk does not re-arm auto-merge: the task stays guided and high', async () => {
    const run = await runSuggestion({
      state: marker({ execution_mode: 'automated', effective_mode: 'guided', risk_level: 'high' }),
      suggestion: LOW_RISK_SUGGESTION,
    });

    expect(run.written).toMatchObject({ effective_mode: 'guided', risk_level: 'high' });
    expect(run.autoMerge).toEqual([]);
    const status = pushedStatus(run.api);
    expect(status).toContain('a later commit never turns automated mode back on');
  });

  it('after a person’s push made the task guided, a low-risk feedback commit keeps it guided with the push named, its check over every file of the PR', async () => {
    const pushed = 'e'.repeat(40);
    const personFile = 'src/person.ts';
    const run = await runSuggestion({
      state: marker({ execution_mode: 'automated', effective_mode: 'guided', unvalidated_push: pushed }),
      suggestion: LOW_RISK_SUGGESTION,
      prFiles: (api) => {
        // The pull request's files at the agent's commit: its template and the person's file.
        api.scope
          .get(`${BASE}/pulls/${PULL}/files`)
          .query(true)
          .reply(200, [
            { filename: FILE, status: 'added' },
            { filename: personFile, status: 'added' },
          ]);
        api.scope
          .get(`${BASE}/git/trees/${NEW_HEAD}`)
          .query({ recursive: 'true' })
          .reply(200, {
            sha: NEW_HEAD,
            truncated: false,
            tree: [
              { path: FILE, mode: '100644', type: 'blob', sha: 'b1'.repeat(20), size: 80 },
              { path: personFile, mode: '100644', type: 'blob', sha: 'b2'.repeat(20), size: 30 },
            ],
          });
        api.scope.get(`${BASE}/git/blobs/${'b1'.repeat(20)}`).reply(200, {
          encoding: 'base64',
          content: Buffer.from(FILE_TEXT).toString('base64'),
        });
        // A TypeScript file that does not parse: the gates over the PR's files find it.
        api.scope.get(`${BASE}/git/blobs/${'b2'.repeat(20)}`).reply(200, {
          encoding: 'base64',
          content: Buffer.from('export const = ;\n').toString('base64'),
        });
      },
    });

    expect(run.written).toMatchObject({ effective_mode: 'guided', unvalidated_push: pushed });
    expect(run.autoMerge).toEqual([]);
    const check = run.api.calls.find(
      (call) =>
        call.method === 'POST' &&
        call.path === `${BASE}/check-runs` &&
        call.body?.name === 'implementation-agent',
    );
    expect(check?.body).toMatchObject({ head_sha: NEW_HEAD, conclusion: 'failure' });
    expect(JSON.stringify(check?.body)).toContain(personFile);
  });
});

// Review #9e: the feedback commit is built on the pull request's head whatever it is. A push whose
// `synchronize` never reached the agent (a lost delivery, a token that starts no run) made the head
// someone else's; the commit went on top, was judged on its own files and kept the task automated,
// so GitHub's auto-merge merged the person's commit unvalidated. Right: a head that is not the
// agent's recorded commit (`unvalidatedHead`) is handled as a person's push.
describe('review #9e: a feedback commit over a push the agent never saw', () => {
  it('FAULT: a low-risk suggestion on an automated task whose head is an unseen push: the task runs guided, auto-merge off, the head recorded, its check over every file (feedback commit over an unseen push)', async () => {
    const personFile = 'src/person.ts';
    const run = await runSuggestion({
      // The agent's last commit is an older one: HEAD came after it, and no event named it.
      state: marker({ last_push: { sha: 'a'.repeat(40), by: { kind: 'agent' } } }),
      suggestion: LOW_RISK_SUGGESTION,
      prFiles: (api) => {
        api.scope
          .get(`${BASE}/pulls/${PULL}/files`)
          .query(true)
          .reply(200, [
            { filename: FILE, status: 'added' },
            { filename: personFile, status: 'added' },
          ]);
        api.scope
          .get(`${BASE}/git/trees/${NEW_HEAD}`)
          .query({ recursive: 'true' })
          .reply(200, {
            sha: NEW_HEAD,
            truncated: false,
            tree: [
              { path: FILE, mode: '100644', type: 'blob', sha: 'b1'.repeat(20), size: 80 },
              { path: personFile, mode: '100644', type: 'blob', sha: 'b2'.repeat(20), size: 30 },
            ],
          });
        api.scope.get(`${BASE}/git/blobs/${'b1'.repeat(20)}`).reply(200, {
          encoding: 'base64',
          content: Buffer.from(FILE_TEXT).toString('base64'),
        });
        api.scope.get(`${BASE}/git/blobs/${'b2'.repeat(20)}`).reply(200, {
          encoding: 'base64',
          content: Buffer.from('export const = ;\n').toString('base64'),
        });
      },
    });

    expect(run.written).toMatchObject({ effective_mode: 'guided', unvalidated_push: HEAD });
    // Off for the request for changes, and off again for the fallback: never left on.
    expect(
      run.autoMerge.every((call) => String(call.body.query).includes('disablePullRequestAutoMerge')),
    ).toBe(true);
    expect(run.autoMerge.length).toBeGreaterThan(0);
    expect(run.approvalChecks.length).toBeGreaterThan(0);
    // The review's push guard falls back first, before the review counts (review 9f), naming the head.
    expect(run.prComments[0]?.body.body).toContain(
      `the head of pull request #${PULL}, \`${HEAD.slice(0, 7)}\`, is a push no event ever told implementation-agent of`,
    );
    expect(run.prComments.at(-1)?.body.body).toContain(`the branch holds ${HEAD.slice(0, 7)}`);
    const check = run.api.calls.find(
      (call) =>
        call.method === 'POST' &&
        call.path === `${BASE}/check-runs` &&
        call.body?.name === 'implementation-agent',
    );
    expect(check?.body).toMatchObject({ head_sha: NEW_HEAD, conclusion: 'failure' });
    expect(JSON.stringify(check?.body)).toContain(personFile);
  });
});
