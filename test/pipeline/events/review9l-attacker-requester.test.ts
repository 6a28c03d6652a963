// Attacker pass 9l (test-only) on who the requester of a task is
// (src/pipeline/events/classify-task-event.ts → requester, requester_id, requester_type on the
// marker → review-policy.ts's requester rule, `review.allow_self_approval` default false). The
// rule is there so that whoever asked for a change is not the one writer whose approval lets it
// merge (issue #9 item 2). Attacked: a request whose text one writer wrote and another writer
// only started (a label, `/implement` with no block of its own).
import { describe, expect, it } from '@jest/globals';
import { classifyTaskEvent } from '../../../src/pipeline/events/classify-task-event.js';
import { readExample, webhookExample } from '../../fixtures/webhook-payloads.js';

const FORM_BODY = readExample('orders-api.issue.md');
const AUTHOR = { login: 'request-author-alice', id: 5101, type: 'User' };
const STARTER = { login: 'label-adder-bob', id: 5102, type: 'User' };

/** Every login the classified event carries, wherever it carries them. */
const loginsIn = (event: unknown): string => JSON.stringify(event);

describe('attacker 9l: the request text is one writer’s, the start another’s', () => {
  it('control: an issue opened from the form names its author as the requester', () => {
    const payload = webhookExample('issues', 'opened');
    payload.issue.body = FORM_BODY;
    payload.issue.user = { ...payload.issue.user, ...AUTHOR };
    payload.sender = { ...payload.sender, ...AUTHOR };
    expect(classifyTaskEvent({ name: 'issues', payload })).toMatchObject({
      kind: 'issue-request',
      requester: AUTHOR.login,
    });
  });

  // Alice (write access) writes the request in an issue without the trigger label; Bob (write
  // access) adds the label. The task's requester is Bob, so the requester rule sets Bob's approval
  // aside, and Alice's approval of the change she asked for is the one that counts: her own request
  // is approved by herself, which `allow_self_approval: false` was set to prevent.
  it('(was a FAULT) a labeled issue keeps its author (who wrote the request) as a requester whose approval is set aside — not only the labeler', () => {
    const payload = webhookExample('issues', 'labeled');
    payload.issue.body = FORM_BODY;
    payload.issue.user = { ...payload.issue.user, ...AUTHOR };
    payload.label = { ...payload.label, name: 'implementation' };
    payload.sender = { ...payload.sender, ...STARTER };
    const event = classifyTaskEvent({ name: 'issues', payload });
    expect(event).toMatchObject({ kind: 'issue-request' });
    expect(loginsIn(event)).toContain(AUTHOR.login);
  });

  it('(was a FAULT) `/implement` with no block of its own, run from the issue body, keeps the issue author as a requester — not only the commenter', () => {
    const payload = webhookExample('issue_comment', 'created');
    payload.issue.body = FORM_BODY;
    payload.issue.user = { ...payload.issue.user, ...AUTHOR };
    delete payload.issue.pull_request;
    payload.comment.body = '/implement';
    payload.sender = { ...payload.sender, ...STARTER };
    const event = classifyTaskEvent({ name: 'issue_comment', payload });
    expect(event).toMatchObject({ kind: 'implement-comment' });
    expect(loginsIn(event)).toContain(AUTHOR.login);
  });
});
