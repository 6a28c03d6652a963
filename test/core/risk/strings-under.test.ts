import { describe, expect, it } from '@jest/globals';
import { stringsUnder } from '../../../src/core/risk/strings-under.js';

describe('stringsUnder', () => {
  it("gives a value's strings at any depth, an object's values and never its keys", () => {
    expect(stringsUnder({ a: 'x', b: ['y', { c: 'z', d: 3, e: null }], keyOnly: true }, 8)).toEqual([
      'x',
      'y',
      'z',
    ]);
  });

  it('stops reading past the depth it is given', () => {
    const deep = { a: { b: { c: 'far' } }, near: 'near' };
    expect(stringsUnder(deep, 2)).toEqual(['far', 'near']);
    expect(stringsUnder(deep, 1)).toEqual(['near']);
  });
});
