import { textWithoutValues, withoutValues } from '../../../src/core/secrets/without-values.js';

const M = '[REDACTED:no-echo]';

describe('withoutValues: declared secret values leave every string', () => {
  it('replaces the value as written, once and twice JSON-escaped', () => {
    const value = 'p"a\\ss';
    const once = JSON.stringify(value).slice(1, -1);
    const twice = JSON.stringify(once).slice(1, -1);
    const text = `raw ${value} json ${once} twice ${twice}`;
    expect(textWithoutValues(text, [value], M)).toBe(`raw ${M} json ${M} twice ${M}`);
  });

  it('walks arrays and objects, keys too, and keeps other values', () => {
    expect(withoutValues({ a: ['x-secret-y', 3], secret: { b: true, c: null } }, ['secret'], M)).toEqual({
      a: [`x-${M}-y`, 3],
      [M]: { b: true, c: null },
    });
  });

  it('no values: the same object back', () => {
    const data = { a: 'b' };
    expect(withoutValues(data, [], M)).toBe(data);
  });
});
