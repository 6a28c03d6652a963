import { textWithoutValues, withoutValues } from '../../../src/core/secrets/without-values.js';
import { escapeInlineText } from '../../../src/core/markdown/escape-inline-text.js';

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

describe('textWithoutValues: a value escaped for Markdown before it was looked for', () => {
  it.each([['Zq8*vR2mL0pWx7Nt'], ['Zq8[vR2]pWx7'], ['Zq8<vR2mL0pWx7'], ['p@ssW0rd-Long-1x'], ['-lead_ing']])(
    'finds %s as escapeInlineText wrote it, inside a line and at its start',
    (value) => {
      const inside = escapeInlineText({ text: value, atLineStart: false });
      const start = escapeInlineText({ text: value, atLineStart: true });
      expect(textWithoutValues(`x ${inside} y`, [value], M)).toBe(`x ${M} y`);
      expect(textWithoutValues(`${start} y`, [value], M)).toBe(`${M} y`);
    },
  );
});
