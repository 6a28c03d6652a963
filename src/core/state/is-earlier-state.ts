import { MAX_MARKER_WRITES, type TaskMarker } from './state-marker.js';

/**
 * Whether `seen` (a marker read back from the status comment) is an earlier state of the line of
 * writes `base` continues, not another run's step. Only a lower record `version` can be either.
 *
 * How runs race on one comment: a run writes on the state it last read, and reads the comment
 * again just before every write, and back after every write
 * (the status board). So a racing run's write branches from a state this line held moments ago:
 * its `writes` end with its own new id, after the last id of a state this line still keeps
 * (`base.writes`, the last `MAX_MARKER_WRITES`). Everything else at a lower version is a marker
 * written back over the live one (an older signed body pasted from the comment's edit history),
 * however old: its last id is one this line wrote, or it branches from a state this line has long
 * left, or it carries no write ids at all. The task must not go back to it, so the rule needs no
 * window to recognise a replay: only a racer must prove, by its base, that it is one. A first
 * write on a base without ids (`writes` of one id) is a racer's only while this line's ids still
 * reach back to such a base (it keeps fewer than `MAX_MARKER_WRITES`). Pure.
 */
export function isEarlierState(seen: TaskMarker, base: TaskMarker | undefined): boolean {
  if (base === undefined || (seen.version ?? 0) >= (base.version ?? 0)) return false;
  const ours = base.writes ?? [];
  const theirs = seen.writes ?? [];
  const last = theirs.at(-1);
  if (last === undefined || ours.includes(last)) return true;
  const branchedFrom = theirs.at(-2);
  if (branchedFrom !== undefined) return !ours.includes(branchedFrom);
  return ours.length >= MAX_MARKER_WRITES;
}
