import { pathCollisions } from '../../../src/core/gates/path-collisions.js';

const described = (paths: string[]): string[] =>
  pathCollisions(paths).map(({ path, message }) => `${path}: ${message}`);

const FOLDING = 'on case-insensitive file systems (Windows, macOS)';
const NORMALISED = 'the same name once Unicode-normalised, as macOS stores names';

describe('pathCollisions', () => {
  it('finds nothing among distinct paths', () => {
    expect(described(['src/a.ts', 'src/b.ts', 'src/a/b.ts', 'test/a.ts', 'a.ts'])).toEqual([]);
  });

  it.each([
    ['caf\u00e9.ts', 'cafe\u0301.ts'],
    ['src/\u00c5ngstr\u00f6m.ts', 'src/A\u030angstro\u0308m.ts'],
    ['docs/\ud55c\uae00.md', 'docs/\u1112\u1161\u11ab\u1100\u1173\u11af.md'],
    ['src/\u212bngstr\u00f6m.ts', 'src/\u00c5ngstr\u00f6m.ts'],
  ])('reports the NFC/NFD pair %j and %j as one name', (composed, decomposed) => {
    expect(described([composed, decomposed])).toEqual([
      `${decomposed}: collides with "${composed}": ${NORMALISED}`,
    ]);
    expect(described([decomposed, composed])).toEqual([
      `${composed}: collides with "${decomposed}": ${NORMALISED}`,
    ]);
  });

  it('reports names that differ by case and normalisation at once as a case collision', () => {
    expect(described(['src/CAF\u00c9.ts', 'src/cafe\u0301.ts'])).toEqual([
      `src/cafe\u0301.ts: collides with "src/CAF\u00c9.ts" ${FOLDING}`,
    ]);
  });

  it('reports a directory spelt two ways, through a decomposed name too', () => {
    expect(described(['Src/a.ts', 'src/b.ts', 'caf\u00e9/x.md', 'cafe\u0301/y.md'])).toEqual([
      `src/b.ts: is in directory "src/", the same as "Src/" (in "Src/a.ts") ${FOLDING}`,
      `cafe\u0301/y.md: is in directory "cafe\u0301/", the same as "caf\u00e9/" (in "caf\u00e9/x.md") ${FOLDING}`,
    ]);
  });

  it('names the directory where the spellings first differ', () => {
    expect(described(['src/Orders/a/x.ts', 'src/orders/b/y.ts'])).toEqual([
      `src/orders/b/y.ts: is in directory "src/orders/", the same as "src/Orders/" (in "src/Orders/a/x.ts") ${FOLDING}`,
    ]);
  });

  it('reports a file used as a directory whichever comes first, once per file', () => {
    const expected = 'src/orders: is a file but also used as a directory by "src/orders/handler.ts"';
    expect(described(['src/orders', 'src/orders/handler.ts', 'src/orders/types.ts'])).toEqual([expected]);
    expect(described(['src/orders/handler.ts', 'src/orders/types.ts', 'src/orders'])).toEqual([expected]);
    expect(described(['src/orders/deep/x.ts', 'src/Orders'])).toEqual([
      'src/Orders: is a file but also used as a directory by "src/orders/deep/x.ts"',
    ]);
  });

  it('reports each repeat of a path', () => {
    expect(described(['a.ts', 'a.ts', 'A.ts', 'a.ts'])).toEqual([
      'a.ts: appears more than once in the bundle',
      `A.ts: collides with "a.ts" ${FOLDING}`,
      'a.ts: appears more than once in the bundle',
    ]);
  });

  it('is linear: 10,000 paths in one directory and 10,000 nested ones complete', () => {
    const flat = Array.from({ length: 10_000 }, (_, i) => `src/file-${i}.ts`);
    const nested = Array.from({ length: 10_000 }, (_, i) => `${'d/'.repeat(i % 50)}file-${i}.ts`);
    expect(pathCollisions(flat)).toEqual([]);
    expect(pathCollisions(nested)).toEqual([]);
  });
});
