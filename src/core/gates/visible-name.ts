import { INVISIBLE_CHARACTER_CLASS } from '../untrusted/invisible-characters.js';

/**
 * Characters a reader cannot see or that reorder the text around them: the Unicode format category
 * (`Cf`, which holds every bidi control such as U+202E), variation selectors, the other default-ignorable
 * code points (fillers such as U+3164 that render as nothing) and every space but U+0020 (no-break,
 * ideographic, line and paragraph separators).
 */
export const INVISIBLE_CHARACTER = new RegExp(`[${INVISIBLE_CHARACTER_CLASS}]|[^\\S ]`, 'u');

const UNPRINTABLE = new RegExp(`[\\p{Cc}\\p{Cs}${INVISIBLE_CHARACTER_CLASS}]|[^\\S ]`, 'gu');

/** `U+202E`: how findings name one code point. */
export function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A name as a finding quotes it: invisible and control characters spelled `<U+200C>` so the reader sees
 * what was refused, and cut to `maxLength` characters.
 */
export function visibleName(name: string, maxLength = 60): string {
  const shown = name.length > maxLength ? `${name.slice(0, maxLength)}…` : name;
  return shown.replace(UNPRINTABLE, (character) => `<${codePoint(character)}>`);
}
