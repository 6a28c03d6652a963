import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import { checkLimits } from './check-limits.js';
import { checkPaths } from './check-paths.js';
import { checkTemplate } from './check-template.js';
import { checkTypescript } from './check-typescript.js';
import type { GatePolicy, GateReport, GateResult } from './gate-report.js';
import { runGateSafely, type RunGateParams } from './run-gate-safely.js';

/** Why the other gates are not run when the limits gate fails. */
export const LIMITS_FAILED = 'not run because the limits gate failed';

/**
 * Every validation gate over one bundle; no gate can throw past this point. The limits gate runs
 * first: when it fails, the bundle is too large to check at a bounded cost, so the other gates are
 * reported as skipped (with {@link LIMITS_FAILED}) rather than run. Otherwise all of them run, even
 * when an earlier one fails, so a single repair round can fix everything at once.
 */
export function runGates(bundle: ArtifactBundle, policy: GatePolicy): GateReport {
  const limits = runGateSafely({ gate: 'limits', check: () => checkLimits(bundle, policy) });
  const others: RunGateParams[] = [
    { gate: 'paths', check: () => checkPaths(bundle, policy) },
    { gate: 'template', check: () => checkTemplate(bundle) },
    { gate: 'typescript', check: () => checkTypescript(bundle) },
  ];
  const results = [limits, ...others.map((gate) => (limits.passed ? runGateSafely(gate) : skipped(gate)))];
  return { passed: results.every((result) => result.passed), results };
}

function skipped({ gate }: RunGateParams): GateResult {
  return { gate, passed: false, findings: [], skipped: LIMITS_FAILED };
}
