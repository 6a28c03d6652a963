import type { TaskEvent } from './task-event.js';

/** What an outcome's message is cut to in the status marker's copy of its event (`fitUnmirrored`). */
export const SHORT_MESSAGE_CHARS = 200;

/**
 * The status marker's short copy of an outcome event (pure): status, reason code and the
 * message's first `SHORT_MESSAGE_CHARS` characters, then `…`; other outcome fields left out (the
 * record keeps the last outcome whole). A short copy shortens to itself; other events are returned as they are.
 */
export function shortOutcomeEvent(event: TaskEvent): TaskEvent {
  if (event.type !== 'outcome_recorded') return event;
  const { version, status, reasonCode, message } = event.outcome;
  const text = message.length <= SHORT_MESSAGE_CHARS ? message : `${message.slice(0, SHORT_MESSAGE_CHARS)}…`;
  return { ...event, outcome: { version, status, reasonCode, message: text } };
}
