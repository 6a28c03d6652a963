import { mention } from '../markdown/mention.js';
import { approvalsNeeded, type ApprovalDecision } from './decide-approval.js';

/**
 * One markdown sentence saying why approvals of more writers are needed, while the counted ones fall
 * short of two different writers' because of `decision.unknownPushes` or a bot requester
 * (`decision.unnamedRequester`; `decideApproval`, `approvalsNeeded`): "One more approval from
 * another writer is needed because GitHub could not say who pushed `abc1234`: @mallory's approval
 * may be the pusher's own." — or "…because @github-actions[bot], a bot any writer can have send
 * a request, asked for the task: @mallory's approval may be the asker's own." Shas shown
 * shortened, logins as mentions, each cause with the setting that lifts it. Undefined when none is
 * missing.
 */
export function unknownPusherNote(
  decision: Pick<ApprovalDecision, 'unknownPushes' | 'unnamedRequester' | 'approvedBy'>,
): string | undefined {
  const unknown = decision.unknownPushes ?? [];
  const requester = decision.unnamedRequester;
  const needed = approvalsNeeded(decision);
  const missing = needed - decision.approvedBy.length;
  if ((unknown.length === 0 && requester === undefined) || missing <= 0) return undefined;
  const shas = unknown.map((sha) => `\`${sha.slice(0, 7)}\``).join(', ');
  const causes = [
    ...(unknown.length === 0 ? [] : [`GitHub could not say who pushed ${shas}`]),
    ...(requester === undefined
      ? []
      : [`${mention(requester)}, a bot any writer can have send a request, asked for the task`]),
  ];
  const why = `because ${causes.join(', and ')}`;
  const who = [...(unknown.length === 0 ? [] : ['pusher']), ...(requester === undefined ? [] : ['asker'])];
  const lifts = [
    ...(unknown.length === 0 ? [] : ['`review.allow_pusher_approval: true`']),
    ...(requester === undefined ? [] : ['`review.allow_self_approval: true`']),
  ];
  const lifted = `(${lifts.join(' and ')} ${lifts.length === 1 ? 'lifts' : 'lift'} the rule)`;
  if (decision.approvedBy.length === 0)
    return `Approvals from ${needed} different writers are needed ${why}: whoever did may approve it, so at least one approver must be someone else ${lifted}.`;
  // One approval counted of the two needed.
  const approvers = decision.approvedBy.map(mention).join(', ');
  return `One more approval from another writer is needed ${why}: ${approvers}'s approval may be the ${who.join(' or ')}'s own ${lifted}.`;
}
