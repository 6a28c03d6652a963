import { findDependencyCycles } from '../../../src/core/cfn/find-dependency-cycles.js';

const graphOf = (edges: Record<string, string[]>): Map<string, Set<string>> =>
  new Map(Object.entries(edges).map(([id, needs]) => [id, new Set(needs)]));

describe('findDependencyCycles', () => {
  it('finds nothing in an acyclic graph', () => {
    expect(findDependencyCycles(graphOf({ Fn: ['Role', 'Table'], Role: ['Table'], Table: [] }))).toEqual([]);
  });

  it('reports each cycle once, from its alphabetically first member', () => {
    const cycles = findDependencyCycles(graphOf({ C: ['A'], A: ['B'], B: ['C'], D: ['D'], E: ['A'] }));
    expect(cycles).toEqual([
      ['A', 'B', 'C', 'A'],
      ['D', 'D'],
    ]);
  });

  it('walks a chain of 100,000 names without overflowing the stack', () => {
    const count = 100_000;
    const name = (index: number) => `R${String(index).padStart(6, '0')}`;
    const edges = new Map(
      Array.from({ length: count }, (_, index) => [name(index), new Set([name(index + 1)])]),
    );
    expect(findDependencyCycles(edges)).toEqual([]);
    edges.set(name(count), new Set([name(0)]));
    const [loop, ...rest] = findDependencyCycles(edges);
    expect(rest).toEqual([]);
    expect(loop).toHaveLength(count + 2);
    expect(loop?.at(0)).toBe(name(0));
    expect(loop?.at(-1)).toBe(name(0));
  });

  it('ignores needs that are not names of the graph', () => {
    expect(findDependencyCycles(graphOf({ A: ['Elsewhere'], B: ['A'] }))).toEqual([]);
  });

  it('lists at most 20 cycles', () => {
    const selfLoops = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`N${index}`, [`N${index}`]]),
    );
    expect(findDependencyCycles(graphOf(selfLoops))).toHaveLength(20);
  });
});
