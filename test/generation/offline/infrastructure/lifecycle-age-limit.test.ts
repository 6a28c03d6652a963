import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import {
  S3_MAX_LIFECYCLE_DAYS,
  lifecycleAgeRefusal,
  transitionRefusal,
} from '../../../../src/generation/offline/blueprints/infrastructure/s3-transition-limits.js';
import { generate, parseBundleTemplate } from '../offline-test-requests.js';

/**
 * #11: a lifecycle age past what S3 takes (its Days is a 32-bit Integer: at most 2147483647 days) is
 * not put in the template (CloudFormation would fail the stack); the row says it was not generated
 * and states S3's maximum. Before, a 6-digit age was not read at all ("100000 is not a value of what
 * was generated") and a 5-digit one in years went into the template whatever its size.
 */
interface Rule {
  readonly Id: string;
  readonly Prefix?: string;
  readonly Transitions?: readonly { StorageClass: string; TransitionInDays: number }[];
  readonly ExpirationInDays?: number;
}
const bucketOf = async (description: string) => {
  const { bundle } = await generate({ taskType: 'infrastructure', taskName: 'Data bucket', description });
  const properties = parseBundleTemplate(bundle).Resources['DataBucket']?.Properties ?? {};
  const rules = (properties['LifecycleConfiguration'] as { Rules: Rule[] }).Rules.filter(
    (rule) => rule.Id !== 'expire-old-versions',
  );
  return { bundle, rules };
};
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe("S3's largest lifecycle age", () => {
  it('refuses an age past 2147483647 days, stating the maximum, and takes the maximum itself', () => {
    expect(S3_MAX_LIFECYCLE_DAYS).toBe(2_147_483_647);
    expect(lifecycleAgeRefusal(S3_MAX_LIFECYCLE_DAYS)).toBeUndefined();
    expect(lifecycleAgeRefusal(S3_MAX_LIFECYCLE_DAYS + 1)).toMatch(/at most 2147483647 days/);
    expect(transitionRefusal({ kept: [], next: { storageClass: 'GLACIER', days: 3_000_000_000 } })).toMatch(
      /at most 2147483647 days/,
    );
  });

  it('an expiry of 900000000 years is left out and its row states the maximum; the other prefix keeps its rule', async () => {
    const { bundle, rules } = await bucketOf(
      'An S3 bucket. Objects under the far/ prefix expire after 900000000 years. Objects under the cold/ prefix expire after 30 days.',
    );
    expect(rules).toEqual([
      { Id: 'objects-under-cold', Status: 'Enabled', Prefix: 'cold/', ExpirationInDays: 30 },
    ]);
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).not.toBe('covered');
    const gaps = row?.gaps.join(' ') ?? '';
    expect(gaps).toContain('asked as 900000000 years');
    expect(gaps).toContain('S3 takes a lifecycle age of at most 2147483647 days');
    // Said once, with its reason: not also "900000000 is not a value of what was generated".
    expect(gaps).not.toMatch(/900000000 is not a value/);
  });

  it('a move past the maximum is refused with it, and an age S3 does take (100000 years) is generated', async () => {
    const { bundle, rules } = await bucketOf(
      'An S3 bucket. Objects under the deep/ prefix move to Glacier after 9000000000 days. Objects under the old/ prefix expire after 100000 years.',
    );
    expect(rules).toEqual([
      { Id: 'objects-under-old', Status: 'Enabled', Prefix: 'old/', ExpirationInDays: 36_525_000 },
    ]);
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toMatch(
      /GLACIER after 9000000000 days is not generated: S3 takes a lifecycle age of at most 2147483647 days/,
    );
    // Partial only because the bucket is versioned: the deleted objects stay as old versions.
    expect(sentenceRow(bundle.coverage, 3)?.status).toBe('partial');
    expect(sentenceRow(bundle.coverage, 3)?.gaps.join(' ')).toMatch(/only adds a delete marker/);
  });
});
