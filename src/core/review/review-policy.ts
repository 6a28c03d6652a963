import type { LastPush } from './last-push.js';
import type { ReviewVerdict } from './latest-review-verdicts.js';

/** Guided mode's settings around the one approval rule (config `review`, DESIGN §4). */
export interface ReviewPolicy {
  /** Who asked for the task; their approval counts only with `allowSelfApproval`. */
  readonly requester: string | undefined;
  readonly allowSelfApproval: boolean;
  /** The agent's own login (e.g. `implementation-agent[bot]`): it never approves its own work. */
  readonly agentLogin: string | undefined;
  /** Off: an approval of an earlier head still stands after a push. */
  readonly reapproveOnPush: boolean;
  /** The newest push the task recorded (marker `last_push`); undefined for a task that records none. */
  readonly lastPush: LastPush | undefined;
  /** Whoever pushed the head may approve it (`review.allow_pusher_approval`). */
  readonly allowPusherApproval: boolean;
}

/**
 * Why an approval was set aside: it is the requester's, the agent's, the head's pusher's, or the
 * head's pusher is not known (`unknown-pusher`: any approver may have pushed it).
 */
export type SetAsideReason = 'requester' | 'agent' | 'pusher' | 'unknown-pusher';

export interface PolicyVerdicts {
  /** The verdicts the approval rule (`decideApproval`) is to judge. */
  readonly verdicts: ReviewVerdict[];
  /** Approvals the policy set aside, and why, so the approval check can say so. */
  readonly setAside: readonly { readonly login: string; readonly why: SetAsideReason }[];
}

/**
 * Applies the policy before the approval rule: the agent's verdicts are dropped, the requester's
 * approval too unless self-approval is allowed (their request for changes still stands), and with
 * `reapproveOnPush` off every approval is taken as an approval of `headSha`. Logins compare
 * case-insensitively, as GitHub's do.
 *
 * Unless `allowPusherApproval`, the approval of whoever pushed `headSha` is set aside too: someone
 * other than the pusher must approve, as GitHub's branch protection "Require approval of the most
 * recent reviewable push" has it (docs.github.com, *About protected branches*). The pusher is the
 * task's `lastPush` when it is of `headSha`; the agent's own push sets nobody aside. When the task
 * records pushes but not this head's (its `synchronize` delivery was never handled), any approver
 * may have pushed it: every approval is set aside (`unknown-pusher`) until a recorded push.
 */
export function applyReviewPolicy(params: {
  verdicts: readonly ReviewVerdict[];
  policy: ReviewPolicy;
  headSha: string;
}): PolicyVerdicts {
  const { policy } = params;
  const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();
  const verdicts: ReviewVerdict[] = [];
  const setAside: { login: string; why: SetAsideReason }[] = [];
  const pusher = pusherOf(policy, params.headSha);
  for (const verdict of params.verdicts) {
    if (same(verdict.login, policy.agentLogin)) {
      if (verdict.state === 'APPROVED') setAside.push({ login: verdict.login, why: 'agent' });
      continue;
    }
    const approval = verdict.state === 'APPROVED';
    if (approval && !policy.allowSelfApproval && same(verdict.login, policy.requester)) {
      setAside.push({ login: verdict.login, why: 'requester' });
      continue;
    }
    if (approval && pusher !== undefined && (pusher.unknown || same(verdict.login, pusher.login))) {
      setAside.push({ login: verdict.login, why: pusher.unknown ? 'unknown-pusher' : 'pusher' });
      continue;
    }
    verdicts.push(approval && !policy.reapproveOnPush ? { ...verdict, commitId: params.headSha } : verdict);
  }
  return { verdicts, setAside };
}

/** Whose approval of `headSha` the pusher rule sets aside: nobody (undefined), one login, or anyone. */
function pusherOf(
  policy: ReviewPolicy,
  headSha: string,
): { readonly unknown: false; readonly login: string } | { readonly unknown: true } | undefined {
  const push = policy.lastPush;
  if (policy.allowPusherApproval || push === undefined) return undefined;
  if (push.sha.toLowerCase() !== headSha.toLowerCase()) return { unknown: true };
  return push.by.kind === 'agent' ? undefined : { unknown: false, login: push.by.login };
}
