import type { AgentConfig } from '../config/agent-config.js';
import type { TaskMarker } from '../state/state-marker.js';
import type { ReviewPolicy } from './review-policy.js';

/**
 * The one review policy every consumer of the approval rule applies (the guided approval check,
 * `/deploy`'s `approval` rule, merge-when-green): the repository's `review` config, the requester
 * the task's trusted marker records (absent when there is no trusted marker: nobody's approval is
 * set aside as theirs), and the agent's own login.
 */
export function reviewPolicyFor(params: {
  review: AgentConfig['review'];
  marker: Pick<TaskMarker, 'requester'> | undefined;
  agentLogin: string | undefined;
}): ReviewPolicy {
  return {
    requester: params.marker?.requester,
    allowSelfApproval: params.review.allow_self_approval,
    agentLogin: params.agentLogin,
    reapproveOnPush: params.review.reapprove_on_push,
  };
}
