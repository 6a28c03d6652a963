import { camel } from './camel.js';
import type { FieldSpec } from './resource-model-types.js';

/** Words that compare what precedes them with what follows (`below`, `more than`, `at least`). */
const COMPARATORS = new Set([
  'below',
  'above',
  'under',
  'over',
  'exceeds',
  'exceed',
  'than',
  'least',
  'most',
]);
/** Words between a compared thing and its comparator (`is below`, `falls under`, `is less than`). */
const LINKS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'is',
  'are',
  'was',
  'falls',
  'fall',
  'drops',
  'drop',
  'goes',
  'go',
  'less',
  'more',
  'fewer',
  'greater',
  'lower',
  'higher',
  'at',
]);

/**
 * The string fields a request compares with a number (`list products whose quantity is below the
 * reorder level`, `when its balance exceeds the credit allowance`): compared with an amount, they
 * are amounts too. `texts`: the words of every story and description sentence. A side is a number
 * when it is digits or a number field; a side names a field by its last one or two words.
 */
export function comparedNumberFields(params: {
  readonly fields: readonly FieldSpec[];
  readonly texts: readonly (readonly string[])[];
}): Set<string> {
  const type = new Map(params.fields.map((field) => [field.name, field.type]));
  // A side is digits, or the field named by its two words or its one word nearest the comparator.
  const side = (near: string | undefined, pair: readonly (string | undefined)[]) => {
    if (/^\d+$/.test(near ?? '')) return 'digits';
    const two = pair.every((word) => word !== undefined) ? camel(pair as string[]) : undefined;
    return [two, near].find((name) => name !== undefined && type.has(name));
  };
  const found = new Set<string>();
  for (const words of params.texts)
    words.forEach((word, index) => {
      if (!COMPARATORS.has(word)) return;
      let before = index - 1;
      while (before >= 0 && LINKS.has(words[before] ?? '')) before -= 1;
      let after = index + 1;
      while (after < words.length && LINKS.has(words[after] ?? '')) after += 1;
      const left = side(words[before], [words[before - 1], words[before]]);
      const right = side(words[after], [words[after], words[after + 1]]);
      const numeric = (name: string | undefined) => name === 'digits' || type.get(name ?? '') === 'number';
      if (numeric(left) && right !== undefined && right !== 'digits') found.add(right);
      if (numeric(right) && left !== undefined && left !== 'digits') found.add(left);
    });
  return new Set([...found].filter((name) => type.get(name) === 'string'));
}
