import { mention } from '../markdown/mention.js';
import type { ApprovalDecision } from './decide-approval.js';
import { unknownPusherNote } from './unknown-pusher-note.js';
import type { PolicyVerdicts, SetAsideReason } from './review-policy.js';

/** What the `implementation-agent/approval` check run shows for a head. */
export interface ApprovalCheckView {
  /** `in_progress` while an approval is missing: the check stays pending, it never fails. */
  readonly status: 'in_progress' | 'completed';
  readonly conclusion?: 'success';
  readonly title: string;
  readonly summary: string;
}

const WHO = 'someone with write, maintain or admin permission';

/** Why each approval the policy set aside does not count, one line per approver. */
const SET_ASIDE_NOTE: Record<SetAsideReason, (login: string, head: string) => string> = {
  requester: (login) =>
    `${mention(login)} asked for this task and cannot approve it (\`review.allow_self_approval\`).`,
  agent: (login) => `${mention(login)} is the agent; it does not approve its own work.`,
  pusher: (login, head) =>
    `${mention(login)} pushed ${head}; someone else must approve it (\`review.allow_pusher_approval\`).`,
  'earlier-pusher': (login, head) =>
    `${mention(login)} pushed commits to this branch that are still under ${head}; someone else must approve them (\`review.allow_pusher_approval\`).`,
  'trust-lost': (login) =>
    `${mention(login)}'s approval cannot be weighed: the task's record of who asked for it and who pushed to it was lost (\`trust_lost\`: a tasks mirror record without it, or more people pushed to this branch than it keeps), so no approval counts here. A person with write access merges it by hand.`,
};

/**
 * The approval check for `decision` (the one approval rule, after `applyReviewPolicy`): success
 * naming the approvers, or pending with what is still needed and why the reviews so far do not
 * count. Logins come from GitHub and are shown as mentions (`mention`), nothing else.
 */
export function approvalCheckView(params: {
  decision: ApprovalDecision;
  setAside: PolicyVerdicts['setAside'];
  headSha: string;
}): ApprovalCheckView {
  const { decision } = params;
  const head = `\`${params.headSha.slice(0, 7)}\``;
  const logins = (list: readonly string[]) => list.map(mention).join(', ');
  if (decision.approved) {
    return {
      status: 'completed',
      conclusion: 'success',
      title: `Approved by ${logins(decision.approvedBy)}`,
      summary: `${logins(decision.approvedBy)} approved ${head}, the head of this pull request.`,
    };
  }
  const notes = [
    ...(decision.tooManyReviews
      ? [
          'This pull request has more reviews than implementation-agent reads (the newest 1,000): a request for changes older than those may still stand, so it cannot be approved here' +
            (decision.approvedBy.length > 0 ? ` (${logins(decision.approvedBy)} approved ${head})` : '') +
            '. Merge it by hand, or open a new pull request.',
        ]
      : []),
    ...(decision.changesRequestedBy.length > 0
      ? [
          `${logins(decision.changesRequestedBy)} requested changes; their approval (or a dismissal) lifts that.`,
        ]
      : []),
    ...decision.withoutWriteAccess.map(
      ({ login, permission }) => `${mention(login)}'s approval does not count: permission **${permission}**.`,
    ),
    ...(decision.stale.length > 0
      ? [`${logins(decision.stale)} approved an earlier commit; a push after an approval needs a new one.`]
      : []),
    ...params.setAside.map(({ login, why }) => SET_ASIDE_NOTE[why](login, head)),
    ...[unknownPusherNote(decision)].filter((note) => note !== undefined),
  ];
  return {
    status: 'in_progress',
    title: decision.changesRequestedBy.length > 0 ? 'Changes requested' : 'Waiting for an approving review',
    summary: [
      `Guided mode: this check passes when ${WHO} approves ${head}, the head of this pull request ` +
        '(Files changed → Review changes → Approve).',
      ...notes.map((note) => `- ${note}`),
    ].join('\n'),
  };
}
