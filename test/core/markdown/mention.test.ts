import { mention } from '../../../src/core/markdown/mention.js';

describe('mention', () => {
  it('mentions a GitHub login', () => {
    expect(mention('octo-cat')).toBe('@octo-cat');
  });

  it('shows anything else literally, so it cannot notify a team or another user', () => {
    expect(mention('org/team')).toBe('org/team');
    expect(mention('x @octocat')).toBe('x @\u200Boctocat');
    expect(mention('github-actions[bot]')).toBe('github-actions\\[bot\\]');
  });
});
