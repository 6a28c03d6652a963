import { whyFeedbackIsNotTaken } from '../../../src/core/feedback/why-feedback-is-not-taken.js';
import { TASK_STATES } from '../../../src/core/state/task-state.js';

describe('whyFeedbackIsNotTaken', () => {
  it('takes feedback only while the pull request is under review', () => {
    const taken = TASK_STATES.filter(
      (state) => whyFeedbackIsNotTaken({ state, issueNumber: 1 }) === undefined,
    );
    expect(taken).toEqual(['pr_open', 'changes_requested', 'approved']);
  });

  it('says a held task waits for /approve, and names the issue', () => {
    expect(whyFeedbackIsNotTaken({ state: 'held', issueNumber: 7 })).toMatch(/held.*issue #7.*\/approve/);
  });

  it('says a cancelled or merged task is not under review', () => {
    expect(whyFeedbackIsNotTaken({ state: 'cancelled', issueNumber: 7 })).toContain('cancelled');
    expect(whyFeedbackIsNotTaken({ state: 'merged', issueNumber: 7 })).toContain('not under review');
  });
});
