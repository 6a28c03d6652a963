/**
 * Cycles in a "resource → resources it needs" graph, each as the list of IDs around the loop
 * (first ID repeated at the end). CloudFormation refuses such templates with "Circular dependency".
 * Each cycle is reported once, starting from its alphabetically first member.
 */
export function findDependencyCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();

  const visit = (id: string, trail: string[]): void => {
    const position = trail.indexOf(id);
    if (position !== -1) {
      const loop = trail.slice(position);
      const start = loop.indexOf([...loop].sort()[0] ?? id);
      const rotated = [...loop.slice(start), ...loop.slice(0, start)];
      cycles.set(rotated.join('\u0000'), [...rotated, rotated[0] ?? id]);
      return;
    }
    if (done.has(id)) return;
    for (const next of graph.get(id) ?? []) visit(next, [...trail, id]);
    done.add(id);
  };

  for (const id of [...graph.keys()].sort()) visit(id, []);
  return [...cycles.values()];
}
