import type { TaskMarker } from '../state/state-marker.js';
import type { Account, RecordedAccount } from './account.js';
import { accountsUnion } from './accounts-union.js';
import type { LastPush } from './last-push.js';

/** How many pushers the marker keeps (`human_pushers`): a task's branch has a handful, not hundreds. */
export const MAX_HUMAN_PUSHERS = 20;

/**
 * The pushers a marker keeps after taking some in (`pushersAfter`). `pastBound`: more accounts
 * pushed than `MAX_HUMAN_PUSHERS`, so `pushers` (the newest `MAX_HUMAN_PUSHERS`, to stay a valid
 * marker) leaves someone out whose approval would then count again: the caller records
 * `trust_lost` (`pushersPatch`) and no approval counts at all (DESIGN §5b, review 13o).
 */
export interface PushersAfter {
  readonly pushers: RecordedAccount[];
  readonly pastBound: boolean;
}

/**
 * `recorded` pushers (marker `human_pushers`) with `pushers` taken in: one entry per account
 * (`accountsUnion`: by id when both have one, else by login; its records merged so a login-only one
 * never wipes a kept id), put where its newest record was. Logins lowercase; an account known by
 * login alone stays a bare login, as older markers wrote it. Past `MAX_HUMAN_PUSHERS` accounts it
 * never drops one silently: it keeps the newest `MAX_HUMAN_PUSHERS` and says `pastBound`, which
 * the marker records as `trust_lost` (`pushersPatch`). Pure.
 */
export function pushersAfter(
  recorded: readonly RecordedAccount[] | undefined,
  pushers: readonly Account[],
): PushersAfter {
  const union = accountsUnion([...(recorded ?? []), ...pushers]);
  return {
    pushers: union
      .slice(-MAX_HUMAN_PUSHERS)
      .map((account) => ({ ...account, login: account.login.toLowerCase() }))
      .map((account) => (account.id === undefined && account.type === undefined ? account.login : account)),
    pastBound: union.length > MAX_HUMAN_PUSHERS,
  };
}

/**
 * What `after` writes on the marker: `human_pushers` when anyone pushed, and `trust_lost` when
 * more pushed than it keeps (`pastBound`): whoever was left out could approve their own commits,
 * so every approval is set aside (`applyReviewPolicy`), an automated task falls back to guided and
 * a person with write access merges by hand (`TRUST_LOST_REASON`). Never clears a `trust_lost`
 * already set (the field is left out). Pure.
 */
export function pushersPatch(after: PushersAfter): Pick<TaskMarker, 'human_pushers' | 'trust_lost'> {
  return {
    ...(after.pushers.length === 0 ? {} : { human_pushers: after.pushers }),
    ...(after.pastBound ? { trust_lost: true as const } : {}),
  };
}

/**
 * Everyone but the agent who pushed to the task's branch (marker `human_pushers`), once `push` is
 * recorded as its `last_push`: the pushers recorded so far, the marker's previous `last_push` when
 * a person or another bot made it (markers from before `human_pushers` remember only that one), and
 * `push`'s own pusher. The agent's commit on top of someone's push does not remove them: their
 * commits are still in the branch, under the agent's head — and the agent only ever commits on top
 * (a re-run, a feedback commit; `publishPullRequest` never force-moves a branch), so the list holds
 * for the task's life. The one exception is a branch that is gone (deleted once its pull request was
 * closed): the run that makes it anew from the base branch drops the list with the other records of
 * the old branch's pushes (`RECREATED_BRANCH_RESETS`), since nothing anyone pushed before is under
 * its head. As `pushersAfter` keeps them (each pusher's account id and type when recorded), and
 * `pastBound` past `MAX_HUMAN_PUSHERS` of them.
 */
export function humanPushersAfter(params: {
  marker: Pick<TaskMarker, 'human_pushers' | 'last_push'>;
  push: LastPush;
}): PushersAfter {
  const pusherOf = (push: LastPush | undefined): Account[] =>
    push === undefined || push.by.kind === 'agent'
      ? []
      : [
          {
            login: push.by.login,
            ...(push.by.id === undefined ? {} : { id: push.by.id }),
            ...(push.by.kind === 'bot' ? { type: 'Bot' } : {}),
          },
        ];
  return pushersAfter(params.marker.human_pushers, [
    ...pusherOf(params.marker.last_push),
    ...pusherOf(params.push),
  ]);
}
