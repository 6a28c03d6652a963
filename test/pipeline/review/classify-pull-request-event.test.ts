import { classifyTaskEvent } from '../../../src/pipeline/events/classify-task-event.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';

const BRANCH = 'implementation/7-orders-api';

function onTaskBranch(name: string, action: string) {
  const payload = webhookExample(name, action);
  payload.pull_request.head.ref = BRANCH;
  return payload;
}

describe('classifyTaskEvent: pull request events', () => {
  it.each([
    ['pull_request', 'opened', false],
    ['pull_request', 'synchronize', false],
    ['pull_request', 'closed', false],
    ['pull_request', 'reopened', false],
    // The example review is a commented one: it may be feedback addressed to the agent.
    ['pull_request_review', 'submitted', true],
    ['pull_request_review', 'dismissed', false],
    ['pull_request_review_comment', 'created', true],
  ])('%s.%s on a task branch is the task’s (may carry feedback: %s)', (name, action, feedback) => {
    const payload = onTaskBranch(name, action);
    expect(classifyTaskEvent({ name, payload })).toEqual({
      kind: 'pull-request',
      repository: { owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master' },
      pullNumber: 2,
      issueNumber: 7,
      event: `${name}.${action}`,
      // The head the event names, lower-cased: a push is recorded against it (the pusher rule).
      headSha: payload.pull_request.head.sha.toLowerCase(),
      ...(feedback ? { mayCarryFeedback: true } : {}),
      // Who GitHub says acted: manual mode reviews only a person's push. With the account id
      // (review #9h: a pusher stays the same account through a rename).
      sender: { login: 'Codertocat', type: 'User', id: payload.sender.id },
      // A push's `before`: pushes between the recorded head and it were never seen (review #9h).
      ...(action === 'synchronize' ? { before: payload.before.toLowerCase() } : {}),
      // A review delivery carries its review: the sync counts it before GitHub's list shows it.
      ...(name === 'pull_request_review'
        ? {
            review: {
              id: payload.review.id,
              state: payload.review.state.toUpperCase(),
              user: {
                login: payload.review.user.login,
                type: payload.review.user.type,
                id: payload.review.user.id,
              },
              commit_id: payload.review.commit_id,
              submitted_at: payload.review.submitted_at,
            },
          }
        : {}),
    });
  });

  // GitHub has no edited example: the opened one with the edit's fields (`changes`, docs.github.com
  // "Webhook events and payloads", pull_request edited).
  function edited(changes: Record<string, unknown>) {
    const payload = onTaskBranch('pull_request', 'opened');
    payload.action = 'edited';
    payload.changes = changes;
    return payload;
  }

  it('pull_request.edited that changed the base is the task’s: automated mode must fall back', () => {
    const payload = edited({ base: { ref: { from: 'main' }, sha: { from: 'a'.repeat(40) } } });
    expect(classifyTaskEvent({ name: 'pull_request', payload })).toMatchObject({
      kind: 'pull-request',
      pullNumber: 2,
      issueNumber: 7,
      event: 'pull_request.edited',
    });
  });

  it.each([
    ['the title', { title: { from: 'Old title' } }],
    ['the body', { body: { from: 'Old body' } }],
    ['nothing said', undefined],
  ])('pull_request.edited that changed %s moves no task', (_what, changes) => {
    const payload = edited(changes ?? {});
    if (changes === undefined) delete payload.changes;
    expect(classifyTaskEvent({ name: 'pull_request', payload })).toEqual({
      kind: 'ignored',
      reason: 'pull_request.edited changed the title or body only, which moves no task',
    });
  });

  it('an approving review carries no feedback', () => {
    const payload = onTaskBranch('pull_request_review', 'submitted');
    payload.review.state = 'approved';
    expect(classifyTaskEvent({ name: 'pull_request_review', payload })).not.toHaveProperty(
      'mayCarryFeedback',
    );
  });

  it.each([
    ['pull_request', 'labeled'],
    ['pull_request', 'assigned'],
    ['pull_request_review_comment', 'edited'],
  ])('%s.%s moves nothing', (name, action) => {
    expect(classifyTaskEvent({ name, payload: onTaskBranch(name, action) })).toMatchObject({
      kind: 'ignored',
    });
  });

  it('ignores a branch that is not a task branch', () => {
    expect(
      classifyTaskEvent({ name: 'pull_request', payload: webhookExample('pull_request', 'closed') }),
    ).toEqual({
      kind: 'ignored',
      reason: 'pull request #2 is not on an implementation/<issue>-… branch',
    });
  });

  it('ignores a fork’s pull request, and one whose fork was deleted, whatever the branch is called', () => {
    const fork = onTaskBranch('pull_request_review', 'submitted');
    fork.pull_request.head.repo.full_name = 'someone/Hello-World';
    expect(classifyTaskEvent({ name: 'pull_request_review', payload: fork })).toMatchObject({
      kind: 'ignored',
    });
    const deleted = onTaskBranch('pull_request', 'closed');
    deleted.pull_request.head.repo = null;
    expect(classifyTaskEvent({ name: 'pull_request', payload: deleted })).toMatchObject({ kind: 'ignored' });
  });
});
