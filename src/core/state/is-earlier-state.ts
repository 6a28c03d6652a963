import type { TaskMarker } from './state-marker.js';

/**
 * Whether `seen` (a marker read back from the status comment) is an earlier state of the line of
 * writes `base` continues, not another run's step: a lower record `version` whose last write id
 * `base` already built on (its `writes`), or which records no write ids at all. That is a marker
 * written back over the live one (an older signed body pasted from the comment's edit history):
 * the task must not go back to it. A racing run's write carries a write id of its own, which
 * `base` never saw: that one is applied on top of, as before. An earlier state older than the
 * `writes` a marker keeps (`MAX_MARKER_WRITES`) is not recognised here; the mirror's version still
 * refuses to go back (`syncTaskMirror`). Pure.
 */
export function isEarlierState(seen: TaskMarker, base: TaskMarker | undefined): boolean {
  if (base === undefined || (seen.version ?? 0) >= (base.version ?? 0)) return false;
  const last = seen.writes?.at(-1);
  return last === undefined || (base.writes ?? []).includes(last);
}
