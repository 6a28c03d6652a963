import { IRREGULAR_VERBS } from './irregular-verbs.js';

/** Regular verbs whose spelling the rules below would get wrong, and `open`, whose state is "open". */
const SPELLING: Readonly<Record<string, string>> = {
  cancel: 'cancelled',
  submit: 'submitted',
  refer: 'referred',
  open: 'open',
  ship: 'shipped',
  fulfil: 'fulfilled',
};
const PARTICIPLES = new Set(Object.values(IRREGULAR_VERBS));

/** Participles ending in -en, kept as they are; any other -en word is a regular verb (reopen → reopened). */
const EN_PARTICIPLES = new Set([
  'taken',
  'given',
  'written',
  'chosen',
  'frozen',
  'hidden',
  'broken',
  'spoken',
  'stolen',
  'forgotten',
  'forgiven',
  'driven',
  'eaten',
  'fallen',
  'beaten',
  'shaken',
  'woken',
  'ridden',
  'risen',
  'bitten',
  'proven',
  'overridden',
  'undertaken',
  'rewritten',
  'withdrawn',
  'drawn',
  'shown',
  'known',
  'grown',
  'thrown',
  'flown',
  'seen',
  'been',
]);

/**
 * The past participle of a `[a-z]` verb, as a status name: `place` → `placed`, `ship` →
 * `shipped`, `pay` → `paid`, `freeze` → `frozen`, `withdraw` → `withdrawn` (irregular verbs from
 * `IRREGULAR_VERBS`); a word that already is a participle (`approved`, `sold`) is kept.
 */
export function participle(verb: string): string {
  // Own keys only: `constructor` or `__proto__` in issue text must not read Object.prototype.
  const irregular = Object.hasOwn(SPELLING, verb)
    ? SPELLING[verb]
    : Object.hasOwn(IRREGULAR_VERBS, verb)
      ? IRREGULAR_VERBS[verb]
      : undefined;
  if (irregular !== undefined) return irregular;
  if ((verb.endsWith('ed') && verb.length > 4) || EN_PARTICIPLES.has(verb) || PARTICIPLES.has(verb))
    return verb;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  // One vowel group ending consonant-vowel-consonant doubles the consonant: stop → stopped.
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(verb)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}

/**
 * A verb's participle as the request spells it: `canceled` where the request writes `canceled`,
 * `cancelled` where it writes `cancelled` (American and British spellings differ only by doubling
 * the verb's last consonant before `-ed`: `label` → `labeled`/`labelled`). `written` are the words
 * the request uses; `participle(verb)` when none of them is the verb's other spelling.
 */
export function spelledAs(verb: string, written: Iterable<string>): string {
  const usual = participle(verb);
  if (!/[^aeiou]$/.test(verb)) return usual;
  const spellings = new Set([`${verb}ed`, `${verb}${verb.slice(-1)}ed`]);
  if (!spellings.has(usual)) return usual;
  for (const word of written) if (word !== usual && spellings.has(word)) return word;
  return usual;
}
