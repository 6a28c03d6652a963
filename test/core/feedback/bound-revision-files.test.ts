import { boundRevisionFiles } from '../../../src/core/feedback/bound-revision-files.js';

const files = new Map([
  ['a.ts', 'x'.repeat(10)],
  ['big.ts', 'y'.repeat(50)],
  ['b.ts', 'é'.repeat(10)],
  ['c.ts', 'z'.repeat(10)],
]);

describe('boundRevisionFiles: what a revision may show the model', () => {
  it('withholds a file over the per-file limit and keeps the order given', () => {
    const { shown, withheld } = boundRevisionFiles({
      files,
      maxFiles: 10,
      maxFileBytes: 20,
      maxTotalBytes: 1_000,
    });
    expect([...shown.keys()]).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(withheld).toEqual(['big.ts']);
  });

  it('counts UTF-8 bytes against the total, not characters', () => {
    // 'é' is two bytes: a.ts (10) + b.ts (20) is 30, over a 25-byte total.
    const { shown, withheld } = boundRevisionFiles({
      files,
      maxFiles: 10,
      maxFileBytes: 20,
      maxTotalBytes: 25,
    });
    expect([...shown.keys()]).toEqual(['a.ts', 'c.ts']);
    expect(withheld).toEqual(['big.ts', 'b.ts']);
  });

  it('stops at the file count', () => {
    const { shown, withheld } = boundRevisionFiles({
      files,
      maxFiles: 1,
      maxFileBytes: 100,
      maxTotalBytes: 1_000,
    });
    expect([...shown.keys()]).toEqual(['a.ts']);
    expect(withheld).toEqual(['big.ts', 'b.ts', 'c.ts']);
  });
});
