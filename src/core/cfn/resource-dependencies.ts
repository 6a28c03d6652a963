import { isPlainObject } from './is-plain-object.js';
import { subVariables } from './sub-variables.js';
import { walkIntrinsics } from './walk-intrinsics.js';

/** Which declared resources each resource needs, through Ref, Fn::GetAtt, Fn::Sub and DependsOn. */
export function resourceDependencies(resources: Record<string, unknown>): Map<string, Set<string>> {
  const ids = new Set(Object.keys(resources));
  const graph = new Map<string, Set<string>>();
  for (const [id, body] of Object.entries(resources)) {
    const needs = new Set<string>();
    const note = (target: unknown): void => {
      if (typeof target === 'string' && ids.has(target)) needs.add(target);
    };
    walkIntrinsics({
      value: body,
      location: id,
      visit: (call) => noteCallTargets(call.name, call.args, note),
    });
    if (isPlainObject(body)) [body['DependsOn']].flat().forEach(note);
    graph.set(id, needs);
  }
  return graph;
}

function noteCallTargets(name: string, args: unknown, note: (target: unknown) => void): void {
  if (name === 'Ref') note(args);
  if (name === 'Fn::GetAtt')
    note(typeof args === 'string' ? args.split('.')[0] : Array.isArray(args) ? args[0] : undefined);
  if (name === 'Fn::Sub') {
    const [text, variables] = Array.isArray(args) ? args : [args, {}];
    if (typeof text !== 'string') return;
    const declared = isPlainObject(variables) ? variables : {};
    for (const variable of subVariables(text)) {
      if (!Object.hasOwn(declared, variable)) note(variable.split('.')[0]);
    }
  }
}
