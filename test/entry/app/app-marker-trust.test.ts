import { markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { markerSignatureMatches } from '../../../src/core/state/marker-signature.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { TEST_MARKER_KEYS, TEST_WEBHOOK_SECRET, agentStatusComment } from './agent-status.js';
import { OWNER, REPO, BRANCH, taskStatus } from './deploy-command-fixtures.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const ISSUE_COMMENT_ID = 492700400;
const PAYLOAD_COMMENT = [
  '/implement',
  '',
  '```json',
  readExample('orders-api.request.json').trim(),
  '```',
].join('\n');

/** A comment on issue #1 by `sender`. */
function issueComment(body: string, sender = 'Codertocat') {
  const payload = webhookExample('issue_comment', 'created');
  payload.comment.body = body;
  payload.comment.created_at = '2026-11-24T10:00:00Z';
  payload.sender.login = sender;
  payload.issue.body = 'We need an orders API.';
  return payload;
}

/** What a forger writes: a marker naming issue #1's task, pointing at another PR and template. */
const FORGED: TaskMarker = {
  task_id: `${OWNER}/${REPO}#1`,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: 'implementation/7-payments',
  pull_number: 99,
  template_path: 'infra/production-network.yaml',
  updated_at: '2026-11-24T09:00:00Z',
};

const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' };

/** The opening calls of any comment the app handles on issue #1, up to reading its comments. */
function expectCommentOnIssue(api: ReturnType<typeof githubApi>, comments: unknown[]) {
  api.installationToken(INSTALLATION_ID);
  api.reaction(ISSUE_COMMENT_ID);
  api.config(undefined);
  api.comments(1, comments);
}

const posted = (api: ReturnType<typeof githubApi>) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'));

describe('Probot app: /deploy trusts only a status the app provably wrote', () => {
  // The issue's example: a github-actions[bot] comment echoing a forged marker made a maintainer's
  // `/deploy staging` deploy another PR, with another template path and stack name.
  it('ignores a forged marker written as github-actions[bot]: no other PR, template or stack is deployed', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, [agentStatusComment({ marker: FORGED, user: ACTIONS_BOT, signingKey: null })]);
    api.permission('Codertocat', 'admin');
    api.commandDeployments();
    api.createComment(1, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', issueComment('/deploy staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.callLines()).not.toContain(`GET /repos/${OWNER}/${REPO}/pulls/99`);
    expect(api.callLines()).not.toContain(`POST /repos/${OWNER}/${REPO}/deployments`);
    expect(posted(api)[0]?.body.body).toBe('There is no implementation pull request to deploy from #1 yet.');
  });

  it('ignores the same forgery even when it copies a signature the app made for another issue', async () => {
    const copied = agentStatusComment({ marker: { ...FORGED, task_id: `${OWNER}/${REPO}#7` } });
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, [copied]);
    api.permission('Codertocat', 'admin');
    api.commandDeployments();
    api.createComment(1, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', issueComment('/deploy staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(posted(api)[0]?.body.body).toBe('There is no implementation pull request to deploy from #1 yet.');
  });

  it.each([
    ['unsigned', null, 'is not signed, although a marker key is configured'],
    ['signed with a wrong key', Buffer.alloc(32, 5), undefined],
  ] as const)(
    'does not deploy from a status in the app’s own name that is %s',
    async (_label, signingKey, reason) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectCommentOnIssue(api, [agentStatusComment({ marker: FORGED, signingKey })]);
      api.permission('Codertocat', 'admin');
      api.commandDeployments();
      api.createComment(1, 950);
      const { receive } = await testProbot();

      await receive('issue_comment', issueComment('/deploy staging'));

      expect(api.scope.isDone()).toBe(true);
      expect(api.callLines()).not.toContain(`POST /repos/${OWNER}/${REPO}/deployments`);
      const reply = posted(api)[0]?.body.body as string;
      if (reason === undefined) {
        expect(reply).toBe('There is no implementation pull request to deploy from #1 yet.');
      } else {
        expect(reply).toContain(
          `The task status on #1 cannot be proven to be implementation-agent's: it ${reason}.`,
        );
        expect(reply).toContain('nothing was deployed');
      }
    },
  );

  it('deploys from its own signed status, the PR checked against the branch GitHub reports', async () => {
    // The trusted status names PR 42, whose head branch names issue #1: the deploy goes ahead.
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, [taskStatus]);
    api.permission('Codertocat', 'admin');
    api.commandDeployments();
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: BRANCH });
    api.reviews(42, []);
    api.checkRunsFor('a'.repeat(40), [{ name: 'build', status: 'completed', conclusion: 'success' }]);
    api.combinedStatus('a'.repeat(40));
    api.branchActivity(BRANCH, [
      { before: 'b'.repeat(40), after: 'a'.repeat(40), timestamp: '2026-11-24T09:00:00Z' },
    ]);
    api.deployments('staging', [], 10);
    api.createDeployment(7001);
    api.createComment(1, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', issueComment('/deploy staging'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const deployment = api.calls.find((call) => call.method === 'POST' && call.path.endsWith('/deployments'));
    expect(deployment?.body.payload).toMatchObject({
      pull_number: 42,
      template_path: 'services/orders-api/template.yaml',
      stack_name: 'orders-api-staging',
    });
  });

  it('refuses when its own signed status names a PR whose branch belongs to another issue', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, [taskStatus]);
    api.permission('Codertocat', 'admin');
    api.commandDeployments();
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'implementation/7-payments' });
    api.reviews(42, []);
    api.checkRunsFor('a'.repeat(40), [{ name: 'build', status: 'completed', conclusion: 'success' }]);
    api.combinedStatus('a'.repeat(40));
    api.branchActivity('implementation/7-payments', [
      { before: 'b'.repeat(40), after: 'a'.repeat(40), timestamp: '2026-11-24T09:00:00Z' },
    ]);
    api.createComment(1, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', issueComment('/deploy staging'));

    expect(api.scope.isDone()).toBe(true);
    expect(api.callLines()).not.toContain(`POST /repos/${OWNER}/${REPO}/deployments`);
    expect(posted(api)[0]?.body.body).toContain('#42 was not opened by implementation-agent');
  });
});

describe('Probot app: a marker from another account is never edited', () => {
  // The issue's example: a marker from a different bot made the agent try to edit that bot's
  // comment (403), and the issue was dead from then on.
  it.each([
    ['another bot', { login: 'renovate[bot]', type: 'Bot' }],
    ['a person', { login: 'mallory', type: 'User' }],
    ['github-actions[bot]', ACTIONS_BOT],
  ])('writes its own status comment beside one by %s', async (_label, user) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, [
      agentStatusComment({ id: 777, marker: { ...FORGED, state: 'failed' }, user, signingKey: null }),
    ]);
    api.permission('Codertocat', 'admin');
    api.createComment(1, 900);
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
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', issueComment(PAYLOAD_COMMENT));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.callLines()).not.toContain(`PATCH /repos/${OWNER}/${REPO}/issues/comments/777`);
    const final = api.lastCommentBody() as string;
    const line = readStateMarker(final);
    // The forger's PR, branch and template are not carried into the agent's own status.
    expect(line?.marker).toMatchObject({ state: 'pr_open', pull_number: 42, branch: BRANCH, attempt: 1 });
    expect(line?.marker.template_path).not.toBe(FORGED.template_path);
    expect(
      markerSignatureMatches({
        text: line?.json ?? '',
        signature: line?.signature ?? '',
        key: TEST_MARKER_KEYS.current,
      }),
    ).toBe(true);
  });
});

describe('Probot app: its identity and keys', () => {
  it('asks GitHub who it is (GET /app) once, then knows its own comments', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.scope.get('/app').once().reply(200, { id: 123, slug: 'acme-agent', name: 'Acme agent' });
    const own = agentStatusComment({
      marker: {
        ...FORGED,
        pull_number: 42,
        branch: BRANCH,
        template_path: 'services/orders-api/template.yaml',
      },
      user: { login: 'acme-agent[bot]', type: 'Bot' },
    });
    // Probot keeps the installation token for the second delivery.
    api.installationToken(INSTALLATION_ID);
    for (let round = 0; round < 2; round++) {
      api.reaction(ISSUE_COMMENT_ID);
      api.config(undefined);
      api.comments(1, [own]);
      api.createComment(1, 950 + round);
    }
    const { receive, errors } = await testProbot({ login: null });

    await receive('issue_comment', issueComment('/status'));
    await receive('issue_comment', issueComment('/status'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.callLines().filter((line) => line === 'GET /app')).toHaveLength(1);
    for (const reply of posted(api)) {
      expect(reply.body.body).toContain('Pull request open for review');
      expect(reply.body.body).not.toContain('not proven');
    }
  });

  it('shows a status it cannot prove, saying so', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, [agentStatusComment({ marker: FORGED, signingKey: null })]);
    api.createComment(1, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', issueComment('/status'));

    expect(api.scope.isDone()).toBe(true);
    expect(posted(api)[0]?.body.body).toContain(
      "⚠️ Shown as written, but not proven to be implementation-agent's: this status is not signed",
    );
  });

  describe('during a rotation of the webhook secret', () => {
    const rotated = markerKeysFrom({
      secret: 'new-webhook-secret',
      previousSecret: TEST_WEBHOOK_SECRET,
    }) as MarkerKeys;

    it('accepts a marker signed with the previous key once and re-signs it at once, its JSON untouched', async () => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectCommentOnIssue(api, [taskStatus]);
      // Re-signed in place: an edit of the marker's signature alone, not a board write, so no reads.
      api.updateComment(900, { read: false });
      api.createComment(1, 950);
      const { receive, errors } = await testProbot({ markerKeys: rotated });

      await receive('issue_comment', issueComment('/status'));

      expect(errors).toEqual([]);
      expect(api.scope.isDone()).toBe(true);
      const resign = api.calls.find((call) => call.method === 'PATCH')?.body.body as string;
      const before = readStateMarker(taskStatus.body);
      const after = readStateMarker(resign);
      expect(after?.json).toBe(before?.json);
      expect(resign.replace(after?.signature ?? '', '')).toBe(
        taskStatus.body.replace(before?.signature ?? '', ''),
      );
      const holds = (key: Buffer) =>
        markerSignatureMatches({ text: after?.json ?? '', signature: after?.signature ?? '', key });
      expect(holds(rotated.current)).toBe(true);
      expect(holds(TEST_MARKER_KEYS.current)).toBe(false);
      expect(posted(api)[0]?.body.body).not.toContain('not proven');

      // Read again, the re-signed marker needs no second re-sign.
      const again = githubApi({ owner: OWNER, repo: REPO });
      again.reaction(ISSUE_COMMENT_ID);
      again.config(undefined);
      again.comments(1, [{ ...taskStatus, body: resign }]);
      again.createComment(1, 951);
      await receive('issue_comment', issueComment('/status'));
      expect(again.scope.isDone()).toBe(true);
      expect(again.calls.some((call) => call.method === 'PATCH')).toBe(false);
    });

    it('ignores a marker signed with a key that is no longer configured', async () => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      expectCommentOnIssue(api, [taskStatus]);
      api.permission('Codertocat', 'admin');
      api.commandDeployments();
      api.createComment(1, 950);
      const { receive } = await testProbot({
        markerKeys: markerKeysFrom({ secret: 'new-webhook-secret' }) ?? null,
      });

      await receive('issue_comment', issueComment('/deploy staging'));

      expect(api.scope.isDone()).toBe(true);
      expect(posted(api)[0]?.body.body).toBe(
        'There is no implementation pull request to deploy from #1 yet.',
      );
    });
  });
});

describe('Probot app: the status it writes', () => {
  it('signs every marker with the key derived from its webhook secret', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectCommentOnIssue(api, []);
    api.permission('outsider', 'read');
    api.createComment(1, 900);
    const { receive } = await testProbot();

    await receive('issue_comment', issueComment(PAYLOAD_COMMENT, 'outsider'));

    expect(api.scope.isDone()).toBe(true);
    const line = readStateMarker(posted(api)[0]?.body.body ?? '');
    expect(line?.marker.state).toBe('held');
    expect(
      markerSignatureMatches({
        text: line?.json ?? '',
        signature: line?.signature ?? '',
        key: TEST_MARKER_KEYS.current,
      }),
    ).toBe(true);
  });
});
