import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import { checkLimits } from './check-limits.js';
import { checkPaths } from './check-paths.js';
import { checkSecrets } from './check-secrets.js';
import { checkTemplate } from './check-template.js';
import { checkTypescript } from './check-typescript.js';
import type { GatePolicy, GateReport } from './gate-report.js';
import { runAsyncGateSafely } from './run-async-gate-safely.js';
import { runGateSafely } from './run-gate-safely.js';

/**
 * Every validation gate over one bundle. All gates always run, even when an earlier one fails, so a
 * single repair round can fix everything at once; no gate can throw past this point.
 */
export async function runGates(bundle: ArtifactBundle, policy: GatePolicy): Promise<GateReport> {
  const results = [
    runGateSafely({ gate: 'paths', check: () => checkPaths(bundle, policy) }),
    runGateSafely({ gate: 'limits', check: () => checkLimits(bundle, policy) }),
    await runAsyncGateSafely({ gate: 'secrets', check: () => checkSecrets(bundle) }),
    runGateSafely({ gate: 'template', check: () => checkTemplate(bundle) }),
    runGateSafely({ gate: 'typescript', check: () => checkTypescript(bundle) }),
  ];
  return { passed: results.every((result) => result.passed), results };
}
