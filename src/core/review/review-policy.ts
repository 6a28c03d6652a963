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
  /**
   * Set for a task whose marker predates push records (no `last_push`, no push this run knows):
   * the commits the agent recorded as its own (`agentRecordedCommits`). Its head's pusher is the
   * agent when the head is one of them, else unknown. Absent: no task, so no pusher rule.
   */
  readonly unrecordedPushes?: { readonly agentCommits: readonly string[] };
  /**
   * Everyone but the agent who pushed to the task's branch (marker `human_pushers`): their commits
   * may sit under the agent's head, so their approval is set aside like the head's pusher's.
   */
  readonly humanPushers?: readonly string[];
  /** Whoever pushed the head may approve it (`review.allow_pusher_approval`). */
  readonly allowPusherApproval: boolean;
}

/**
 * Why an approval was set aside: it is the requester's, the agent's, the head's pusher's, or the
 * head's pusher is not known (any approver may have pushed it): `unknown-pusher` when the task
 * records pushes but not this head's, `unrecorded-pusher` when it records none and the head is not
 * the agent's own commit.
 */
export type SetAsideReason =
  'requester' | 'agent' | 'pusher' | 'earlier-pusher' | 'unknown-pusher' | 'unrecorded-pusher';

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
 * may have pushed it: every approval is set aside (`unknown-pusher`) until a recorded push. A task
 * that records no push at all (`unrecordedPushes`: its marker predates push records) fails closed
 * the same way (`unrecorded-pusher`) unless the head is a commit the agent recorded as its own.
 * Whoever else pushed to the branch before (`humanPushers`), under the agent's later commits, is
 * set aside too (`earlier-pusher`): approving the agent's head approves their commits under it.
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
      setAside.push({ login: verdict.login, why: pusher.unknown ? pusher.why : 'pusher' });
      continue;
    }
    if (
      approval &&
      !policy.allowPusherApproval &&
      policy.humanPushers?.some((login) => same(verdict.login, login))
    ) {
      setAside.push({ login: verdict.login, why: 'earlier-pusher' });
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
):
  | { readonly unknown: false; readonly login: string }
  | { readonly unknown: true; readonly why: 'unknown-pusher' | 'unrecorded-pusher' }
  | undefined {
  const push = policy.lastPush;
  const head = headSha.toLowerCase();
  if (policy.allowPusherApproval) return undefined;
  if (push === undefined) {
    const agentCommits = policy.unrecordedPushes?.agentCommits;
    if (agentCommits === undefined || agentCommits.some((sha) => sha.toLowerCase() === head))
      return undefined;
    return { unknown: true, why: 'unrecorded-pusher' };
  }
  if (push.sha.toLowerCase() !== head) return { unknown: true, why: 'unknown-pusher' };
  return push.by.kind === 'agent' ? undefined : { unknown: false, login: push.by.login };
}
