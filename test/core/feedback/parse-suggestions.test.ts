import { parseSuggestions } from '../../../src/core/feedback/parse-suggestions.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../../../src/core/untrusted/untrusted-input-limits.js';

describe('parseSuggestions: ```suggestion blocks as GitHub renders them', () => {
  it('reads one block’s lines exactly, whatever the comment’s line endings', () => {
    const body = 'Rename it:\r\n```suggestion\r\n  const total = 1;\t\r\n\r\n```\r\n';
    expect(parseSuggestions(body)).toEqual({ ok: true, suggestions: [['  const total = 1;\t', '']] });
  });

  it('reads an empty block as a deletion and keeps several blocks in order', () => {
    const body = '```suggestion\n```\n\ntext\n\n~~~~ Suggestion\na\nb\n~~~~\n';
    expect(parseSuggestions(body)).toEqual({ ok: true, suggestions: [[], ['a', 'b']] });
  });

  it('keeps a longer fence that holds backticks', () => {
    const body = '````suggestion\n```js\ncode\n```\n````';
    expect(parseSuggestions(body)).toEqual({ ok: true, suggestions: [['```js', 'code', '```']] });
  });

  it('does not take other fences, quoted suggestions or suggestions in lists', () => {
    const body =
      '```ts\nnot this\n```\n\n> ```suggestion\n> quoted\n> ```\n\n- ```suggestion\n  listed\n  ```\n';
    expect(parseSuggestions(body)).toEqual({ ok: true, suggestions: [] });
  });

  it('refuses a body longer than GitHub accepts without parsing it', () => {
    const result = parseSuggestions('x'.repeat(MAX_UNTRUSTED_TEXT_LENGTH + 1));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('longer') });
  });
});
