import { agentStatusComment } from './agent-status.js';
import type { TaskState } from '../../../src/core/state/task-state.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { API, githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const COMMENT_ID = 492700400;
const PAYLOAD_COMMENT = [
  '/implement',
  '',
  '```json',
  readExample('orders-api.request.json').trim(),
  '```',
].join('\n');

/** A comment on issue #1, or on pull request #42 with `onPull`. */
function comment(body: string, sender = 'Codertocat', onPull = false) {
  const payload = webhookExample('issue_comment', 'created');
  payload.comment.body = body;
  payload.sender.login = sender;
  payload.issue.body = 'We need an orders API.';
  if (onPull) {
    payload.issue.number = 42;
    payload.issue.pull_request = { url: `${API}/repos/${OWNER}/${REPO}/pulls/42` };
  }
  return payload;
}

function statusComment(state: TaskState) {
  return agentStatusComment({
    marker: {
      task_id: `${OWNER}/${REPO}#1`,
      state,
      attempt: 1,
      cost_usd: 0,
      branch: 'implementation/1-orders-api',
      pull_number: 42,
      updated_at: '2026-11-24T10:00:00Z',
    },
  });
}

const postedTo = (api: ReturnType<typeof githubApi>, issue: number) =>
  api.calls
    .filter((call) => call.method === 'POST' && call.path.endsWith(`/issues/${issue}/comments`))
    .map((call) => call.body.body as string);

describe('Probot app: every handler ends with an answer and a final state', () => {
  it.each(['pr_open', 'failed', 'changes_requested'] as const)(
    "holds a read-only user's /implement on a task that is %s for a maintainer's approval, instead of throwing",
    async (state) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      api.installationToken(INSTALLATION_ID);
      api.reaction(COMMENT_ID);
      api.config(undefined);
      api.comments(1, [statusComment(state)]);
      api.permission('reader', 'read');
      api.updateComment(900);
      const { receive, errors } = await testProbot();

      await receive('issue_comment', comment(PAYLOAD_COMMENT, 'reader'));

      expect(errors).toEqual([]);
      expect(api.scope.isDone()).toBe(true);
      const status = api.calls.find((call) => call.method === 'PATCH')?.body.body as string;
      expect(status).toContain('"state":"held"');
      expect(status).toContain(`"request_comment_id":${COMMENT_ID}`);
      expect(status).toContain('"pull_number":42');
      expect(status).toContain('@reader does not have write access');
    },
  );

  it('answers a request the state table cannot take now, keeping the state, instead of throwing', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.comments(1, [statusComment('generating')]);
    api.permission('reader', 'read');
    api.createComment(1, 901);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment(PAYLOAD_COMMENT, 'reader'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
    expect(postedTo(api, 1)).toEqual([
      '@reader, this task is generating, so a new request cannot be held for approval now; nothing was changed. ' +
        'Comment again once the task has moved on, or open a new issue for a new request.',
    ]);
  });

  it('answers an internal error on the issue as such, and still reports it to the runtime', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.comments(1);
    api.scope
      .get(`/repos/${OWNER}/${REPO}/collaborators/Codertocat/permission`)
      .reply(500, { message: 'Server Error' });
    api.createComment(1, 901);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment(PAYLOAD_COMMENT));

    expect(api.scope.isDone()).toBe(true);
    expect(errors).toHaveLength(1);
    expect(postedTo(api, 1)).toEqual([
      expect.stringMatching(
        /^⚠️ @Codertocat, implementation-agent stopped on an internal error while handling `\/implement`, so it may not have been carried out: .*Server Error/,
      ),
    ]);
  });

  it('answers a crash in a command such as /deploy on the pull request it was written on', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.permission('Codertocat', 'admin');
    api.commandDeployments();
    api.scope.get(`/repos/${OWNER}/${REPO}/pulls/42`).reply(502, { message: 'Bad Gateway' });
    api.createComment(42, 951);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/deploy staging', 'Codertocat', true));

    expect(api.scope.isDone()).toBe(true);
    expect(errors).toHaveLength(1);
    expect(postedTo(api, 42)[0]).toContain('internal error while handling `/deploy staging`');
  });
});

describe('Probot app: /implement and /approve on a pull request', () => {
  it('acknowledges /implement on a pull request and says where it works today', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'implementation/1-orders-api' });
    // Issue #1 tracks no task of the agent's: the pull request is not one it iterates on.
    api.comments(1, []);
    api.createComment(42, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment('/implement', 'Codertocat', true));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const [reply] = postedTo(api, 42);
    expect(reply).toContain("`/implement` works on the task's issue, #1");
    expect(reply).toContain('Nothing was changed here.');
  });

  it('takes /implement <instructions> on the task’s own pull request as feedback, answered honestly offline', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    const body = '/implement store orders in DynamoDB';
    const payload = comment(body, 'Codertocat', true);
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'implementation/1-orders-api' });
    api.comments(1, [statusComment('pr_open')]);
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'implementation/1-orders-api' });
    api.reviews(42, []);
    api.reviewComments(42);
    api.conversation(42, [payload.comment]);
    api.permission('Codertocat', 'write');
    api.config(undefined);
    api.createComment(42, 950);
    api.updateComment(900);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', payload);

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const [reply] = postedTo(api, 42);
    expect(reply).toContain('offline provider cannot rewrite code from free text');
    expect(api.calls.filter((call) => call.path.includes('/git/'))).toEqual([]);
  });

  it('says /implement belongs on an issue holding a request when the pull request is not the agent’s', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'feature/login' });
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/implement', 'Codertocat', true));

    expect(postedTo(api, 42)[0]).toContain('`/implement` works on an issue that holds a request');
  });

  it('answers /approve on a pull request with where approvals are given', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.permission('maintainer', 'maintain');
    api.getPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'implementation/1-orders-api' });
    api.createComment(42, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/approve', 'maintainer', true));

    expect(api.scope.isDone()).toBe(true);
    expect(postedTo(api, 42)[0]).toContain("`/approve` works on the task's issue, #1");
    // Guided mode's approval of a pull request is a review, which the answer says.
    expect(postedTo(api, 42)[0]).toContain('To approve this pull request, submit a review that approves it');
  });
});

describe('Probot app: /help lists exactly what works today', () => {
  it('lists neither /retry nor /cancel without an environment, and promises no deployments from /status', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.createComment(1, 950);
    const { receive } = await testProbot();

    await receive('issue_comment', comment('/help'));

    const [help] = postedTo(api, 1);
    expect(help).toContain('`/cancel [<environment>]`');
    expect(help).toContain('`/retry`');
    expect(help).not.toMatch(/\/status`[^\n]*deployment/);
  });
});
