import type { RequirementCoverage } from '../../../../src/core/bundle/requirement-coverage.js';
import { asksForObjectLock } from '../../../../src/generation/offline/blueprints/infrastructure/object-lock-asked.js';
import { transitionRefusal } from '../../../../src/generation/offline/blueprints/infrastructure/s3-transition-limits.js';
import { wordsOf } from '../../../../src/generation/offline/naming/words-of.js';
import { generate, parseBundleTemplate } from '../offline-test-requests.js';

/**
 * #11: the bucket's lifecycle does what the request asks, per prefix, within S3's rules, and says
 * what it cannot do; a retention is Object Lock only when the request asks that objects cannot be deleted.
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
  return { bundle, properties, rules };
};
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);

describe('storage-class moves bound to a prefix', () => {
  it.each([
    ['Move objects under logs/ to Glacier after 90 days.', 'logs/'],
    ['Objects in the raw/ prefix transition to Glacier Deep Archive after 180 days.', 'raw/'],
    ['After 90 days, files under "exports/" move to Glacier.', 'exports/'],
  ])('%s → only %s moves', async (sentence, prefix) => {
    const { rules, bundle } = await bucketOf(`An S3 bucket. ${sentence}`);
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Prefix).toBe(prefix);
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 2)?.implementedBy).toContain(`under ${prefix}`);
  });

  it('keeps a move without a prefix bucket-wide', async () => {
    const { rules } = await bucketOf('An S3 bucket. Move objects to Glacier after 90 days.');
    expect(rules).toEqual([
      {
        Id: 'all-objects',
        Status: 'Enabled',
        Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }],
      },
    ]);
  });
});

describe('one lifecycle rule per prefix, with every move and expiry asked', () => {
  it('expires tmp/ after 7 days and logs/ after a year: "and logs/ after 1 year" takes the delete before it', async () => {
    const { rules, bundle } = await bucketOf(
      'An S3 bucket. Delete tmp/ after 7 days and logs/ after 1 year.',
    );
    expect(rules).toEqual([
      { Id: 'objects-under-tmp', Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: 7 },
      { Id: 'objects-under-logs', Status: 'Enabled', Prefix: 'logs/', ExpirationInDays: 366 },
    ]);
    // The bucket is versioned: each expiry says how long the deleted objects stay as old versions.
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('partial');
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toMatch(
      /under tmp\/ at 7 days only adds a delete marker[^]*under logs\/ at 366 days/,
    );
  });

  it('moves to Standard-IA after 30 days and to Glacier after 90 (the bare age takes the unit before it) in one rule', async () => {
    const { rules, bundle } = await bucketOf(
      'An S3 bucket. Move to Infrequent Access after 30 days and to Glacier after 90.',
    );
    expect(rules).toEqual([
      {
        Id: 'all-objects',
        Status: 'Enabled',
        Transitions: [
          { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
          { StorageClass: 'GLACIER', TransitionInDays: 90 },
        ],
      },
    ]);
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
  });

  it('gathers moves and the expiry of one prefix asked in different sentences, in ascending days', async () => {
    const { rules } = await bucketOf(
      'An S3 bucket. Objects under logs/ move to Glacier after 90 days and are deleted after 1 year. Objects under logs/ move to Standard-IA after 30 days. Delete tmp/ files after 7 days.',
    );
    expect(rules).toEqual([
      {
        Id: 'objects-under-logs',
        Status: 'Enabled',
        Prefix: 'logs/',
        Transitions: [
          { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
          { StorageClass: 'GLACIER', TransitionInDays: 90 },
        ],
        ExpirationInDays: 366,
      },
      { Id: 'objects-under-tmp', Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: 7 },
    ]);
  });

  it.each([
    ['Move objects to Standard-IA after 10 days.', 'no sooner than 30 days'],
    [
      'Objects move to Standard-IA after 30 days and to Glacier after 45 days.',
      'must stay 30 days in STANDARD_IA',
    ],
    [
      'Move objects to Glacier after 30 days and to Standard-IA after 90 days.',
      'only down the storage-class waterfall',
    ],
    ['Move objects to Glacier after 90 days and delete them after 60 days.', 'deleted after 60 days'],
  ])('says "%s" breaks an S3 rule (%s) instead of emitting an invalid rule', async (sentence, why) => {
    const { rules, bundle } = await bucketOf(`An S3 bucket. ${sentence}`);
    const row = sentenceRow(bundle.coverage, 2);
    expect(row?.status).not.toBe('covered');
    expect(row?.gaps.join(' ')).toContain(why);
    for (const rule of rules) {
      const days = (rule.Transitions ?? []).map((move) => move.TransitionInDays);
      expect(days).toEqual([...days].sort((left, right) => left - right));
      for (const move of rule.Transitions ?? []) {
        if (move.StorageClass === 'STANDARD_IA') expect(move.TransitionInDays).toBeGreaterThanOrEqual(30);
        if (rule.ExpirationInDays !== undefined)
          expect(move.TransitionInDays).toBeLessThan(rule.ExpirationInDays);
      }
    }
  });

  it('keeps the first of two expiries for one prefix and says the second is not used', async () => {
    const { rules, bundle } = await bucketOf(
      'An S3 bucket. Objects under tmp/ expire after 7 days. Objects under tmp/ expire after 30 days.',
    );
    expect(rules).toEqual([
      { Id: 'objects-under-tmp', Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: 7 },
    ]);
    expect(sentenceRow(bundle.coverage, 3)?.gaps.join(' ')).toContain('30 days is not used');
  });
});

describe('transitionRefusal (S3 lifecycle limits)', () => {
  it('accepts the documented waterfall and refuses what S3 refuses', () => {
    const ia = { storageClass: 'STANDARD_IA', days: 30 };
    expect(transitionRefusal({ kept: [], next: ia })).toBeUndefined();
    expect(transitionRefusal({ kept: [ia], next: { storageClass: 'GLACIER', days: 60 } })).toBeUndefined();
    expect(transitionRefusal({ kept: [], next: { storageClass: 'GLACIER', days: 0 } })).toBeUndefined();
    expect(transitionRefusal({ kept: [], next: { storageClass: 'ONEZONE_IA', days: 29 } })).toContain(
      '30 days',
    );
    expect(
      transitionRefusal({
        kept: [{ storageClass: 'ONEZONE_IA', days: 30 }],
        next: { storageClass: 'GLACIER_IR', days: 90 },
      }),
    ).toContain('waterfall');
    expect(
      transitionRefusal({ kept: [], next: { storageClass: 'GLACIER', days: 90 }, expirationDays: 90 }),
    ).toContain('expiry after the last move');
  });
});

describe('retention: a lifecycle floor unless the request asks that objects cannot be deleted', () => {
  it.each([
    'An S3 bucket for records. Keep files for 7 years.',
    'An S3 bucket for records. Files are retained for 7 years.',
    'An S3 bucket that archives domain events for seven years.',
  ])('"%s" keeps objects by lifecycle, without Object Lock', async (description) => {
    const { properties, rules, bundle } = await bucketOf(description);
    expect(properties['ObjectLockEnabled']).toBeUndefined();
    expect(properties['ObjectLockConfiguration']).toBeUndefined();
    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined)).toEqual([]);
    expect(parseBundleTemplate(bundle).Parameters?.['NoncurrentVersionRetentionDays']?.['Default']).toBe(
      2557,
    );
    const row = bundle.coverage?.find((one) => /7 years|seven years/.test(one.text));
    expect(row?.implementedBy).toContain('no lifecycle rule deletes an object before it is 7 years old');
  });

  it.each([
    'An S3 bucket for records. Files are locked for 7 years.',
    'An S3 bucket for records. Keep files for 7 years; they cannot be deleted.',
    'An S3 bucket for records, immutable for 7 years.',
    'An S3 bucket for records. Keep files for 7 years in WORM storage.',
    'An S3 bucket for records with object lock in compliance mode for 7 years.',
  ])('"%s" asks for Object Lock', async (description) => {
    const { properties, rules } = await bucketOf(description);
    expect(properties['ObjectLockConfiguration']).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Years: 7 } },
    });
    // "cannot be deleted for 7 years" forbids a deletion: it asks for no expiry.
    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined)).toEqual([]);
  });

  it('says a lock asked with no period is not generated', async () => {
    const { properties, bundle } = await bucketOf('An S3 bucket for records. Objects are immutable.');
    expect(properties['ObjectLockEnabled']).toBeUndefined();
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toContain('Object Lock is not enabled');
  });

  it('reads a compliance officer as a person, not compliance mode', () => {
    expect(
      asksForObjectLock(wordsOf('As a compliance officer I know logs are kept for at least 365 days')),
    ).toBe(false);
    expect(asksForObjectLock(wordsOf('No one can delete an object during the retention'))).toBe(true);
    expect(asksForObjectLock(wordsOf('Objects are deleted after 30 days'))).toBe(false);
  });
});

describe('every age a move clause writes is one the plan uses', () => {
  it('reads "IA" as Standard-IA, so "to IA after 30 days, Glacier after 90 days" keeps both moves', async () => {
    const { rules, bundle } = await bucketOf(
      'An S3 bucket. Transition logs/ to IA after 30 days, Glacier after 90 days.',
    );
    expect(rules[0]?.Transitions).toEqual([
      { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
      { StorageClass: 'GLACIER', TransitionInDays: 90 },
    ]);
    expect(rules[0]?.Prefix).toBe('logs/');
    expect(sentenceRow(bundle.coverage, 2)?.status).toBe('covered');
  });

  it('says an age no move uses, rather than counting the clause met by its class words', async () => {
    const { bundle } = await bucketOf(
      'An S3 bucket. Objects older than 45 days transition to Glacier after 90 days.',
    );
    expect(sentenceRow(bundle.coverage, 2)?.gaps.join(' ')).toContain('45 days is not a value');
  });
});

it('says a class asked twice for one prefix moves once, at the first age', () => {
  expect(
    transitionRefusal({
      kept: [{ storageClass: 'GLACIER', days: 45 }],
      next: { storageClass: 'GLACIER', days: 90 },
    }),
  ).toContain('asked twice');
});
