import { sha256Hex } from '../stores/sha256-hex.js';
import type { LifecycleEvent } from './lifecycle-event.js';

/** Hex digits of sha256 kept: 128 bits, so two distinct milestones never share an id. */
const ID_DIGITS = 32;

/**
 * The id a consumer drops duplicates by (`detail.event_id`, README "Lifecycle events"), pure: the
 * id the event already carries (fixed when a former identity's event was re-keyed,
 * `rekeyedEvents`), else the sha256 of what makes the milestone itself (task, record version, detail-type, time, and a
 * deploy's environment and deployment), never of what a later step adds (`reason_code`). An event
 * re-sent from an outbox (the status marker's `unsent`, a log record's `unsent_events`) keeps its
 * id; two milestones at one `sequence` do not share one — a deploy run moving the tasks table
 * alone and the status comment's next step both take the version after the comment's, so
 * `sequence` by itself is no duplicate key.
 */
export function lifecycleEventId(event: LifecycleEvent): string {
  const { detail } = event;
  if (detail.event_id !== undefined) return detail.event_id;
  const identity = [
    detail.task_id,
    detail.sequence,
    event.detailType,
    detail.at,
    detail.environment ?? null,
    detail.deployment_id ?? null,
  ];
  return sha256Hex(JSON.stringify(identity)).slice(0, ID_DIGITS);
}
