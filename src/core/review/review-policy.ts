import { accountOf, isBotAccount, mayBeAccount, type RecordedAccount } from './account.js';
import { headPusher, unknownPusherPushes, type PushRecord } from './unknown-pusher-pushes.js';
import type { ReviewVerdict } from './latest-review-verdicts.js';

/** Guided mode's settings around the one approval rule (config `review`, DESIGN §4). */
export interface ReviewPolicy extends PushRecord {
  /**
   * Who asked for the task (their login, and account id and type when the task recorded them); their
   * approval counts only with `allowSelfApproval`.
   */
  readonly requester: RecordedAccount | undefined;
  /**
   * Others who asked for the task (marker `co_requesters`: the request text's author when someone
   * else started it, a `/retry` author running a changed request): set aside like the requester.
   */
  readonly coRequesters?: readonly RecordedAccount[];
  readonly allowSelfApproval: boolean;
  /** The agent's own login (e.g. `implementation-agent[bot]`): it never approves its own work. */
  readonly agentLogin: string | undefined;
  /** Off: an approval of an earlier head still stands after a push. */
  readonly reapproveOnPush: boolean;
  /**
   * Everyone but the agent who pushed to the task's branch (marker `human_pushers`): their commits
   * may sit under the agent's head, so their approval is set aside like the head's pusher's.
   */
  readonly humanPushers?: readonly RecordedAccount[];
  /** Whoever pushed the head may approve it (`review.allow_pusher_approval`). */
  readonly allowPusherApproval: boolean;
  /**
   * The task lost who asked for it and who pushed to it (marker `trust_lost`): nobody knows whose
   * approval to set aside, so none counts and a person merges by hand (fails closed).
   */
  readonly trustLost?: boolean;
}

/** Why an approval was set aside: it is the requester's, the agent's, or a known pusher's. */
export type SetAsideReason = 'requester' | 'agent' | 'pusher' | 'earlier-pusher' | 'trust-lost';

export interface PolicyVerdicts {
  /** The verdicts the approval rule (`decideApproval`) is to judge. */
  readonly verdicts: ReviewVerdict[];
  /** Approvals the policy set aside, and why, so the approval check can say so. */
  readonly setAside: readonly { readonly login: string; readonly why: SetAsideReason }[];
  /**
   * Pushes at or under the head whose pusher nobody can name (`unknownPusherPushes`): any approver
   * may have made one, so the approval rule needs approvals from two different writers.
   */
  readonly unknownPushes: readonly string[];
  /**
   * The requester's login when it is a bot's (`isBotAccount`: the recorded type `Bot`, or a `[bot]`
   * login when no type was recorded; e.g. `github-actions[bot]` sending a `repository_dispatch` with
   * a workflow's token, which any writer can make it do) and the
   * requester rule applies: it names no person, so whoever had it ask may approve, and the approval
   * rule needs approvals from two different writers, as for an unknown pusher. Absent otherwise.
   */
  readonly unnamedRequester?: string;
}

/**
 * Applies the policy before the approval rule: the agent's verdicts are dropped, the requester's
 * and every co-requester's approval too unless self-approval is allowed (their request for
 * changes still stands; a request is its writer's as much as its starter's), and with
 * `reapproveOnPush` off every approval is taken as an approval of `headSha`. A reviewer is set
 * aside as a recorded account (requester, pusher) when `mayBeAccount` says so: the same GitHub
 * account id (a renamed account is still the one that pushed) or the same login, case-insensitively.
 *
 * Unless `allowPusherApproval`, the approval of whoever pushed `headSha` is set aside too: someone
 * other than the pusher must approve, as GitHub's branch protection "Require approval of the most
 * recent reviewable push" has it (docs.github.com, *About protected branches*). The pusher is
 * `headPusher`'s (the task's `lastPush` of `headSha`, or the pusher GitHub named for it); the
 * agent's own push sets nobody aside. Whoever else pushed to the branch before (`humanPushers`),
 * under the agent's later commits, is set aside too (`earlier-pusher`): approving the agent's head
 * approves their commits under it. A push whose pusher nobody can name (`unknownPusherPushes`: the
 * head's, or one under it) sets nobody aside, since nobody knows whose approval to set aside: it is
 * returned in `unknownPushes`, and the approval rule then needs approvals from two different
 * writers (`decideApproval`). A requester that is a bot names no person either (any writer can have
 * a workflow's `github-actions[bot]` send a `repository_dispatch`; GitHub says it is a bot by the
 * account's `type`, which the task records, and a bot's login need not end in `[bot]`): unless
 * self-approval is allowed,
 * it is returned as `unnamedRequester`, and two different writers must approve the same way; so is
 * a co-requester that is a bot (an issue a workflow opened, labeled by a person).
 */
export function applyReviewPolicy(params: {
  verdicts: readonly ReviewVerdict[];
  policy: ReviewPolicy;
  headSha: string;
}): PolicyVerdicts {
  const { policy } = params;
  const same = (verdict: ReviewVerdict, login: string | undefined) =>
    login !== undefined && mayBeAccount(verdict, { login });
  const verdicts: ReviewVerdict[] = [];
  const setAside: { login: string; why: SetAsideReason }[] = [];
  const pusher = policy.allowPusherApproval ? undefined : headPusher(policy, params.headSha);
  const requesters = [
    ...(policy.requester === undefined ? [] : [accountOf(policy.requester)]),
    ...(policy.coRequesters ?? []).map(accountOf),
  ];
  for (const verdict of params.verdicts) {
    if (same(verdict, policy.agentLogin)) {
      if (verdict.state === 'APPROVED') setAside.push({ login: verdict.login, why: 'agent' });
      continue;
    }
    const approval = verdict.state === 'APPROVED';
    if (approval && policy.trustLost === true) {
      setAside.push({ login: verdict.login, why: 'trust-lost' });
      continue;
    }
    if (
      approval &&
      !policy.allowSelfApproval &&
      requesters.some((requester) => mayBeAccount(verdict, requester))
    ) {
      setAside.push({ login: verdict.login, why: 'requester' });
      continue;
    }
    if (approval && pusher?.kind === 'named' && mayBeAccount(verdict, pusher)) {
      setAside.push({ login: verdict.login, why: 'pusher' });
      continue;
    }
    if (
      approval &&
      !policy.allowPusherApproval &&
      policy.humanPushers?.some((account) => mayBeAccount(verdict, accountOf(account)))
    ) {
      setAside.push({ login: verdict.login, why: 'earlier-pusher' });
      continue;
    }
    verdicts.push(approval && !policy.reapproveOnPush ? { ...verdict, commitId: params.headSha } : verdict);
  }
  const unknownPushes = policy.allowPusherApproval ? [] : unknownPusherPushes(policy, params.headSha);
  const unnamed = policy.allowSelfApproval ? undefined : requesters.find((one) => isBotAccount(one));
  return {
    verdicts,
    setAside,
    unknownPushes,
    ...(unnamed === undefined ? {} : { unnamedRequester: unnamed.login }),
  };
}
