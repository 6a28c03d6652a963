const IRREGULAR: Readonly<Record<string, string>> = {
  pay: 'paid',
  send: 'sent',
  make: 'made',
  buy: 'bought',
  hold: 'held',
  put: 'put',
  set: 'set',
  read: 'read',
  write: 'written',
  begin: 'begun',
  run: 'run',
  cancel: 'cancelled',
  submit: 'submitted',
  refer: 'referred',
  open: 'open',
  ship: 'shipped',
  fulfil: 'fulfilled',
};

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

/** The past participle of a `[a-z]` verb, as a status name: `place` → `placed`, `ship` → `shipped`, `pay` → `paid`. */
export function participle(verb: string): string {
  const irregular = IRREGULAR[verb];
  if (irregular !== undefined) return irregular;
  if ((verb.endsWith('ed') && verb.length > 4) || EN_PARTICIPLES.has(verb)) return verb;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  // One vowel group ending consonant-vowel-consonant doubles the consonant: stop → stopped.
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(verb)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}
