import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { generate, parseBundleTemplate, resourcesOfType } from '../offline-test-requests.js';

/** Asks scoped to a key prefix: the rule carries the prefix, and a second prefix the one rule lacks is said. */
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('prefix-scoped expiry', () => {
  it('expires only tmp/, and says scratch/ (a second prefix) gets no rule rather than counting it met', async () => {
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
    ]);
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 3)?.status).not.toBe('covered');
    expect(sentenceRow(bundle.coverage, 3)?.gaps.join(' ')).toContain('scratch/');
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
