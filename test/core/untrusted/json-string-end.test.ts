import { describe, expect, it } from '@jest/globals';
import { jsonStringEnd } from '../../../src/core/untrusted/json-string-end.js';

describe('jsonStringEnd', () => {
  it.each([
    ['a plain string', '"ab", 1', 0, 4],
    ['an escaped quote inside', '"a\\"b" x', 0, 6],
    ['an escaped backslash before the close', '"a\\\\" x', 0, 5],
    ['a string further on', '{ "k": 1 }', 2, 5],
    ['an unclosed string', '"ab', 0, 3],
    ['an escape at the very end', '"ab\\', 0, 4],
  ])('%s', (_name, text, start, end) => {
    expect(jsonStringEnd(text, start)).toBe(end);
  });
});
