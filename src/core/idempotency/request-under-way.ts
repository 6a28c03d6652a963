import type { TaskState } from '../state/task-state.js';

/**
 * How long a `generating` or `validating` marker is taken for a run still going. Longer than the
 * example workflow's 20-minute job timeout and any generation with its repairs; a marker left
 * older than this was left by a run that died, and a new trigger starts the task over.
 */
export const IN_FLIGHT_STALE_AFTER_MS = 30 * 60_000;

const IN_FLIGHT: ReadonlySet<TaskState> = new Set(['generating', 'validating']);
/** A pull request made from the request exists; regenerating the same request would make it again. */
const MADE: ReadonlySet<TaskState> = new Set(['pr_open', 'approved']);

type MarkerTimes = { state: TaskState; updated_at: string };

/**
 * Whether the marker says `generating` or `validating` but is older than
 * `IN_FLIGHT_STALE_AFTER_MS` (or its time cannot be read): the run that wrote it died, so the
 * trigger it recorded as handled was not carried out, and a redelivery of it may run again.
 */
export function isAbandonedRun(params: { marker: MarkerTimes; now: Date }): boolean {
  if (!IN_FLIGHT.has(params.marker.state)) return false;
  // An unreadable time counts as stale: a task must never be stuck behind a marker nobody can age.
  return !(params.now.getTime() - Date.parse(params.marker.updated_at) <= IN_FLIGHT_STALE_AFTER_MS);
}

/**
 * Whether a trigger asking for exactly this request (same `requestDigest`) would only repeat work:
 * the task's latest generation was made from it and is under way or has its pull request. A
 * changed request, a failed or cancelled task, or an in-flight marker older than
 * `IN_FLIGHT_STALE_AFTER_MS` is not a repeat.
 */
export function isRequestUnderWay(params: {
  marker: (MarkerTimes & { generated_from?: string | undefined }) | undefined;
  digest: string;
  now: Date;
}): boolean {
  const { marker } = params;
  if (marker?.generated_from === undefined || marker.generated_from !== params.digest) return false;
  if (MADE.has(marker.state)) return true;
  return IN_FLIGHT.has(marker.state) && !isAbandonedRun({ marker, now: params.now });
}
