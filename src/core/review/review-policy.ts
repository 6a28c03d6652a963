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
}

export interface PolicyVerdicts {
  /** The verdicts the approval rule (`decideApproval`) is to judge. */
  readonly verdicts: ReviewVerdict[];
  /** Approvals the policy set aside, and why, so the approval check can say so. */
  readonly setAside: readonly { readonly login: string; readonly why: 'requester' | 'agent' }[];
}

/**
 * Applies the policy before the approval rule: the agent's verdicts are dropped, the requester's
 * approval too unless self-approval is allowed (their request for changes still stands), and with
 * `reapproveOnPush` off every approval is taken as an approval of `headSha`. Logins compare
 * case-insensitively, as GitHub's do.
 */
export function applyReviewPolicy(params: {
  verdicts: readonly ReviewVerdict[];
  policy: ReviewPolicy;
  headSha: string;
}): PolicyVerdicts {
  const { policy } = params;
  const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();
  const verdicts: ReviewVerdict[] = [];
  const setAside: { login: string; why: 'requester' | 'agent' }[] = [];
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
    verdicts.push(approval && !policy.reapproveOnPush ? { ...verdict, commitId: params.headSha } : verdict);
  }
  return { verdicts, setAside };
}
