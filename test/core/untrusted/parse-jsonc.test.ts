import { describe, expect, it } from '@jest/globals';
import { parseJsonc } from '../../../src/core/untrusted/parse-jsonc.js';

describe('parseJsonc', () => {
  it('drops comments and trailing commas outside strings only', () => {
    expect(
      parseJsonc('\uFEFF{ "a": "// not /* a comment */", // one\n "b": [1, 2, /* two */ ], "c": ",}", }'),
    ).toEqual({
      ok: true,
      value: { a: '// not /* a comment */', b: [1, 2], c: ',}' },
    });
    expect(parseJsonc('{ "a": "say \\"hi\\" // still text" }')).toEqual({
      ok: true,
      value: { a: 'say "hi" // still text' },
    });
  });

  it('reads a string to its closing quote: an escaped backslash ends none, an escaped quote does not close', () => {
    // `"C:\\"` ends at its second quote, so the comment and the trailing comma after it are dropped.
    expect(parseJsonc('{ "dir": "C:\\\\", // the root\n "tail": ["\\\\",] }')).toEqual({
      ok: true,
      value: { dir: 'C:\\', tail: ['\\'] },
    });
    // Comment openers inside a string, with no closer anywhere, are text.
    expect(parseJsonc('{ "a": "/* open", "b": "//" }')).toEqual({
      ok: true,
      value: { a: '/* open', b: '//' },
    });
  });

  it('reads an unterminated string to the end, comment markers and commas in it kept as text', () => {
    // An escaped quote leaves the string open: the `/*` after it is text, not an unclosed comment.
    expect(parseJsonc('{ "a": "x\\" /* }')).toEqual({ ok: false, why: 'it does not parse' });
    expect(parseJsonc('{ "a": "x\\"')).toEqual({ ok: false, why: 'it does not parse' });
    expect(parseJsonc('{ "a": "x\\')).toEqual({ ok: false, why: 'it does not parse' });
    expect(parseJsonc('{ "a": "x /* ,}')).toEqual({ ok: false, why: 'it does not parse' });
  });

  it('refuses what is not JSON with comments, an unclosed comment and a key named twice', () => {
    expect(parseJsonc("{ 'a': 1 }")).toEqual({ ok: false, why: 'it does not parse' });
    expect(parseJsonc('[1, , ]')).toEqual({ ok: false, why: 'it does not parse' });
    expect(parseJsonc('{ "a": 1 } /*')).toEqual({ ok: false, why: 'a comment is not closed' });
    expect(parseJsonc('{ "a": 1, "\\u0061": 2 }')).toEqual({ ok: false, why: 'it names a key twice' });
  });
});
