import type { TaskMarker } from '../../core/state/state-marker.js';

/** Whether the comment read (`seen`) is still the one a board built on: the same write, version and time. */
export function sameBase(seen: TaskMarker, base: TaskMarker | undefined): boolean {
  return (
    base !== undefined &&
    seen.version === base.version &&
    seen.updated_at === base.updated_at &&
    seen.state === base.state &&
    seen.writes?.at(-1) === base.writes?.at(-1)
  );
}
