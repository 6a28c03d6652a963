/**
 * Readers of clauses that ask the foundation for the opposite of what it always generates: each
 * gives why the ask was not followed, or undefined when the clause does not ask it. A clause asking
 * for the opposite of what was generated must never count as met (issue #11 item 2).
 */

/** Words that turn an ask around (`no`, `not`, `never`, and the parts of `isn't`, `shouldn't`). */
const NEGATIONS = [
  'no',
  'not',
  'never',
  'without',
  'isn',
  'aren',
  'shouldn',
  'mustn',
  'don',
  'doesn',
  'nobody',
];
const VERSION_WORDS = ['version', 'versions', 'versioned', 'versioning'];
const OFF_WORDS = ['disabled', 'disable', 'disables', 'off', 'suspended', 'suspend', 'suspends'];
/** Words that keep `public` on the side of what was generated (`public access is blocked`). */
const PRIVATE_WORDS = [
  'block',
  'blocked',
  'blocks',
  'blocking',
  'private',
  'deny',
  'denied',
  'prevent',
  'prevented',
];

/**
 * `Versioning is disabled.`, `no versioning`, `versioning is not needed`, `an unversioned bucket`:
 * the bucket is versioned all the same. A negation counts only before a version word, or after
 * `versioning` itself, so `old versions are never deleted` asks for versions, not against them.
 */
export function versioningOpposed(words: readonly string[]): string | undefined {
  const negatedAt = (index: number) => NEGATIONS.includes(words[index] ?? '');
  const asksOff =
    words.includes('unversioned') ||
    words.some(
      (word, index) =>
        VERSION_WORDS.includes(word) &&
        (words.some((other) => OFF_WORDS.includes(other)) ||
          negatedAt(index - 1) ||
          (word === 'versioning' &&
            (negatedAt(index + 1) ||
              (['is', 'be'].includes(words[index + 1] ?? '') && negatedAt(index + 2))))),
    );
  return asksOff
    ? 'the bucket is versioned all the same (old versions expire after NoncurrentVersionRetentionDays): the foundation keeps versions so an overwrite or delete can be undone; suspend versioning by hand if it must be off'
    : undefined;
}

/** `The bucket is public so a website can read it.`: public access stays blocked. */
export function publicOpposed(words: readonly string[]): string | undefined {
  const has = (list: readonly string[]) => words.some((word) => list.includes(word));
  return words.includes('public') && !has(NEGATIONS) && !has(PRIVATE_WORDS)
    ? 'the bucket is not made public: public access stays blocked on every foundation bucket; serve public reads through CloudFront with origin access control, or a presigned URL'
    : undefined;
}
