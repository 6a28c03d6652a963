/**
 * Characters a reader cannot see: the whole Unicode `Cf` (format) category — zero-width spaces and
 * joiners, the bidirectional controls, tag characters (U+E0000…) —, the variation selectors, and the
 * other default-ignorable code points (Hangul fillers, the combining grapheme joiner), which fonts
 * render as nothing. Unicode Standard §5.21 "Default Ignorable Code Points"; UAX #9 for the bidi
 * controls. Property classes, not a hand-made list, so new code points are covered as Node's
 * Unicode data grows.
 */
export const INVISIBLE_CHARACTER_CLASS = '\\p{Cf}\\p{Variation_Selector}\\p{Default_Ignorable_Code_Point}';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTER_CLASS}]`, 'gu');
const DIRECTION_CONTROL = /^\p{Bidi_Control}$/u;

export interface InvisibleCharacterCount {
  /** Bidirectional controls (U+202E…), which reorder what a reader sees. */
  readonly direction: number;
  /** Every other invisible character. */
  readonly invisible: number;
}

/** Removes every invisible character; linear in the text. */
export function stripInvisibleCharacters(text: string): { text: string; count: InvisibleCharacterCount } {
  let direction = 0;
  let invisible = 0;
  const stripped = text.replace(INVISIBLE, (character) => {
    if (DIRECTION_CONTROL.test(character)) direction += 1;
    else invisible += 1;
    return '';
  });
  return { text: stripped, count: { direction, invisible } };
}
