import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { generate, parseBundleTemplate, resourcesOfType } from '../offline-test-requests.js';

/** Asks scoped to a key prefix: each prefix gets its own rule, carrying the prefix. */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('prefix-scoped expiry', () => {
  it('expires tmp/ and scratch/ each by its own rule, never the whole bucket', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Scratch space',
      description:
        'An S3 bucket for scratch space. Objects under the tmp/ prefix expire after 7 days. Objects under the scratch/ prefix expire after 7 days.',
    });
    const [bucket] = resourcesOfType(parseBundleTemplate(bundle), 'AWS::S3::Bucket');
    const rules = (bucket?.[1].Properties?.['LifecycleConfiguration'] as { Rules: Record<string, unknown>[] })
      .Rules;
    expect(rules.filter((rule) => rule['ExpirationInDays'] !== undefined)).toEqual([
      expect.objectContaining({ Prefix: 'tmp/', ExpirationInDays: 7 }),
      expect.objectContaining({ Prefix: 'scratch/', ExpirationInDays: 7 }),
    ]);
    // Each rule answers its own prefix; partial only because the bucket is versioned.
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toContain('under tmp/ 7 days');
    expect(sentenceRow(bundle.coverage, 3)?.implementedBy).toContain('under scratch/ 7 days');
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toMatch(
      /under tmp\/ at 7 days only adds a delete marker/,
    );
    expect(sentenceRow(bundle.coverage, 3)?.gaps.join(' ')).not.toMatch(/under tmp\//);
  });

  it('keeps a retention with its expiry covered (years are not read as days)', async () => {
    const { bundle } = await generate({
      taskType: 'infrastructure',
      taskName: 'Audit archive',
      description: 'An S3 bucket for audit records. Keep them 7 years, then delete them.',
    });
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).not.toMatch(/is not a value/);
  });
});
