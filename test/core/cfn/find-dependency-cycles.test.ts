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
});
