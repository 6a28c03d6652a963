import type { GateFinding, GateName, GateResult } from './gate-report.js';
import { runGateSafely } from './run-gate-safely.js';

/**
 * `runGateSafely` for a gate whose check is asynchronous (the secret scan): a rejection, or a
 * throw before the promise exists, becomes a finding of that gate, worded the same way.
 */
export async function runAsyncGateSafely(params: {
  gate: GateName;
  check: () => Promise<readonly GateFinding[]>;
}): Promise<GateResult> {
  const settled = await Promise.resolve()
    .then(params.check)
    .then(
      (findings) => () => findings,
      (error: unknown) => () => {
        throw error;
      },
    );
  return runGateSafely({ gate: params.gate, check: settled });
}
