import type { MarkerKeys } from './marker-keys.js';

/**
 * Which of the marker keys a signature holds under: `current` first, then `previous` (set only
 * during a rotation), else `undefined`. `holds` checks the signature against one key; every
 * signed thing the agent verifies (status markers, dispatch markers, deployment payloads,
 * control requests) asks this one question, so a rotation is honoured the same way everywhere.
 */
export function keyThatSigned(
  keys: MarkerKeys,
  holds: (key: Buffer) => boolean,
): 'current' | 'previous' | undefined {
  if (holds(keys.current)) return 'current';
  if (keys.previous !== undefined && holds(keys.previous)) return 'previous';
  return undefined;
}
