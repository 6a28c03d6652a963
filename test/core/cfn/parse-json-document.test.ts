import { parseJsonDocument, positionAt } from '../../../src/core/cfn/parse-json-document.js';

describe('parseJsonDocument', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJsonDocument('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('turns the offset of an error into a line and column', () => {
    expect(parseJsonDocument('{\n  "a": 1,\n  "b": nope\n}')).toMatchObject({
      ok: false,
      position: { line: 3, column: 8 },
    });
  });

  it('places an unexpected end at the end of the text', () => {
    expect(parseJsonDocument('{\n  "a": [1,')).toMatchObject({
      ok: false,
      position: { line: 2, column: 11 },
    });
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
