import { reopenedSinceCancel, reopenAnsweredKey } from '../../../src/core/review/reopened-since-cancel.js';

describe('reopenedSinceCancel: whether a cancelled task comes back with its open pull request', () => {
  it.each([
    ['cancelled by the close of its pull request', { cancelled_by_close: true as const }, true],
    ['stopped with /cancel (the close that followed did not cancel it)', {}, false],
  ])('%s', (_name, marker, reopened) => {
    expect(reopenedSinceCancel({ marker })).toBe(reopened);
  });

  it('names the reopen answer per pull request', () => {
    expect(reopenAnsweredKey(2)).toBe('reopen:2');
    expect(reopenAnsweredKey(2)).not.toBe(reopenAnsweredKey(12));
  });
});
