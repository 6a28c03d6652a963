import { MAX_MARKER_WRITES, type TaskMarker } from './state-marker.js';

/** One write of the status comment: its id, the last id of the marker it built on, and its record version. */
export interface MarkerWrite {
  readonly id: string;
  /** The last write id of the base this write built on (`writes.at(-1)`); absent on a base without ids. */
  readonly predecessor: string | undefined;
  readonly version: number;
}

/**
 * Whether the marker read now (`seen`) holds `write`, i.e. is that write or a later one built on
 * it. A marker keeps only its last `MAX_MARKER_WRITES` write ids, so the id's absence alone is no
 * proof: other runs' writes on top of this one push it out. Judged by order instead: when `seen`
 * still names the write's predecessor (or its window is not full, so it reaches back to the
 * task's first write) the write would be there, and its absence means another run's write
 * replaced it (a write on the same base, or an older marker written back). When the window has
 * moved past both ids, at least `MAX_MARKER_WRITES - 1` writes followed the fork; a marker of a
 * later record version is then taken to hold it (the board applies a step again only on proof it
 * was replaced, and a step applied again is still recognised by its id while the id is in the
 * window). Pure.
 */
export function holdsWrite(seen: TaskMarker, write: MarkerWrite): boolean {
  const ids = seen.writes ?? [];
  if (ids.includes(write.id)) return true;
  if (write.predecessor !== undefined && ids.includes(write.predecessor)) return false;
  if (ids.length < MAX_MARKER_WRITES) return false;
  return (seen.version ?? 0) > write.version;
}
