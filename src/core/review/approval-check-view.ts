import { mention } from '../markdown/mention.js';
import type { ApprovalDecision } from './decide-approval.js';
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

/** Reasons that set aside every approval at once: nobody knows who pushed the head. */
type UnknownPusher = Extract<SetAsideReason, 'unknown-pusher' | 'unrecorded-pusher'>;
const isUnknownPusher = (why: SetAsideReason): why is UnknownPusher =>
  why === 'unknown-pusher' || why === 'unrecorded-pusher';

/** Why each approval the policy set aside does not count, one line per approver. */
const SET_ASIDE_NOTE: Record<
  Exclude<SetAsideReason, UnknownPusher>,
  (login: string, head: string) => string
> = {
  requester: (login) =>
    `${mention(login)} asked for this task and cannot approve it (\`review.allow_self_approval\`).`,
  agent: (login) => `${mention(login)} is the agent; it does not approve its own work.`,
  pusher: (login, head) =>
    `${mention(login)} pushed ${head}; someone else must approve it (\`review.allow_pusher_approval\`).`,
  'earlier-pusher': (login, head) =>
    `${mention(login)} pushed commits to this branch that are still under ${head}; someone else must approve them (\`review.allow_pusher_approval\`).`,
};

/** Why nobody knows who pushed the head, by reason. */
const UNKNOWN_PUSHER_CAUSE: Record<UnknownPusher, (head: string) => string> = {
  'unknown-pusher': (head) =>
    `implementation-agent has no record of who pushed ${head} (its \`pull_request.synchronize\` delivery was not handled)`,
  'unrecorded-pusher': (head) =>
    `this task's status was written before implementation-agent recorded pushes, and ${head} is not a commit it recorded as its own, so it does not know who pushed it`,
};

/** One line for every approval set aside because nobody knows who pushed the head. */
function unknownPusherNote(setAside: PolicyVerdicts['setAside'], head: string): string[] {
  const unknown = setAside.filter((entry): entry is { login: string; why: UnknownPusher } =>
    isUnknownPusher(entry.why),
  );
  const first = unknown[0];
  if (first === undefined) return [];
  const logins = unknown.map(({ login }) => mention(login));
  return [
    `${UNKNOWN_PUSHER_CAUSE[first.why](head)}, ` +
      `so ${logins.join(', ')}'s approval does not count: any of them may have pushed it. ` +
      'The next push the agent sees decides whose approval counts (`review.allow_pusher_approval: true` lifts the rule).',
  ];
}

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
    ...params.setAside.flatMap(({ login, why }) =>
      isUnknownPusher(why) ? [] : [SET_ASIDE_NOTE[why](login, head)],
    ),
    ...unknownPusherNote(params.setAside, head),
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
