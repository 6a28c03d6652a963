import type { LimitUnit } from './github-limits.js';

/**
 * The longest start of `text` whose size in `unit` is at most `max`, never splitting a surrogate
 * pair. Linear in the part kept.
 */
export function truncateToSize(params: { text: string; max: number; unit: LimitUnit }): string {
  const { text, max, unit } = params;
  if (max <= 0) return '';
  if (unit === 'characters') {
    if (text.length <= max) return text;
    const last = text.charCodeAt(max - 1);
    // A high surrogate at the cut would leave half a character.
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
  }
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > max) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
