import { mention } from '../markdown/mention.js';
import type { ApprovalDecision } from './decide-approval.js';
import type { PolicyVerdicts } from './review-policy.js';
import { unknownPusherNote } from './unknown-pusher-note.js';

/**
 * Markdown for the task's status comment naming whose approval the pusher rule set aside
 * (`applyReviewPolicy`: `pusher`, the head's; `earlier-pusher`, commits still under the head —
 * `human_pushers`, kept for the task's life because the agent only commits on top) and how to get
 * an approval counted: another writer's, or `review.allow_pusher_approval: true` in the config;
 * and, when a push's pusher nobody can name leaves the approvals short (`unknownPusherNote`), why
 * another writer's approval is needed. Undefined when the rule set nobody aside and none is short.
 * `headSha` is shown shortened.
 */
export function pusherApprovalNote(params: {
  setAside: PolicyVerdicts['setAside'];
  headSha: string;
  decision?: Pick<ApprovalDecision, 'unknownPushes' | 'unnamedRequester' | 'approvedBy'>;
}): string | undefined {
  const head = `\`${params.headSha.slice(0, 7)}\``;
  const named = (why: string) =>
    params.setAside.filter((entry) => entry.why === why).map((entry) => mention(entry.login));
  const parts = [
    ...named('pusher').map((login) => `${login} pushed ${head}`),
    ...named('earlier-pusher').map((login) => `${login} pushed commits that are still under ${head}`),
  ];
  const unknown = params.decision === undefined ? undefined : unknownPusherNote(params.decision);
  const aside =
    parts.length === 0
      ? undefined
      : `Not counted: ${parts.join('; ')}, so that approval is set aside (whoever pushed a change does not approve it). ` +
        "Another writer's approval counts, or set `review.allow_pusher_approval: true` in `.github/implementation-agent.yml`.";
  const notes = [aside, unknown].filter((note) => note !== undefined);
  return notes.length === 0 ? undefined : notes.join(' ');
}
