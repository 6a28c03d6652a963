import type { TaskMarker } from '../state/state-marker.js';
import type { Account, RecordedAccount } from './account.js';
import { accountsUnion } from './accounts-union.js';
import type { LastPush } from './last-push.js';

/** How many pushers the marker keeps (`human_pushers`): a task's branch has a handful, not hundreds. */
export const MAX_HUMAN_PUSHERS = 20;

/**
 * `recorded` pushers (marker `human_pushers`) with `pushers` taken in: one entry per account
 * (`accountsUnion`: by id when both have one, else by login; its records merged so a login-only one
 * never wipes a kept id), put where its newest record was, at most `MAX_HUMAN_PUSHERS` (the oldest dropped first). Logins lowercase; an account
 * known by login alone stays a bare login, as older markers wrote it. Pure.
 */
export function pushersAfter(
  recorded: readonly RecordedAccount[] | undefined,
  pushers: readonly Account[],
): RecordedAccount[] {
  return accountsUnion([...(recorded ?? []), ...pushers])
    .slice(-MAX_HUMAN_PUSHERS)
    .map((account) => ({ ...account, login: account.login.toLowerCase() }))
    .map((account) => (account.id === undefined && account.type === undefined ? account.login : account));
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
 * its head. As `pushersAfter` keeps them (each pusher's account id and type when recorded).
 */
export function humanPushersAfter(params: {
  marker: Pick<TaskMarker, 'human_pushers' | 'last_push'>;
  push: LastPush;
}): RecordedAccount[] {
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
