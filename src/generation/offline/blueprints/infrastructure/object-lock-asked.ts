/**
 * Whether a text asks that objects cannot be removed (Object Lock), rather than only that they are
 * kept: `keep files for 7 years` is a lifecycle floor (nothing deletes them sooner), while `locked`,
 * `immutable`, `WORM`, `cannot be deleted` or `compliance mode` asks S3 to refuse the deletion itself
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html).
 */

/** Single words that ask for write-once storage on their own. */
const LOCK_WORDS = new Set(['immutable', 'worm', 'tamper', 'tamperproof', 'undeletable', 'locked']);
/** Runs of words that do (`compliance mode`, not `a compliance officer`). */
const LOCK_PHRASES: readonly (readonly string[])[] = [
  ['object', 'lock'],
  ['write', 'once'],
  ['legal', 'hold'],
  ['compliance', 'mode'],
  ['governance', 'mode'],
  ['lock', 'them'],
  ['lock', 'objects'],
  ['lock', 'files'],
  ['lock', 'it'],
];
/** Words that forbid what follows (`cannot`, `can't` as `can t`, `never`, `nobody`, `no one`, `must not`). */
const FORBIDDING = new Set([
  'no',
  'cannot',
  'never',
  'nobody',
  'not',
  't',
  'prevent',
  'prevents',
  'prevented',
  'forbid',
]);
const REMOVAL_WORDS = new Set([
  'delete',
  'deleted',
  'deletes',
  'deletion',
  'deleting',
  'overwrite',
  'overwritten',
  'overwrites',
  'tampered',
  'modified',
  'altered',
]);
/** How far before a removal word a forbidding word still governs it (`can never be deleted`). */
const FORBIDDING_REACH = 4;

/** True when the words ask that objects cannot be deleted or overwritten (Object Lock). */
export function asksForObjectLock(words: readonly string[]): boolean {
  if (words.some((word) => LOCK_WORDS.has(word))) return true;
  if (LOCK_PHRASES.some((phrase) => containsRun(words, phrase))) return true;
  return words.some(
    (word, index) =>
      REMOVAL_WORDS.has(word) &&
      words.slice(Math.max(0, index - FORBIDDING_REACH), index).some((before) => FORBIDDING.has(before)),
  );
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  return words.some((_, index) => run.every((word, offset) => words[index + offset] === word));
}
