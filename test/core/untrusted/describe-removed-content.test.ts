import { describeRemovedContent } from '../../../src/core/untrusted/describe-removed-content.js';
import { mergeRemovedContent } from '../../../src/core/untrusted/removed-content.js';

describe('describeRemovedContent', () => {
  it('says what was removed in words', () => {
    expect(describeRemovedContent([])).toBe('');
    expect(describeRemovedContent([{ kind: 'html-comment', count: 1 }])).toBe('1 HTML comment');
    expect(
      describeRemovedContent([
        { kind: 'html-comment', count: 2 },
        { kind: 'invisible-character', count: 1 },
        { kind: 'markdown-image', count: 3 },
      ]),
    ).toBe('2 HTML comments, 1 invisible character and 3 images (with their alt text)');
  });

  it('adds up removals from several texts', () => {
    expect(
      mergeRemovedContent([
        [{ kind: 'html-comment', count: 1 }],
        [
          { kind: 'html-tag', count: 2 },
          { kind: 'html-comment', count: 3 },
        ],
      ]),
    ).toEqual([
      { kind: 'html-comment', count: 4 },
      { kind: 'html-tag', count: 2 },
    ]);
  });
});
