import { decodeStringEscapes } from '../../../src/core/secrets/decode-string-escapes.js';
import { escapedStringRuns } from '../../../src/core/secrets/escaped-string-runs.js';

describe('decodeStringEscapes', () => {
  it("decodes JSON's and YAML's escapes one level wherever they are, and keeps unknown ones", () => {
    const { decoded } = decodeStringEscapes('a\\"b\\\\c\\/d\\u0041\\x42\\U00000043\\n \\q \\u12 \\');
    expect(decoded).toBe('a"b\\c/dABC\n \\q \\u12 \\');
  });

  it("decodes YAML's doubled single quote", () => {
    expect(decodeStringEscapes("'{''k'': ''v''}'").decoded).toBe("'{'k': 'v'}'");
  });

  it('maps each decoded character back to where it is written', () => {
    const source = 'x\\u0041\\"y';
    const { decoded, sourceOffsets } = decodeStringEscapes(source);
    expect(decoded).toBe('xA"y');
    expect(sourceOffsets).toEqual([0, 1, 7, 9, 10]);
  });
});

describe('escapedStringRuns', () => {
  it('finds escaped string content framed by quotes, unframed and cut off, on both sides of every quote', () => {
    const text = 'say "a\\"b" then {\\"k\\":\\"v\\"} and "cut \\u0041';
    expect(escapedStringRuns(text).map((run) => run.decoded)).toEqual([
      'a"b',
      ' then {"k":"v"} and ',
      'cut A',
    ]);
  });

  it('ends a run at a line break or an escape JSON does not know', () => {
    const text = 'one \\n two\nthree \\x41 \\t four';
    expect(escapedStringRuns(text).map((run) => text.slice(run.start, run.end))).toEqual([
      'one \\n two',
      'x41 \\t four',
    ]);
  });
});
