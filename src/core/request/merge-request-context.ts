import { isRecord } from './is-record.js';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deep-merges free-form context under the fields a requester set explicitly: the explicit value wins
 * wherever both have one, and context fields nobody else set are kept (DESIGN §2: extra fields are context).
 */
export function mergeRequestContext(params: {
  context: Record<string, unknown>;
  explicit: Record<string, unknown>;
}): Record<string, unknown> {
  const merged = new Map<string, unknown>();
  for (const [key, value] of Object.entries(params.context))
    if (!UNSAFE_KEYS.has(key)) merged.set(key, value);
  for (const [key, value] of Object.entries(params.explicit)) {
    const existing = merged.get(key);
    merged.set(
      key,
      isRecord(existing) && isRecord(value)
        ? mergeRequestContext({ context: existing, explicit: value })
        : value,
    );
  }
  return Object.fromEntries(merged);
}
