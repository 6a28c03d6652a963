import { stripJsonComments } from '../../../src/core/gates/strip-json-comments.js';

describe('stripJsonComments', () => {
  it('removes comments and trailing commas so the result parses', () => {
    const text = '{\n  /* block\n  comment */ "a": 1, // line\n  "b": [1, 2, ],\n}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ a: 1, b: [1, 2] });
  });

  it('keeps line breaks and length so error positions stay true', () => {
    const text = '{\n  /* two\n lines */ "a": 1 // end\n}';
    const stripped = stripJsonComments(text);
    expect(stripped).toHaveLength(text.length);
    expect(stripped.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('leaves comment markers and ",}" inside strings alone', () => {
    const text = '{ "url": "https://x/*y*/", "s": "a,}", "q": "say \\"//hi\\"" }';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ url: 'https://x/*y*/', s: 'a,}', q: 'say "//hi"' });
  });
});
