import { agentStatusComment, heldDigestOf } from './agent-status.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const BRANCH = 'implementation/1-orders-api';
const PAYLOAD_COMMENT = [
  '/implement',
  '',
  '```json',
  readExample('orders-api.request.json').trim(),
  '```',
].join('\n');

function comment(body: string, sender = 'Codertocat') {
  const payload = webhookExample('issue_comment', 'created');
  payload.comment.body = body;
  payload.sender.login = sender;
  payload.issue.body = 'We need an orders API.';
  return payload;
}

function statusCommentFrom(state: 'held' | 'pr_open', extra: Record<string, unknown> = {}) {
  return agentStatusComment({
    marker: {
      task_id: `${OWNER}/${REPO}#1`,
      state,
      attempt: state === 'pr_open' ? 1 : 0,
      cost_usd: 0,
      updated_at: '2026-11-24T10:00:00Z',
      ...extra,
    },
  });
}

function expectPublishToNewBranch(api: ReturnType<typeof githubApi>) {
  api.missingBranch(BRANCH);
  api.branch('master', 'base-sha');
  api.commit('base-sha');
  api.createTree();
  api.createCommit('head-sha');
  api.createRef();
  api.listPulls([]);
  api.createPull(42);
  api.addLabels(42);
  api.checkRun();
  api.approvalCheck();
}

describe('Probot app: /implement and /approve', () => {
  it('holds a request from someone without write access until a maintainer approves it', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    api.comments(1);
    api.permission('outsider', 'read');
    api.createComment(1, 900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment(PAYLOAD_COMMENT, 'outsider'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const status = api.calls.find(
      (call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'),
    )?.body.body as string;
    expect(status).toContain('"state":"held"');
    expect(status).toContain('"request_comment_id":492700400');
    expect(status).toContain('@outsider does not have write access');
    expect(api.calls.some((call) => call.path.includes('/git/'))).toBe(false);
  });

  it('runs the held request from its comment once a maintainer comments /approve', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    api.comments(1, [
      statusCommentFrom('held', {
        request_comment_id: 1234,
        request_digest: heldDigestOf(PAYLOAD_COMMENT),
      }),
    ]);
    api.permission('maintainer', 'maintain');
    api.getComment(1234, PAYLOAD_COMMENT);
    api.updateComment(900);
    expectPublishToNewBranch(api);
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const updates = api.calls.filter(
      (call) => call.method === 'PATCH' && call.path.endsWith('/issues/comments/900'),
    );
    expect(updates.map((call) => (call.body.body as string).match(/"state":"(\w+)"/)?.[1])).toEqual([
      'generating',
      'pr_open',
    ]);
  });

  it('refuses /approve from someone without write access, naming the permission needed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    api.comments(1, [statusCommentFrom('held')]);
    api.permission('outsider', 'triage');
    api.createComment(1, 901);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/approve', 'outsider'));

    expect(api.scope.isDone()).toBe(true);
    const reply = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'))
      ?.body.body;
    expect(reply).toBe(
      '@outsider, `/approve` needs write, maintain or admin permission on Codertocat/Hello-World; you have triage.',
    );
  });

  it('re-running /implement updates the same branch and pull request instead of opening another', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(492700400);
    api.config(undefined);
    // The branch's head is the commit the earlier run pushed (its `last_push`): the re-run builds on
    // a head it validated (a head it did not would get the gates over the pull request's files).
    api.comments(1, [
      statusCommentFrom('pr_open', {
        pull_number: 42,
        branch: BRANCH,
        last_push: { sha: 'old-head', by: { kind: 'agent' } },
      }),
    ]);
    api.permission('Codertocat', 'admin');
    api.updateComment(900);
    api.branch(BRANCH, 'old-head');
    api.commit('old-head');
    api.createTree();
    api.createCommit('new-head');
    api.updateRef(BRANCH);
    api.listPulls([{ number: 42 }]);
    api.updatePull(42);
    api.addLabels(42);
    api.checkRun();
    // A new head: no approval check on it yet, so guided mode's pending one is added.
    api.approvalChecksOn('new-head');
    api.approvalCheck();
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment(PAYLOAD_COMMENT));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const commit = api.calls.find(
      (call) => call.method === 'POST' && call.path.endsWith('/git/commits'),
    )?.body;
    expect(commit.parents).toEqual(['old-head']);
    // The subject, then the files this generation wrote, which the next one retires from.
    const [subject, record] = String(commit.message).split('\n\n');
    expect(subject).toBe('Implement Orders API (application, attempt 2)');
    expect(record?.split('\n').every((line) => /^Generated-File: services\/[^/]+\/./.test(line))).toBe(true);
    expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/pulls'))).toBe(false);
  });
});
