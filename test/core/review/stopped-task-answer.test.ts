import { stoppedTaskAnswer } from '../../../src/core/review/stopped-task-answer.js';

const base = { sender: { login: 'octocat' }, pullNumber: 2, issueNumber: 1 };

describe('stoppedTaskAnswer: a /cancel’ed task’s pull request closed or reopened', () => {
  it('answers the reopen once, naming /retry', () => {
    const answer = stoppedTaskAnswer({ ...base, event: 'pull_request.reopened', marker: {}, open: true });
    expect(answer?.details).toContain('stays cancelled');
    expect(answer?.details).toContain('`/retry` on issue #1');
    expect(answer?.reply).toBe(`@octocat: ${answer?.details}`);
  });

  it('says nothing to a reopen already answered, nor to other events on the open pull request', () => {
    const answered = { handled_triggers: ['reopen:2'] };
    expect(
      stoppedTaskAnswer({ ...base, event: 'pull_request.reopened', marker: answered, open: true }),
    ).toBeUndefined();
    expect(
      stoppedTaskAnswer({ ...base, event: 'pull_request_review.submitted', marker: {}, open: true }),
    ).toBeUndefined();
  });

  it('a close after an answered reopen forgets it (no reply); an unanswered one says nothing', () => {
    expect(
      stoppedTaskAnswer({
        ...base,
        event: 'pull_request.closed',
        marker: { handled_triggers: ['reopen:2'] },
        open: false,
      }),
    ).toEqual({ details: 'pull request #2 was closed; the task stays cancelled.' });
    expect(
      stoppedTaskAnswer({ ...base, event: 'pull_request.closed', marker: {}, open: false }),
    ).toBeUndefined();
  });

  it('a reopen of another pull request’s answer does not count for this one', () => {
    const other = { handled_triggers: ['reopen:12'] };
    expect(
      stoppedTaskAnswer({ ...base, event: 'pull_request.reopened', marker: other, open: true }),
    ).toBeDefined();
  });
});
