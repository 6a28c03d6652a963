// Attacker pass 9q (test-only) on YAML 1.1 and YAML 1.2 reading a number differently, the kind
// yaml-boolean-risks.ts answers for booleans ("Which one CloudFormation applies is not written down,
// so the value is ambiguous"): the classifier parses YAML 1.2 (core schema), where `0100` is the
// decimal 100; a YAML 1.1 reader (YAML 1.1 "Integer Language-Independent Type": a leading 0 is
// octal) takes it as 64. A lifecycle rule whose `ExpirationInDays: 0100` replaces the base's 90
// reads as a longer expiry (low), while a YAML 1.1 reader deletes objects after 64 days. Refused:
// YAML 1.1's base-60 (`1:40`) and `1_00`, which YAML 1.2 reads as text, fail closed; `0x64` and
// `100` are the same number to both.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const TEMPLATE = 'infra/template.yaml';

/** A kept, versioned bucket whose objects expire after `days` (written as YAML, plain). */
const bucket = (days: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      VersioningConfiguration:
        Status: Enabled
      LifecycleConfiguration:
        Rules:
          - Status: Enabled
            ExpirationInDays: ${days}
`;

/** The reasons' places when the change writes `ExpirationInDays: head` where the base has 90. */
const whereOf = (head: string) =>
  classifyRisk({
    files: [{ path: TEMPLATE, content: bucket(head), role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: TEMPLATE, content: bucket('90') }],
  }).reasons.map((reason) => reason.where);

const EXPIRY = `${TEMPLATE}#Resources.Data.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays`;

describe('a number YAML 1.1 and YAML 1.2 read differently', () => {
  it('control: 60 against the base 90 is data-expiry', () => {
    expect(whereOf('60')).toContain(EXPIRY);
  });

  it.failing(
    'FAULT: `ExpirationInDays: 0100` is 100 to YAML 1.2 (longer, low) and octal 64 to YAML 1.1 (shorter than the base 90)',
    () => {
      expect(whereOf('0100')).not.toEqual([]);
    },
  );
});

describe('numbers both read alike, or that fail closed (refused attacks)', () => {
  it.each(['1:40', '1_00'])('%j (a number to YAML 1.1, text to YAML 1.2) is not low', (days) => {
    expect(whereOf(days)).toContain(EXPIRY);
  });

  it.each(['100', '0x64'])('%j is 100 to both, longer than the base: low', (days) => {
    expect(whereOf(days)).toEqual([]);
  });
});
