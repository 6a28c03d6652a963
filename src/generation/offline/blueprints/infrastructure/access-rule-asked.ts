/** Words that make what follows `only` a permission (`Only the referrals role can write`). */
const MODALS = ['can', 'may', 'allowed', 'permitted'];
/** Verbs of a permission, by the S3 actions a bucket policy would limit for them. */
const ACCESS_ACTIONS: readonly { readonly words: readonly string[]; readonly actions: string }[] = [
  { words: ['write', 'writes', 'upload', 'uploads', 'put', 'puts', 'add', 'adds'], actions: 's3:PutObject' },
  { words: ['delete', 'deletes', 'remove', 'removes'], actions: 's3:DeleteObject' },
  {
    words: ['read', 'reads', 'download', 'downloads', 'get', 'gets', 'view', 'views'],
    actions: 's3:GetObject',
  },
  { words: ['access', 'accesses', 'use', 'uses'], actions: 's3:*' },
];
/** Words between `only` and the modal, at most: a principal is named in a few words. */
const MAX_WHO = 8;

/**
 * A clause that limits who may act on the bucket (`Only the referrals service role can write to the
 * bucket.`, `only auditors may read objects`): why it is not met, naming the S3 actions a bucket
 * policy would have to deny to every other principal and how. The generated bucket policy only
 * refuses requests without TLS, so every principal of the account whose IAM policy allows the action
 * still has it: such a clause is never met by the bucket's existence or its public access block.
 * Undefined when the clause limits no principal (`read-only`, `only new objects`). Words are lowercase.
 */
export function accessRuleOpposed(words: readonly string[]): string | undefined {
  const only = words.findIndex((word, index) => word === 'only' && words[index - 1] !== 'read');
  if (only === -1) return undefined;
  const modal = words.findIndex((word, index) => index > only && MODALS.includes(word));
  if (modal === -1 || modal - only - 1 < 1 || modal - only - 1 > MAX_WHO) return undefined;
  const after = words.slice(modal + 1, modal + 4);
  const asked = ACCESS_ACTIONS.filter((entry) => entry.words.some((word) => after.includes(word)));
  if (asked.length === 0) return undefined;
  const who = words.slice(only + 1, modal).join(' ');
  const actions = asked.map((entry) => entry.actions).join(' and ');
  return `no bucket policy limits who may ${asked.map((entry) => entry.words[0]).join(' or ')} (${who}): DataBucketPolicy only refuses requests without TLS, so any principal of the account whose IAM policy allows ${actions} has it; add to DataBucketPolicy a Deny statement of ${actions} on the bucket's objects for Principal "*" with Condition ArnNotEquals aws:PrincipalArn set to the role's ARN (a parameter), and a template test that checks it`;
}
