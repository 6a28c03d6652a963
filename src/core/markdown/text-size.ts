import type { LimitUnit } from './github-limits.js';

/** The size of `text` as GitHub measures it for a limit in `unit` (see `LimitUnit`). */
export function textSize(text: string, unit: LimitUnit): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}
