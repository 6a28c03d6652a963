import type { RequirementCoverage } from '../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../blueprint-input.js';

/**
 * The request's deployment_strategy as a requirement: covered with what it changed (and the
 * resources that carry it), or not covered with why it had no effect. Absent when none was asked.
 */
export function strategyCoverage(
  input: BlueprintInput,
  effect:
    | {
        readonly applied: true;
        readonly implementedBy: string;
        readonly resources: readonly string[];
        readonly gaps?: readonly string[];
      }
    | { readonly applied: false; readonly reason: string },
): RequirementCoverage[] {
  if (input.strategy === undefined) return [];
  const base = {
    source: { kind: 'setting', name: 'deployment_strategy' } as const,
    text: input.strategy,
    tests: [],
  };
  return [
    effect.applied
      ? {
          ...base,
          status: (effect.gaps ?? []).length > 0 ? 'partial' : 'covered',
          implementedBy: effect.implementedBy,
          resources: effect.resources,
          gaps: effect.gaps ?? [],
        }
      : { ...base, status: 'not_covered', resources: [], gaps: [`no effect: ${effect.reason}`] },
  ];
}
