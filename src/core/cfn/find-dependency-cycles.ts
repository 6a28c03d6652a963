/** More cycles than this in one template are not listed: the first ones are enough to repair it. */
const MAX_CYCLES = 20;

/**
 * Cycles in a "name → names it needs" graph (resources through Ref/GetAtt/Sub/DependsOn, or
 * conditions through `Condition`), each as the list of names around the loop, first name
 * repeated at the end. CloudFormation refuses such templates ("Circular dependency between
 * resources", "… between conditions"). Each cycle is reported once, starting from its
 * alphabetically first member, at most 20 of them. The walk keeps its own stack instead of
 * recursing, so a chain of thousands of names cannot overflow the call stack, and it visits
 * each name and edge once.
 */
export function findDependencyCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const path: string[] = [];
  const positionOnPath = new Map<string, number>();
  const pendingEdges: Iterator<string>[] = [];

  const enter = (id: string): void => {
    positionOnPath.set(id, path.length);
    path.push(id);
    pendingEdges.push((graph.get(id) ?? new Set<string>()).values());
  };
  const record = (loop: readonly string[]): void => {
    if (cycles.size >= MAX_CYCLES) return;
    const first = [...loop].sort()[0] ?? '';
    const start = loop.indexOf(first);
    const rotated = [...loop.slice(start), ...loop.slice(0, start)];
    cycles.set(rotated.join('\u0000'), [...rotated, first]);
  };

  for (const root of [...graph.keys()].sort()) {
    if (done.has(root)) continue;
    enter(root);
    for (let edges = pendingEdges.at(-1); edges !== undefined; edges = pendingEdges.at(-1)) {
      const step = edges.next();
      if (step.done === true) {
        pendingEdges.pop();
        const id = path.pop() ?? '';
        positionOnPath.delete(id);
        done.add(id);
        continue;
      }
      const position = positionOnPath.get(step.value);
      if (position !== undefined) record(path.slice(position));
      else if (!done.has(step.value)) enter(step.value);
    }
  }
  return [...cycles.values()];
}
