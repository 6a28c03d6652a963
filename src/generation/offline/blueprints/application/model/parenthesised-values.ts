/** What a sentence lists in parentheses after a noun, and the sentence without those lists. */
export interface ParenthesisedValues {
  /** The text with every `( … )` list after a word taken out. */
  readonly text: string;
  /** The word before the list, lowercase (`priority`) → its values, snake_case (`low`, `in_progress`, `EUR`). */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

const MAX_VALUES = 20;
const LIST = /([A-Za-z][A-Za-z0-9]*)\s*\(([^()]{1,200})\)/g;

/**
 * `a priority (low, medium, high or urgent)`, `a type (annual or sick)`: the parenthesised list is
 * the values the field allows, not more fields. Values are the comma-, `or`- and `and`-separated
 * parts, each as snake_case words, lowercase unless written as a code in capitals (`EUR`); a list of fewer than two values (`(optional)`) is no list and is
 * dropped from the text all the same.
 */
export function parenthesisedValues(text: string): ParenthesisedValues {
  const values = new Map<string, readonly string[]>();
  const rest = text.replace(LIST, (_match, word: string, inside: string) => {
    const parts = inside
      .split(/\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+/i)
      .map(valueOf)
      .filter((part) => part !== '');
    if (parts.length >= 2) values.set(word.toLowerCase(), [...new Set(parts)].slice(0, MAX_VALUES));
    return word;
  });
  return { text: rest, values };
}

/** `In progress` → `in_progress`, `EUR` → `EUR`: ASCII letters and digits only, so safe in generated code. */
function valueOf(part: string): string {
  const words = part.normalize('NFKD').match(/[A-Za-z0-9]+/g) ?? [];
  const value = words.join('_').slice(0, 64);
  return /[a-z]/.test(value) ? value.toLowerCase() : value;
}
