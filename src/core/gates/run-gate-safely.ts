import type { GateFinding, GateName, GateResult } from './gate-report.js';

export interface RunGateParams {
  readonly gate: GateName;
  readonly check: () => readonly GateFinding[];
}

/**
 * Runs one gate so that a bug in it, or a bundle shaped in a way it never expected, fails that gate
 * with a finding instead of crashing the task: the repair loop and the status comment still get an answer.
 */
export function runGateSafely({ gate, check }: RunGateParams): GateResult {
  let findings: readonly GateFinding[];
  try {
    findings = check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    findings = [{ gate, message: `the ${gate} gate could not finish checking the bundle: ${reason}` }];
  }
  return { gate, passed: findings.length === 0, findings };
}
