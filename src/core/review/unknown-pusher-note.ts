import { mention } from '../markdown/mention.js';
import { approvalsNeeded, type ApprovalDecision } from './decide-approval.js';

/**
 * One markdown sentence saying why approvals of more writers are needed, while the counted ones fall
 * short of two different writers' because of `decision.unknownPushes` (`decideApproval`,
 * `approvalsNeeded`): "One more approval from
 * another writer is needed because GitHub could not say who pushed `abc1234`: @mallory's approval
 * may be the pusher's own." Shas shown shortened, logins as mentions. Undefined when none is missing.
 */
export function unknownPusherNote(
  decision: Pick<ApprovalDecision, 'unknownPushes' | 'approvedBy'>,
): string | undefined {
  const unknown = decision.unknownPushes ?? [];
  const needed = approvalsNeeded(unknown);
  const missing = needed - decision.approvedBy.length;
  if (unknown.length === 0 || missing <= 0) return undefined;
  const shas = unknown.map((sha) => `\`${sha.slice(0, 7)}\``).join(', ');
  const why = `because GitHub could not say who pushed ${shas}`;
  const lifted = '(`review.allow_pusher_approval: true` lifts the rule)';
  if (decision.approvedBy.length === 0)
    return `Approvals from ${needed} different writers are needed ${why}: whoever did may approve it, so at least one approver must be someone else ${lifted}.`;
  // One approval counted of the two needed.
  const approvers = decision.approvedBy.map(mention).join(', ');
  return `One more approval from another writer is needed ${why}: ${approvers}'s approval may be the pusher's own ${lifted}.`;
}
