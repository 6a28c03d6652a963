import { escapeMarkdown } from '../../../src/core/text/escape-markdown.js';

describe('escapeMarkdown', () => {
  it('neutralises mentions, HTML, code spans, emphasis, links and table pipes', () => {
    expect(escapeMarkdown('@team <b>x</b> `y` *z* [l](u) a|b')).toBe(
      '@&#8203;team &lt;b&gt;x&lt;/b&gt; &#96;y&#96; \\*z\\* \\[l\\]\\(u\\) a\\|b',
    );
  });

  it('keeps the text on one line', () => {
    expect(escapeMarkdown('one\r\ntwo\nthree')).toBe('one two three');
  });

  it('escapes an existing entity and backslash so they show literally', () => {
    expect(escapeMarkdown('&amp; \\')).toBe('&amp;amp; \\\\');
  });
});
