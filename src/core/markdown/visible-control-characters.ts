/**
 * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional controls
 * (Unicode `Bidi_Control`): characters that end a line or table row, hide text or reorder it on screen.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows each such character as its `\uXXXX` escape, so text that holds one stays on one line and
 * reads in the order it was written. Characters listed in `keep` (e.g. `\n` for a code block) stay.
 */
export function visibleControlCharacters(text: string, keep = ''): string {
  return text.replace(INVISIBLE, (char) =>
    keep.includes(char) ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
