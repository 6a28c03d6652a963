// Attacker pass 9l (test-only) on data loss without deleting a resource (src/core/risk/resource-
// risks.ts `deletionRisks`, which guards stateful resources only by their DeletionPolicy and
// UpdateReplacePolicy; reviewed-resource-types.ts takes `LifecycleConfiguration`,
// `TimeToLiveSpecification`, `RetentionInDays` and `Enabled` as ANY). The classifier calls a
// stateful resource under a Delete policy high because "removing it would destroy the data"; the
// same data is destroyed, with the resource kept and Retain set, by a setting CloudFormation applies
// to the existing resource on update: S3 expires every object (Amazon S3 User Guide, "Expiring
// objects"), DynamoDB deletes every item whose TTL attribute is in the past (DynamoDB Developer
// Guide, "Time to Live"), CloudWatch Logs deletes events older than the retention, and a disabled
// KMS key makes everything encrypted with it unreadable (AWS KMS Developer Guide, "Enabling and
// disabling keys"). A hybrid request whose change adds one of these runs automated today and the
// deploy on merge destroys the data.
// Fixed by `dataExpiryRisks` (src/core/risk/data-expiry-risks.ts): with no base read, every
// resource may exist, so a log group's finite retention counts even at ten years (it may have been
// unlimited); the control below gives the base its same retention.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { riskOf, TEMPLATE } from './risk-of.js';

const KEEP = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const TABLE = {
  AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};
const resource = (Type: string, Properties: Record<string, unknown>) => ({
  Resources: { Data: { Type, ...KEEP, Properties } },
});

describe('attacker 9l: data destroyed by a setting, the resource kept', () => {
  it.each([
    [
      'a retained bucket with versioning',
      resource('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Enabled' } }),
    ],
    [
      'a retained table with point-in-time recovery',
      resource('AWS::DynamoDB::Table', {
        ...TABLE,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    ],
    ['a retained, enabled key', resource('AWS::KMS::Key', { Enabled: true, EnableKeyRotation: true })],
  ])('control: %s is low', (_name, body) => {
    expect(riskOf(body).reasons).toEqual([]);
  });

  it('control: a retained log group kept ten years, as on the base branch, is low', () => {
    const body = resource('AWS::Logs::LogGroup', { LogGroupName: '/audit/orders', RetentionInDays: 3653 });
    const content = JSON.stringify(body);
    const risk = classifyRisk({
      files: [{ path: TEMPLATE, content, role: 'template' }],
      templatePath: TEMPLATE,
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: TEMPLATE, content }],
    });
    expect(risk.reasons).toEqual([]);
  });

  it.each([
    [
      'a lifecycle rule expiring every object and old version of a retained bucket after a day',
      resource('AWS::S3::Bucket', {
        BucketName: 'orders-archive',
        LifecycleConfiguration: {
          Rules: [
            {
              Id: 'purge',
              Status: 'Enabled',
              ExpirationInDays: 1,
              NoncurrentVersionExpiration: { NoncurrentDays: 1 },
            },
          ],
        },
      }),
    ],
    [
      'TTL switched on for a retained table on an attribute every item holds in the past',
      resource('AWS::DynamoDB::Table', {
        ...TABLE,
        TimeToLiveSpecification: { AttributeName: 'createdAt', Enabled: true },
      }),
    ],
    [
      'a one-day retention on a retained audit log group',
      resource('AWS::Logs::LogGroup', { LogGroupName: '/audit/orders', RetentionInDays: 1 }),
    ],
    ['a retained KMS key disabled', resource('AWS::KMS::Key', { Enabled: false })],
  ])('FAULT: %s is not low (the data is gone or unreadable after the deploy)', (_name, body) => {
    expect(riskOf(body).level).toBe('high');
    expect(riskOf(body).reasons.map((reason) => reason.code)).toContain('data-expiry');
  });
});
