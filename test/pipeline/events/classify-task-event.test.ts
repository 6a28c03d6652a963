import { requestDigest } from '../../../src/core/idempotency/request-digest.js';
import { classifyTaskEvent } from '../../../src/pipeline/events/classify-task-event.js';
import { readExample, webhookExample } from '../../fixtures/webhook-payloads.js';

const FORM_BODY = readExample('orders-api.issue.md');
const REQUEST = {
  execution_request: {
    task_type: 'deployment',
    task_name: 'Orders API rollout',
    execution_mode: 'automated',
    target_environment: 'production',
    deployment_strategy: 'linear',
  },
};

/** An issues.opened delivery from a person, with the body and labels a test needs. */
function openedIssue(params: { body: string | null; labels: string[] }) {
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = params.body;
  payload.issue.labels = params.labels.map((name, index) => ({ id: index + 1, name, color: 'ededed' }));
  return payload;
}

function newComment(body: string) {
  const payload = webhookExample('issue_comment', 'created');
  payload.comment.body = body;
  return payload;
}

const expectIgnored = (event: { name: string; payload: unknown }, reason: RegExp) => {
  const result = classifyTaskEvent(event);
  expect(result).toEqual({ kind: 'ignored', reason: expect.stringMatching(reason) });
};

describe('classifyTaskEvent: issues', () => {
  it('makes an issue opened from the request form a request, whatever its labels', () => {
    const payload = openedIssue({ body: FORM_BODY, labels: [] });
    expect(classifyTaskEvent({ name: 'issues', payload })).toEqual({
      kind: 'issue-request',
      repository: {
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        defaultBranch: payload.repository.default_branch,
      },
      issueNumber: payload.issue.number,
      issueBody: FORM_BODY,
      requester: payload.sender.login,
      requesterId: payload.sender.id,
      requesterType: payload.sender.type,
      trigger: 'opened',
      labels: [],
      fromForm: true,
      triggerKey: 'opened',
    });
  });

  it('names a labeling by when it happened, so a redelivery of it is the same trigger and a relabeling is not', () => {
    const labeled = (updatedAt: string) => {
      const payload = webhookExample('issues', 'labeled');
      payload.issue.body = FORM_BODY;
      payload.label = { name: 'implementation' };
      payload.issue.updated_at = updatedAt;
      return classifyTaskEvent({ name: 'issues', payload });
    };
    expect(labeled('2026-11-24T10:00:00Z')).toMatchObject({ triggerKey: 'labeled@2026-11-24T10:00:00Z' });
    expect(labeled('2026-11-24T10:00:00Z')).toEqual(labeled('2026-11-24T10:00:00Z'));
    expect(labeled('2026-11-25T08:00:00Z')).toMatchObject({ triggerKey: 'labeled@2026-11-25T08:00:00Z' });
  });

  it('ignores an ordinary issue without labels', () => {
    const payload = openedIssue({ body: 'The checkout page is slow on mobile.', labels: [] });
    expectIgnored({ name: 'issues', payload }, /neither from the request form nor labeled/);
  });

  it('ignores an issue opened with no body at all', () => {
    expectIgnored({ name: 'issues', payload: openedIssue({ body: null, labels: [] }) }, /neither/);
  });

  it('passes the labels of an ordinary labeled issue on for the trigger-label check', () => {
    const payload = openedIssue({ body: 'Please build an orders API.', labels: ['implementation', 'bug'] });
    expect(classifyTaskEvent({ name: 'issues', payload })).toMatchObject({
      kind: 'issue-request',
      trigger: 'opened',
      labels: ['implementation', 'bug'],
      fromForm: false,
      issueBody: 'Please build an orders API.',
    });
  });

  it('on issues.labeled reports just the added label and never counts the form', () => {
    const payload = webhookExample('issues', 'labeled');
    payload.issue.body = FORM_BODY;
    payload.issue.labels = [{ name: 'bug' }, { name: 'implementation' }];
    payload.label = { ...payload.label, name: 'implementation' };
    expect(classifyTaskEvent({ name: 'issues', payload })).toMatchObject({
      kind: 'issue-request',
      trigger: 'labeled',
      labels: ['implementation'],
      fromForm: false,
      issueNumber: payload.issue.number,
    });
  });

  it('ignores issues.labeled when the payload carries no label', () => {
    const payload = webhookExample('issues', 'labeled');
    delete payload.label;
    expectIgnored({ name: 'issues', payload }, /neither/);
  });

  it('an issues.edited that rewrote the body is a request edit by its sender (review 9m)', () => {
    const payload = webhookExample('issues', 'edited');
    payload.issue.body = FORM_BODY;
    payload.issue.updated_at = '2026-11-30T12:00:00Z';
    payload.changes = { body: { from: 'before' } };
    payload.sender = { ...payload.sender, login: 'octo-editor', id: 4242, type: 'User' };
    expect(classifyTaskEvent({ name: 'issues', payload })).toMatchObject({
      kind: 'request-edited',
      issueNumber: payload.issue.number,
      editor: { login: 'octo-editor', id: 4242, type: 'User' },
      triggerKey: 'edited@2026-11-30T12:00:00Z',
    });
  });

  it("ignores an issues.edited that left the body as it was (a title's edit), and a bot's edit", () => {
    const titled = webhookExample('issues', 'edited');
    titled.issue.body = FORM_BODY;
    titled.changes = { title: { from: 'before' } };
    expectIgnored({ name: 'issues', payload: titled }, /left the issue body as it was/);
    const byBot = webhookExample('issues', 'edited');
    byBot.changes = { body: { from: 'before' } };
    byBot.sender = { ...byBot.sender, login: 'other-app[bot]', type: 'Bot' };
    expectIgnored({ name: 'issues', payload: byBot }, /is a bot/);
  });

  it.each(['unlabeled', 'reopened', 'assigned', 'locked'])(
    'ignores issues.%s even on a form issue',
    (action) => {
      const payload = webhookExample('issues', action);
      payload.issue.body = FORM_BODY;
      expectIgnored({ name: 'issues', payload }, new RegExp(`issues\\.${action} does not start`));
    },
  );

  it('ignores issue events on pull requests', () => {
    const payload = openedIssue({ body: FORM_BODY, labels: ['implementation'] });
    payload.issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' };
    expectIgnored({ name: 'issues', payload }, /pull requests are not requests/);
  });

  it('ignores issues opened by a bot', () => {
    const payload = openedIssue({ body: FORM_BODY, labels: ['implementation'] });
    payload.sender = { ...payload.sender, login: 'implementation-agent[bot]', type: 'Bot' };
    expectIgnored({ name: 'issues', payload }, /implementation-agent\[bot\] is a bot/);
  });
});

describe('classifyTaskEvent: issue_comment', () => {
  it('reads `/implement` with a fenced payload as an implement command carrying the whole comment', () => {
    const body = ['/implement', '', '```json', JSON.stringify(REQUEST), '```'].join('\n');
    const payload = newComment(body);
    payload.issue.body = 'Earlier discussion';
    expect(classifyTaskEvent({ name: 'issue_comment', payload })).toEqual({
      kind: 'implement-comment',
      repository: {
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        defaultBranch: payload.repository.default_branch,
      },
      issueNumber: payload.issue.number,
      issueBody: 'Earlier discussion',
      commentId: payload.comment.id,
      commentBody: body,
      commentedAt: payload.comment.created_at,
      requester: payload.sender.login,
      requesterId: payload.sender.id,
      requesterType: payload.sender.type,
      issueAuthor: {
        login: payload.issue.user.login,
        id: payload.issue.user.id,
        type: payload.issue.user.type,
      },
      triggerKey: `comment:${payload.comment.id}`,
    });
  });

  it('reads a bare `/implement`, after blank lines and in any case, as an implement command', () => {
    for (const body of ['/implement', '\n\n  /Implement please\n', '/IMPLEMENT\r\nnow']) {
      expect(classifyTaskEvent({ name: 'issue_comment', payload: newComment(body) })).toMatchObject({
        kind: 'implement-comment',
        commentBody: body,
      });
    }
  });

  it('reads `/approve` as an approval by the commenter', () => {
    const payload = newComment('/approve');
    expect(classifyTaskEvent({ name: 'issue_comment', payload })).toMatchObject({
      kind: 'approve-comment',
      issueNumber: payload.issue.number,
      commentId: payload.comment.id,
      approver: payload.sender.login,
      approverId: payload.sender.id,
    });
  });

  it.each([
    ['an ordinary comment', "You are totally right! I'll get this fixed right away."],
    ['a command that is not on the first line', 'Looks good.\n/implement'],
    ['a command word without its slash', 'implement this please'],
    ['an empty comment', ''],
  ])('ignores %s', (_label, body) => {
    expectIgnored({ name: 'issue_comment', payload: newComment(body) }, /holds no command/);
  });

  it('passes a mistyped command on to be answered with help, instead of ignoring it', () => {
    expect(
      classifyTaskEvent({ name: 'issue_comment', payload: newComment('/implementation is next week') }),
    ).toMatchObject({
      kind: 'chat-command',
      commentBody: '/implementation is next week',
      onPullRequest: false,
    });
  });

  it('passes deploy commands on, from issues and pull requests, with when they were written', () => {
    const payload = newComment('/deploy staging --dry-run');
    payload.issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' };
    expect(classifyTaskEvent({ name: 'issue_comment', payload })).toEqual({
      kind: 'chat-command',
      repository: { owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master' },
      issueNumber: payload.issue.number,
      onPullRequest: true,
      commentId: payload.comment.id,
      commentBody: '/deploy staging --dry-run',
      commentedAt: payload.comment.created_at,
      author: payload.sender.login,
      authorId: payload.sender.id,
    });
  });

  it('ignores edited and deleted comments, even when they hold a command', () => {
    for (const action of ['edited', 'deleted']) {
      const payload = webhookExample('issue_comment', action);
      payload.comment.body = '/implement';
      expectIgnored({ name: 'issue_comment', payload }, /only new comments/);
    }
  });

  it('ignores commands from bots', () => {
    const payload = newComment('/approve');
    payload.sender = { ...payload.sender, login: 'renovate[bot]', type: 'Bot' };
    expectIgnored({ name: 'issue_comment', payload }, /renovate\[bot\] is a bot/);
  });

  it.each(['/implement', '/approve'])(
    'hands %s on a pull request to the command handler, which answers where it works',
    (body) => {
      const payload = newComment(body);
      payload.issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' };
      expect(classifyTaskEvent({ name: 'issue_comment', payload })).toMatchObject({
        kind: 'chat-command',
        onPullRequest: true,
        commentBody: body,
      });
    },
  );
});

describe('classifyTaskEvent: dispatch', () => {
  it('reads a workflow_dispatch `request` input as a dispatch with a parsed request', () => {
    const payload = webhookExample('workflow_dispatch');
    payload.inputs = { request: JSON.stringify(REQUEST) };
    expect(classifyTaskEvent({ name: 'workflow_dispatch', payload })).toEqual({
      kind: 'dispatch',
      repository: {
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        defaultBranch: payload.repository.default_branch,
      },
      requester: payload.sender.login,
      requesterId: payload.sender.id,
      requesterType: payload.sender.type,
      request: expect.objectContaining({ kind: 'parsed', channel: 'workflow_dispatch', candidate: REQUEST }),
      requestId: requestDigest(payload.inputs),
      triggerKey: `dispatch:${requestDigest(payload.inputs)}`,
    });
  });

  it('gives a dispatch the request id its sender chose, or the digest of its payload', () => {
    const dispatched = (clientPayload: unknown) =>
      classifyTaskEvent({
        name: 'repository_dispatch',
        payload: {
          ...webhookExample('repository_dispatch'),
          action: 'implementation-request',
          client_payload: clientPayload,
        },
      });
    expect(dispatched({ ...REQUEST, request_id: 'ORD-1234' })).toMatchObject({
      requestId: 'ORD-1234',
      triggerKey: 'dispatch:ORD-1234',
    });
    // The same payload with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(REQUEST).reverse());
    expect(dispatched(reordered)).toMatchObject({ requestId: requestDigest(REQUEST) });
    // An id that is not plain (spaces, markup) is used by its digest, never as written.
    expect(dispatched({ ...REQUEST, request_id: 'ticket <b>9</b>' })).toMatchObject({
      requestId: requestDigest('ticket <b>9</b>'),
    });
  });

  it('passes a malformed workflow_dispatch request on as rejected, for the error answer', () => {
    const payload = webhookExample('workflow_dispatch');
    payload.inputs = { request: '{"execution_request": {' };
    expect(classifyTaskEvent({ name: 'workflow_dispatch', payload })).toMatchObject({
      kind: 'dispatch',
      request: { kind: 'rejected', channel: 'workflow_dispatch' },
    });
  });

  it('ignores a workflow_dispatch without any request inputs', () => {
    expectIgnored(
      { name: 'workflow_dispatch', payload: webhookExample('workflow_dispatch') },
      /without a request/,
    );
  });

  it('reads a repository_dispatch of type implementation-request from its client_payload', () => {
    const payload = webhookExample('repository_dispatch');
    payload.action = 'implementation-request';
    payload.client_payload = REQUEST;
    expect(classifyTaskEvent({ name: 'repository_dispatch', payload })).toMatchObject({
      kind: 'dispatch',
      repository: { owner: payload.repository.owner.login, repo: payload.repository.name },
      requester: payload.sender.login,
      requesterId: payload.sender.id,
      requesterType: payload.sender.type,
      request: { kind: 'parsed', channel: 'repository_dispatch', candidate: REQUEST },
    });
  });

  it('accepts a repository_dispatch sent by a bot, since upstream systems use it', () => {
    const payload = webhookExample('repository_dispatch');
    payload.action = 'implementation-request';
    payload.client_payload = { request: JSON.stringify(REQUEST) };
    payload.sender = { ...payload.sender, login: 'planner[bot]', type: 'Bot' };
    expect(classifyTaskEvent({ name: 'repository_dispatch', payload })).toMatchObject({
      kind: 'dispatch',
      requester: 'planner[bot]',
      request: { kind: 'parsed', candidate: REQUEST },
    });
  });

  it('ignores other repository_dispatch types', () => {
    const payload = webhookExample('repository_dispatch');
    expect(payload.action).not.toBe('implementation-request');
    expectIgnored({ name: 'repository_dispatch', payload }, /not "implementation-request"/);
  });
});

describe('classifyTaskEvent: anything else', () => {
  it.each(['push', 'check_suite', 'installation'])('ignores the %s event', (name) => {
    expectIgnored({ name, payload: webhookExample('issues', 'opened') }, new RegExp(`the ${name} event`));
  });

  it('ignores a pull_request event whose payload is not a pull request’s', () => {
    expectIgnored(
      { name: 'pull_request', payload: webhookExample('issues', 'opened') },
      /the pull_request payload is not one GitHub sends/,
    );
  });

  it.each([
    ['issues', null],
    ['issues', 'not an object'],
    ['issues', { action: 'opened' }],
    ['issue_comment', { action: 'created', issue: { number: 1 } }],
    ['workflow_dispatch', { inputs: { request: '{}' } }],
    ['repository_dispatch', { action: 'implementation-request', client_payload: REQUEST }],
  ])('ignores a malformed %s payload with a reason instead of throwing', (name, payload) => {
    expectIgnored({ name, payload }, new RegExp(`the ${name} payload is not one GitHub sends`));
  });

  it('ignores payloads whose fields have the wrong types', () => {
    const issue = openedIssue({ body: FORM_BODY, labels: [] });
    issue.issue.number = 'seven';
    expectIgnored({ name: 'issues', payload: issue }, /not one GitHub sends/);
    const comment = newComment('/implement');
    comment.comment.id = null;
    expectIgnored({ name: 'issue_comment', payload: comment }, /not one GitHub sends/);
  });
});

describe("classifyTaskEvent: the sender's account id", () => {
  it('a sender without a usable id is still classified, by login alone', () => {
    for (const id of [undefined, 'not-a-number', -1]) {
      const payload = newComment('/implement');
      (payload.sender as { id?: unknown }).id = id;
      const event = classifyTaskEvent({ name: 'issue_comment', payload });
      expect(event).toMatchObject({ kind: 'implement-comment', requester: payload.sender.login });
      expect(event).not.toHaveProperty('requesterId');
    }
  });
});
