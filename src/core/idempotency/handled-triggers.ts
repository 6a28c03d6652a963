import { z } from 'zod';

/**
 * How many triggers a task remembers, newest last. A redelivery comes within GitHub's 3-day
 * redelivery window, long before an issue sees 20 more triggers; older ones fall off so the marker
 * stays small.
 */
export const MAX_HANDLED_TRIGGERS = 20;

/** `opened`, `labeled@<issue updated_at>`, `comment:<id>`, `dispatch:<request id>` (see `triggerKeyOf`). */
export const triggerKeySchema = z.string().min(1).max(100);

export const handledTriggersSchema = z.array(triggerKeySchema).max(MAX_HANDLED_TRIGGERS);

/** True when the task's marker says this very trigger was already carried out. */
export function wasHandled(handled: readonly string[] | undefined, key: string): boolean {
  return handled?.includes(key) ?? false;
}

/** The list with `key` added last (moved there if present), cut to the newest `MAX_HANDLED_TRIGGERS`. */
export function recordTrigger(handled: readonly string[] | undefined, key: string): string[] {
  return [...(handled ?? []).filter((seen) => seen !== key), key].slice(-MAX_HANDLED_TRIGGERS);
}
