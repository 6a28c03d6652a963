/**
 * `a` or `an` before a word or phrase, by how its first word is said, not how it is spelled:
 * `an employeeId` (camelCase is read from its first part), `a user`, `a unique`, `an unassigned`,
 * `an hour`, `a one-off`, `an SQS queue`, `a URL`, `a FIFO queue`, `an 8-hour`, `an 11`.
 * English-enough for generated prose; the rule is the sound of the first letter, spelled out for
 * initialisms (https://www.merriam-webster.com/grammar/is-it-a-or-an).
 */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const first = firstWord(phrase);
  if (first === '') return 'a';
  if (/^\d/.test(first)) return /^(8|1[18](\d{3})*(?!\d))/.test(first) ? 'an' : 'a';
  if (isInitialism(first)) return VOWEL_SOUND_LETTERS.has(first[0] ?? '') ? 'an' : 'a';
  return startsWithVowelSound(first.toLowerCase()) ? 'an' : 'a';
}

/** `employeeId` → `an employeeId`, `user` → `a user`: the phrase as given, after its article. */
export function withIndefiniteArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/** Letters whose name starts with a vowel sound (`an S3 bucket`, `an HTTP API`, `an MFA code`). */
const VOWEL_SOUND_LETTERS = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

/** Capitalized short words said as words, not letter by letter. */
const SAID_AS_WORDS = new Set([
  'FIFO',
  'LIFO',
  'REST',
  'SAML',
  'NAT',
  'LAN',
  'RAM',
  'SOAP',
  'NASA',
  'RAID',
  'SWAT',
]);

/** Words that start with a vowel letter and a consonant sound (`a unit`, `a one-time`, `a euro`). */
const CONSONANT_SOUND_PREFIXES =
  /^(uni(?!mp|nt|nst|nit|nf|dent|nhab|mag)|one\b|once\b|eu|ewe|ufo|uk\b|usb\b|uuid\b|utf\b)/;

/** Words that start with a consonant letter and a vowel sound (`an hour`, `an honest`). */
const VOWEL_SOUND_PREFIXES = /^(hour|honest|honou?r|heir)/;

function startsWithVowelSound(word: string): boolean {
  if (VOWEL_SOUND_PREFIXES.test(word)) return true;
  if (CONSONANT_SOUND_PREFIXES.test(word)) return false;
  // `user`, `usage`, `utility`: u, one consonant, a vowel is said "you"; `update`, `urgent`, `unassigned` are not.
  if (/^u[bcdfgjklpstvz][aeiouy]/.test(word) || /^ur[aeiou]/.test(word)) return false;
  return /^[aeiou]/.test(word);
}

/** The first word: up to a space or punctuation, and up to the next part of a camelCase name. */
function firstWord(phrase: string): string {
  const word = /^[\s"'`(*_[]*([A-Za-z0-9]+)/.exec(phrase)?.[1] ?? '';
  if (/^[A-Z0-9]+$/.test(word) || /^[A-Z]{2,}\d/.test(word)) return word;
  // `SQSQueue` → `SQS`; `employeeId` → `employee`; `S3Bucket` → `S3`.
  const initialism = /^([A-Z][A-Z0-9]+)(?=[A-Z][a-z])/.exec(word)?.[1];
  if (initialism !== undefined) return initialism;
  return /^[A-Za-z0-9][a-z0-9]*/.exec(word)?.[0] ?? word;
}

function isInitialism(word: string): boolean {
  return /^[A-Z][A-Z0-9]+$/.test(word) && word.length <= 5 && !SAID_AS_WORDS.has(word);
}
