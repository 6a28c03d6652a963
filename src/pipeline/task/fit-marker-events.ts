import { fitUnmirrored, MAX_UNMIRRORED_CHARS } from '../../core/state/fit-unmirrored.js';
import { MAX_UNMIRRORED_EVENTS } from '../../core/state/state-marker.js';
import { applyTaskEvent } from '../../core/task/apply-task-event.js';
import { eventsLostOf } from '../../core/task/events-lost-of.js';
import { TaskEventError } from '../../core/task/task-event-error.js';
import type { TaskEvent } from '../../core/task/task-event.js';
import type { Recorded } from './record-move.js';

/**
 * The events the marker carries after a move (`unmirrored`): the earlier ones the mirror has not
 * confirmed, then the move's, within `MAX_UNMIRRORED_EVENTS` and `MAX_UNMIRRORED_CHARS`
 * (`fitUnmirrored`). Those that no longer fit, and the sequences `unrecorded` names (known lost
 * without their events: steps taken before a mirror was configured), are named in `note` and
 * recorded as an `events_lost` event applied after the move's, which also takes in the ranges of
 * an earlier one the mirror has not confirmed: the marker carries one gap event, naming every
 * sequence the results table lacks.
 */
export function fitMarkerEvents(input: {
  earlier: readonly TaskEvent[];
  recorded: Recorded;
  at: string;
  taskId: string;
  /** Whether a task mirror is configured: without one the marker carries no events. */
  mirrored: boolean;
  /** Inclusive ranges of sequences the mirror lacks and no event of which is left to send. */
  unrecorded?: readonly (readonly [number, number])[];
}): { recorded: Recorded; unmirrored: TaskEvent[]; note?: string } {
  const { recorded } = input;
  const events = [...input.earlier, ...recorded.steps.map((step) => step.event)];
  if (!input.mirrored) return { recorded, unmirrored: events };
  const limits = { maxEvents: MAX_UNMIRRORED_EVENTS, maxChars: MAX_UNMIRRORED_CHARS };
  const fit = fitUnmirrored({ events, ...limits });
  const shortened =
    fit.shortened === 0
      ? undefined
      : `⚠️ The task mirror is still out: the status carries ${fit.shortened} more outcome event(s) for it shortened, to fit the comment; the record keeps the last outcome whole.`;
  const unrecorded = input.unrecorded ?? [];
  if (fit.dropped.length === 0 && unrecorded.length === 0)
    return { recorded, unmirrored: fit.kept, ...(shortened === undefined ? {} : { note: shortened }) };
  // One gap event names every gap the marker knows: an earlier one not mirrored yet is folded into
  // the new one (its ranges and its own sequence), and room is kept for it (at most MAX_LOST_RANGES
  // ranges: well under 1,000 characters).
  const earlierGaps = events.filter((event) => event.type === 'events_lost');
  const roomy = fitUnmirrored({
    events: events.filter((event) => event.type !== 'events_lost'),
    maxEvents: limits.maxEvents - 1,
    maxChars: limits.maxChars - 1000,
  });
  const lost = eventsLostOf([...earlierGaps, ...roomy.dropped], unrecorded)!;
  let gap: ReturnType<typeof applyTaskEvent>;
  try {
    gap = applyTaskEvent(recorded.record, {
      type: 'events_lost',
      task_id: input.taskId,
      at: input.at,
      ...lost,
    });
  } catch (error) {
    if (!(error instanceof TaskEventError)) throw error;
    // A record that takes no more steps (its version at the cap) takes no gap event either: said, not thrown.
    return {
      recorded,
      unmirrored: fit.kept,
      note: `⚠️ The task record could not name the ${lost.count} event(s) the mirror lacks (${error.message}).`,
    };
  }
  const named = roomy.dropped.map((event) => `${event.sequence} ${event.type}`).join(', ');
  const gapNamed = `an events_lost event (sequence ${gap.event.sequence}) records the gap`;
  const before = unrecorded.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`));
  const notes = [
    roomy.dropped.length === 0
      ? undefined
      : `⚠️ The task mirror has been out for too long: ${roomy.dropped.length} task event(s) no longer fit the status and were dropped unmirrored (${named}); the results table will lack them, and ${gapNamed}.`,
    unrecorded.length === 0
      ? undefined
      : `⚠️ The task mirror lacks the events of sequences ${before.join(', ')} (steps taken before the mirror was configured, or written to another table): the status keeps no copy of them, so ${gapNamed}.`,
  ].filter((line) => line !== undefined);
  return {
    recorded: { ...recorded, record: gap.record, steps: [...recorded.steps, gap] },
    unmirrored: [...roomy.kept, gap.event],
    note: notes.join(' '),
  };
}
