import { locateJsonError } from '../../../src/core/cfn/locate-json-error.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locateJsonError', () => {
  it.each([
    ['{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}', undefined],
    ['  []  ', undefined],
    ['{"a": 1,}', { offset: 8, message: 'expected a double-quoted property name, found "}"' }],
    ["{'a': 1}", { offset: 1, message: `expected a double-quoted property name, found "'"` }],
    ['{"a" 1}', { offset: 5, message: 'expected ":" after the property name, found "1"' }],
    ['[1 2]', { offset: 3, message: 'expected "," or "]", found "2"' }],
    ['{"a": nope}', { offset: 6, message: 'unexpected "n"' }],
    ['[01]', { offset: 2, message: 'expected "," or "]", found "1"' }],
    ['"tab\there"', { offset: 4, message: 'control character in string (escape it, e.g. \\n)' }],
    ['"\\x"', { offset: 1, message: 'invalid escape sequence in string' }],
    ['{"a": "open', { offset: 11, message: 'unterminated string' }],
    ['[1,', { offset: 3, message: 'unexpected end of input' }],
    ['{} {}', { offset: 3, message: 'unexpected text after the JSON value' }],
    ['', { offset: 0, message: 'unexpected end of input' }],
  ])('%j → %j', (text, expected) => {
    expect(locateJsonError(text)).toEqual(expected);
    expect(parses(text)).toBe(expected === undefined);
  });
});
