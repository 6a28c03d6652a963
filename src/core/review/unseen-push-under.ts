import type { TaskMarker } from '../state/state-marker.js';

/** `before` of a push that created the branch: no commit. */
const NO_COMMIT = /^0+$/;

/**
 * The head a `pull_request.synchronize` moved the branch from (its `before`), when that is not the
 * head the task recorded: the branch moved from the recorded head to `before` by pushes no event
 * told the agent of (a lost delivery, a run cancelled before it ran), and they sit under the pushed
 * head whatever its own pusher. Returned (lowercase) to be recorded as a push of unknown pusher, so
 * GitHub is asked who made it and the pushes under it (`namePushers`), as for any unseen push.
 * Undefined when nothing was unseen or nothing can tell: `before` is the recorded head
 * (`last_push`; a marker written before pushes were recorded has none to compare), a push the task recorded
 * already (`unvalidated_push`, `foreign_pushes`), or no commit (the push created the branch); or
 * when the pushed head (`after`) is recorded already (a delivery handled after a newer push's was:
 * what was under it was taken in then). Pure.
 */
export function unseenPushUnder(params: {
  marker: Pick<TaskMarker, 'last_push' | 'unvalidated_push' | 'foreign_pushes'>;
  before: string | undefined;
  after: string;
}): string | undefined {
  const { marker } = params;
  const before = params.before?.toLowerCase();
  const after = params.after.toLowerCase();
  // A marker written before pushes were recorded names no head to compare with: its head's own
  // pusher rule already fails closed (`unrecordedPushes`).
  if (marker.last_push === undefined) return undefined;
  if (before === undefined || before === after || NO_COMMIT.test(before)) return undefined;
  const recorded = [
    marker.last_push.sha,
    marker.unvalidated_push,
    ...(marker.foreign_pushes ?? []).map((push) => push.sha),
  ].map((sha) => sha?.toLowerCase());
  if (recorded.includes(after) || recorded.includes(before)) return undefined;
  return before;
}
