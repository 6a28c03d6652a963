import { reopenedSinceCancel } from '../../../src/core/review/reopened-since-cancel.js';

describe('reopenedSinceCancel: whether a cancelled task’s open pull request was reopened', () => {
  it.each([
    ['the reopen itself', {}, 'pull_request.reopened', true],
    [
      'a review after a close the task recorded',
      { cancelled_by_close: true as const },
      'pull_request_review.submitted',
      true,
    ],
    ['a review after /cancel (the PR never closed)', {}, 'pull_request_review.submitted', false],
    ['a push after /cancel', {}, 'pull_request.synchronize', false],
    ['an inline comment after /cancel', {}, 'pull_request_review_comment.created', false],
  ])('%s', (_name, marker, event, reopened) => {
    expect(reopenedSinceCancel({ marker, event })).toBe(reopened);
  });
});
