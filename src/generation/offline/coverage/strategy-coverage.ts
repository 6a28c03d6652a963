import type { RequirementCoverage, TestEvidence } from '../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../blueprint-input.js';

/**
 * The request's deployment_strategy as a requirement: covered with what it changed (and the
 * resources that carry it) and the generated tests that check it in the template; partial when no
 * generated test checks it; or not covered with why it had no effect. Absent when none was asked.
 */
export function strategyCoverage(
  input: BlueprintInput,
  effect:
    | {
        readonly applied: true;
        readonly implementedBy: string;
        readonly resources: readonly string[];
        readonly gaps?: readonly string[];
        /** Generated tests that check the release in the template; none leaves the row partial. */
        readonly tests?: readonly TestEvidence[];
      }
    | { readonly applied: false; readonly reason: string },
): RequirementCoverage[] {
  if (input.strategy === undefined) return [];
  const base = {
    source: { kind: 'setting', name: 'deployment_strategy' } as const,
    text: input.strategy,
    tests: [],
  };
  if (!effect.applied)
    return [{ ...base, status: 'not_covered', resources: [], gaps: [`no effect: ${effect.reason}`] }];
  const tests = effect.tests ?? [];
  const gaps = [
    ...(effect.gaps ?? []),
    ...(tests.length === 0
      ? [
          'no generated test checks the release settings in the template; cfn-lint checks only that it is valid',
        ]
      : []),
  ];
  return [
    {
      ...base,
      status: gaps.length > 0 ? 'partial' : 'covered',
      implementedBy: effect.implementedBy,
      resources: effect.resources,
      tests,
      gaps,
    },
  ];
}
