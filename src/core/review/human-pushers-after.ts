import type { TaskMarker } from '../state/state-marker.js';
import type { LastPush } from './last-push.js';

/** How many pushers the marker keeps (`human_pushers`): a task's branch has a handful, not hundreds. */
export const MAX_HUMAN_PUSHERS = 20;

/**
 * Everyone but the agent who pushed to the task's branch (marker `human_pushers`), once `push` is
 * recorded as its `last_push`: the pushers recorded so far, the marker's previous `last_push` when
 * a person or another bot made it (markers from before `human_pushers` remember only that one), and
 * `push`'s own pusher. The agent's commit on top of someone's push does not remove them: their
 * commits are still in the branch, under the agent's head — and the agent only ever commits on top
 * (a re-run, a feedback commit; `publishPullRequest` never force-moves a branch), so the list holds
 * for the task's life. The one exception is a branch that is gone (deleted once its pull request was
 * closed): the run that makes it anew from the base branch drops the list with the other records of
 * the old branch's pushes (`RECREATED_BRANCH_RESETS`), since
 * nothing anyone pushed before is under its head. Logins lowercase, without repeats, the
 * newest last, at most `MAX_HUMAN_PUSHERS` (the oldest dropped first).
 */
export function humanPushersAfter(params: {
  marker: Pick<TaskMarker, 'human_pushers' | 'last_push'>;
  push: LastPush;
}): string[] {
  const loginOf = (push: LastPush | undefined) =>
    push === undefined || push.by.kind === 'agent' ? [] : [push.by.login];
  const all = [
    ...(params.marker.human_pushers ?? []),
    ...loginOf(params.marker.last_push),
    ...loginOf(params.push),
  ];
  const unique = [...new Set(all.map((login) => login.toLowerCase()))];
  return unique.slice(-MAX_HUMAN_PUSHERS);
}
