import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import { checkLimits } from './check-limits.js';
import { checkPaths } from './check-paths.js';
import { checkSecrets } from './check-secrets.js';
import { checkTemplate } from './check-template.js';
import { checkTypescript } from './check-typescript.js';
import type { GateFinding, GateName, GatePolicy, GateReport, GateResult } from './gate-report.js';
import { runAsyncGateSafely } from './run-async-gate-safely.js';
import { runGateSafely } from './run-gate-safely.js';

/** Why the other gates are not run when the limits gate fails. */
export const LIMITS_FAILED = 'not run because the limits gate failed';

/**
 * Every validation gate over one bundle; no gate can throw past this point. The limits gate runs
 * first: when it fails, the bundle is too large to check at a bounded cost, so the other gates are
 * reported as skipped (with {@link LIMITS_FAILED}) rather than run. Otherwise all of them run, even
 * when an earlier one fails, so a single repair round can fix everything at once.
 */
export async function runGates(bundle: ArtifactBundle, policy: GatePolicy): Promise<GateReport> {
  const limits = runGateSafely({ gate: 'limits', check: () => checkLimits(bundle, policy) });
  const later: readonly { gate: GateName; check: () => Promise<readonly GateFinding[]> }[] = [
    { gate: 'paths', check: async () => checkPaths(bundle, policy) },
    { gate: 'secrets', check: () => checkSecrets(bundle) },
    { gate: 'template', check: async () => checkTemplate(bundle, policy) },
    { gate: 'typescript', check: async () => checkTypescript(bundle) },
  ];
  const results: GateResult[] = [limits];
  for (const { gate, check } of later) {
    results.push(
      limits.passed
        ? await runAsyncGateSafely({ gate, check })
        : { gate, passed: false, findings: [], skipped: LIMITS_FAILED },
    );
  }
  return { passed: results.every((result) => result.passed), results };
}
