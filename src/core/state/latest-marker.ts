import type { TaskMarker } from './state-marker.js';

/**
 * Of several trusted status markers of one task, the one that says the most recent state: the
 * highest record `version` (how many events the task has taken in; absent counts as 0), then the
 * first given (the oldest comment, the one the agent keeps editing). Never the clock: a marker's
 * `updated_at` is its writer's word, and one set in the future must not outrank the live state.
 * A marker copied from an older state of the task, signed and all, loses to the live one; once
 * the live one is deleted, it can still win (see the README, *What it trusts*). `undefined` for none.
 */
export function latestMarker<T extends { readonly marker: TaskMarker }>(
  candidates: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (best === undefined || isLater(candidate.marker, best.marker)) best = candidate;
  }
  return best;
}

function isLater(candidate: TaskMarker, best: TaskMarker): boolean {
  return (candidate.version ?? 0) > (best.version ?? 0);
}
