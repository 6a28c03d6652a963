import { shortOutcomeEvent } from '../task/short-outcome-event.js';
import type { TaskEvent } from '../task/task-event.js';

/**
 * Characters the marker's `unmirrored` events may take, as written (JSON, `-` and `>` escaped to
 * six characters each). A comment holds 65,536 characters (GitHub's limit on an issue comment
 * body); the marker's other lists are bounded on their own (`unsent`: 20 events of about 300 bytes,
 * `last_outcome`: texts of at most 2,000 characters), so this leaves room for them and the text.
 */
export const MAX_UNMIRRORED_CHARS = 24_000;

/**
 * The events the marker can carry for a mirror that has not confirmed them, oldest first (pure):
 * at most `maxEvents` and `maxChars` characters as the marker writes them. Past the size, the
 * embedded copies of outcome events are shortened first, oldest first (status, reason code and
 * the message's start: the record keeps the whole last outcome); then the oldest events are
 * dropped, and returned in `dropped` for the status comment to name. Never throws.
 */
export function fitUnmirrored(params: {
  events: readonly TaskEvent[];
  maxEvents: number;
  maxChars: number;
}): { kept: TaskEvent[]; dropped: TaskEvent[]; shortened: number } {
  const kept = [...params.events];
  let total = kept.reduce((sum, event) => sum + markerChars(event), 0);
  let shortened = 0;
  for (let index = 0; index < kept.length && total > params.maxChars; index += 1) {
    const event = kept[index]!;
    if (event.type !== 'outcome_recorded') continue;
    const short = shortOutcomeEvent(event);
    const saved = markerChars(event) - markerChars(short);
    if (saved <= 0) continue;
    kept[index] = short;
    total -= saved;
    shortened += 1;
  }
  const dropped: TaskEvent[] = [];
  while (kept.length > 0 && (kept.length > params.maxEvents || total > params.maxChars)) {
    const event = kept.shift()!;
    total -= markerChars(event);
    dropped.push(event);
  }
  return { kept, dropped, shortened };
}

/** An event's length in the marker: `renderStateMarker` escapes `-` and `>` as `\u002d`, `\u003e`. */
export function markerChars(value: unknown): number {
  const json = JSON.stringify(value);
  return json.length + 5 * (json.match(/[->]/g) ?? []).length;
}
