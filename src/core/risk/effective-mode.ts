import type { ExecutionMode } from '../request/execution-request.js';
import type { RiskAssessment } from './risk-assessment.js';

/** The mode a task runs in once its risk is known: hybrid and automated resolve to one of the others. */
export type EffectiveMode = 'automated' | 'guided' | 'manual';

export interface ModeDecision {
  readonly requested: ExecutionMode;
  readonly effective: EffectiveMode;
  readonly risk: RiskAssessment;
  /** One sentence, plain text, for the PR body and the status comment. */
  readonly explanation: string;
}

/**
 * DESIGN §4: `hybrid` runs guided when the classifier says high, else automated; `automated` falls
 * back to guided when it says high (its gates have passed by the time a PR exists); `guided` and
 * `manual` run as asked. The risk is kept in the decision so its reasons can be shown either way.
 */
export function effectiveMode(params: { requested: ExecutionMode; risk: RiskAssessment }): ModeDecision {
  const { requested, risk } = params;
  const high = risk.level === 'high';
  const count = `${risk.reasons.length} reason${risk.reasons.length === 1 ? '' : 's'}`;
  switch (requested) {
    case 'guided':
    case 'manual':
      return { requested, risk, effective: requested, explanation: `Runs ${requested}, as requested.` };
    case 'hybrid':
      return high
        ? {
            requested,
            risk,
            effective: 'guided',
            explanation: `Hybrid: high risk (${count} below), so this needs an approving review (guided).`,
          }
        : {
            requested,
            risk,
            effective: 'automated',
            explanation: 'Hybrid: low risk, so this runs automated: it merges once the required checks pass.',
          };
    case 'automated':
      return high
        ? {
            requested,
            risk,
            effective: 'guided',
            explanation: `Automated mode fell back to guided: high risk (${count} below), so this needs an approving review.`,
          }
        : {
            requested,
            risk,
            effective: 'automated',
            explanation:
              'Automated: every gate passed and the risk is low, so this merges once the required checks pass.',
          };
  }
}
