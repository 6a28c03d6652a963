import { commentSafe } from '../../../../src/generation/offline/naming/comment-safe.js';

describe('commentSafe', () => {
  it('removes comment terminators, including ones formed by removing another', () => {
    expect(commentSafe('a */ b')).toBe('a b');
    expect(commentSafe('x **// y')).toBe('x y');
    expect(commentSafe('***///')).toBe('');
  });

  it('puts every kind of line break and control character on one line', () => {
    const safe = commentSafe('one\ntwo\r\nthree\u2028four\u2029five\u0000six\u0085seven');
    expect(safe).toBe('one two three four five six seven');
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('shortens long text', () => {
    expect(commentSafe('word '.repeat(100), 20)).toHaveLength(20);
  });
});
