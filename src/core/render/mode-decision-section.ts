import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import type { ModeDecision } from '../risk/effective-mode.js';

/** Enough reasons to act on; a template with hundreds of findings says how many more there are. */
const MAX_REASONS = 25;

/**
 * The mode decision as markdown, for the PR body's risk assessment and the status comment: the
 * requested and effective mode, why, and each risk reason with its code and where it is. Reason
 * messages quote template values, so they are escaped (`untrustedInline`) and locations shown as
 * code spans.
 */
export function renderModeDecision(decision: ModeDecision): string {
  const { requested, effective, risk } = decision;
  const mode = requested === effective ? `**Mode** ${effective}` : `**Mode** ${requested} → ${effective}`;
  const head = `${mode} · **Risk** ${risk.level}. ${untrustedInline(decision.explanation)}`;
  if (risk.reasons.length === 0) return `${head}\n\n- The risk classifier found nothing that needs a review.`;
  const shown = risk.reasons
    .slice(0, MAX_REASONS)
    .map(
      (reason) => `- ${codeSpan(reason.code)} ${untrustedInline(reason.message)} (${codeSpan(reason.where)})`,
    );
  const more = risk.reasons.length - shown.length;
  return [head, '', ...shown, ...(more > 0 ? [`- …and ${more} more`] : [])].join('\n');
}
