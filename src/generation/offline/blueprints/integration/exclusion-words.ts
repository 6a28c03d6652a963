/**
 * Words with which a sentence asks to leave deliveries out ("Ignore events from forks"): such a
 * sentence names no event type to take (`eventTypesAsked`), and its coverage row says what no
 * generated check filters out (`integrationCoverage`). One list, so both read the same sentences.
 */
export const EXCLUSION_WORDS: readonly string[] = [
  'ignore',
  'ignored',
  'ignores',
  'skip',
  'skipped',
  'skips',
  'exclude',
  'excluded',
  'excludes',
  'discard',
  'discarded',
  'discards',
  'except',
];
