import type { TaskState } from '../../../src/core/state/task-state.js';
import { readStateMarker } from '../../../src/core/state/state-marker.js';
import { webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { APP_LOGIN, agentStatusComment } from './agent-status.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const COMMENT_ID = 492700400;
/** A request payload missing every required field: validation answers with field errors. */
const INVALID = ['/implement', '', '```json', '{"execution_request": {"task_name": ""}}', '```'].join('\n');

function comment(body: string, sender: string) {
  const payload = webhookExample('issue_comment', 'created');
  payload.comment.body = body;
  payload.sender.login = sender;
  payload.issue.body = 'We need an orders API.';
  return payload;
}

function statusOf(state: TaskState) {
  return agentStatusComment({
    marker: {
      task_id: `${OWNER}/${REPO}#1`,
      state,
      attempt: 1,
      cost_usd: 0,
      branch: 'implementation/1-orders-api',
      pull_number: 42,
      template_path: 'services/orders-api/template.yaml',
      updated_at: '2026-11-24T10:00:00Z',
    },
  });
}

/**
 * Anyone who can comment can write `/implement`. A request that does not validate is answered to
 * whoever sent it; it is not a run of the task, so it must not end a task someone else got under
 * way: a pull request open for review, or a hold waiting for a maintainer (#8 kind 6).
 */
describe('Probot app: an invalid request from a commenter leaves the task as it is', () => {
  // `approved` and `cancelled` cannot move to `failed` at all: failing them threw
  // IllegalTransitionError, answered as an internal error.
  it.each([
    ['pr_open', 'outsider'],
    ['held', 'outsider'],
    ['changes_requested', 'outsider'],
    ['approved', 'Codertocat'],
    ['cancelled', 'Codertocat'],
  ] as const)(
    'answers the field errors on a task that is %s to %s, without failing it',
    async (state, sender) => {
      const api = githubApi({ owner: OWNER, repo: REPO });
      api.installationToken(INSTALLATION_ID);
      api.reaction(COMMENT_ID);
      api.config(undefined);
      api.comments(1, [statusOf(state)]);
      // The reply is posted once: no earlier answer to this comment among those since it.
      api.scope
        .get(`/repos/${OWNER}/${REPO}/issues/1/comments`)
        .query((query) => query.since !== undefined)
        .reply(200, []);
      api.createComment(1, 950);
      const { receive, errors } = await testProbot();

      await receive('issue_comment', comment(INVALID, sender));

      expect(errors).toEqual([]);
      expect(api.scope.isDone()).toBe(true);
      expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
      const reply = api.calls.find(
        (call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'),
      )?.body.body as string;
      expect(reply).toContain(`@${sender}, this request cannot be run`);
      expect(reply).toContain('execution_request');
      expect(readStateMarker(reply)).toBeUndefined();
    },
  );
});

describe('Probot app: a reply is found only among its own comments', () => {
  const replyLine = `<!-- implementation-agent:reply-to ${COMMENT_ID} -->`;

  it.each([
    ['another bot', true, { login: 'renovate[bot]', type: 'Bot' }],
    ['github-actions[bot]', true, { login: 'github-actions[bot]', type: 'Bot' }],
    ['the app itself (a redelivery)', false, { login: APP_LOGIN, type: 'Bot' }],
  ])('with a reply line in a comment by %s since the command, answers: %s', async (_label, answers, user) => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.reaction(COMMENT_ID);
    api.config(undefined);
    api.comments(1, [statusOf('pr_open')]);
    api.scope
      .get(`/repos/${OWNER}/${REPO}/issues/1/comments`)
      .query((query) => query.since !== undefined)
      .reply(200, [{ id: 940, user, body: `Looks done to me.\n\n${replyLine}` }]);
    if (answers) api.createComment(1, 950);
    const { receive, errors } = await testProbot();

    await receive('issue_comment', comment(INVALID, 'outsider'));

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const posted = api.calls.filter(
      (call) => call.method === 'POST' && call.path.endsWith('/issues/1/comments'),
    );
    expect(posted).toHaveLength(answers ? 1 : 0);
  });
});
