import { walkIntrinsics } from './walk-intrinsics.js';

/**
 * Which declared conditions each condition needs: `{ Condition: Name }` at the top of a condition
 * or inside `Fn::And`/`Fn::Or`/`Fn::Not`, and the condition an `Fn::If` names. AWS CloudFormation
 * User Guide, "Condition" (intrinsic function): a condition may refer to another condition.
 */
export function conditionDependencies(conditions: Record<string, unknown>): Map<string, Set<string>> {
  const declared = new Set(Object.keys(conditions));
  const graph = new Map<string, Set<string>>();
  for (const [id, body] of Object.entries(conditions)) {
    const needs = new Set<string>();
    walkIntrinsics({
      value: body,
      location: id,
      inConditionExpression: true,
      visit: ({ name, args }) => {
        const target =
          name === 'Condition' ? args : name === 'Fn::If' && Array.isArray(args) ? args[0] : undefined;
        if (typeof target === 'string' && declared.has(target)) needs.add(target);
      },
    });
    graph.set(id, needs);
  }
  return graph;
}
