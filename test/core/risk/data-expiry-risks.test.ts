// A setting that destroys (or hides) data a resource already holds, the resource kept
// (`dataExpiryRisks`): high when the same logical id and type exists on the base branch and keeps
// more there, low for a resource the base does not have (nothing to lose) and for a setting left as
// the base has it.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';
import { TEMPLATE } from './risk-of.js';

const KEEP = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const TABLE = {
  AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};

type Properties = Record<string, unknown>;
const template = (Type: string, Properties: Properties | undefined, extra: Properties = {}) =>
  JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    ...extra,
    Resources: { Data: { Type, ...KEEP, ...(Properties === undefined ? {} : { Properties }) } },
  });

/** The change writes `head`; the base branch has `base` at the same path (`undefined`: not there). */
function riskOf(head: string, base: string | ReviewedBaseFile[] | undefined): RiskAssessment {
  return classifyRisk({
    files: [{ path: TEMPLATE, content: head, role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
    base: base === undefined ? [] : typeof base === 'string' ? [{ path: TEMPLATE, content: base }] : base,
  });
}
const codes = (risk: RiskAssessment) => risk.reasons.map((reason) => `${reason.code} ${reason.where}`);

/** [name, type, base properties, head properties] where the head destroys data the base keeps. */
const SHORTENED: [string, string, Properties, Properties][] = [
  [
    'an S3 lifecycle rule expiring current objects added',
    'AWS::S3::Bucket',
    {},
    { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 30 }] } },
  ],
  [
    'an S3 expiration shortened from a year to a day',
    'AWS::S3::Bucket',
    { LifecycleConfiguration: { Rules: [{ Id: 'a', Status: 'Enabled', ExpirationInDays: 365 }] } },
    { LifecycleConfiguration: { Rules: [{ Id: 'a', Status: 'Enabled', ExpirationInDays: 1 }] } },
  ],
  [
    'an S3 rule switched from Disabled to Enabled',
    'AWS::S3::Bucket',
    { LifecycleConfiguration: { Rules: [{ Status: 'Disabled', ExpirationInDays: 1 }] } },
    { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 1 }] } },
  ],
  [
    'an S3 rule widened from a prefix to the whole bucket',
    'AWS::S3::Bucket',
    { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: 1 }] } },
    { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 1 }] } },
  ],
  [
    'an S3 ExpirationDate added',
    'AWS::S3::Bucket',
    {},
    { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationDate: '2020-01-01T00:00:00Z' }] } },
  ],
  [
    'an S3 noncurrent version expiration added',
    'AWS::S3::Bucket',
    { VersioningConfiguration: { Status: 'Enabled' } },
    {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [{ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 1 } }],
      },
    },
  ],
  [
    'fewer newer noncurrent versions kept',
    'AWS::S3::Bucket',
    {
      LifecycleConfiguration: {
        Rules: [
          {
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 5 },
          },
        ],
      },
    },
    {
      LifecycleConfiguration: {
        Rules: [{ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }],
      },
    },
  ],
  [
    'the older NoncurrentVersionExpirationInDays added',
    'AWS::S3::Bucket',
    {},
    { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', NoncurrentVersionExpirationInDays: 7 }] } },
  ],
  [
    'a lifecycle rule whose status is a parameter',
    'AWS::S3::Bucket',
    {},
    { LifecycleConfiguration: { Rules: [{ Status: { Ref: 'Status' }, ExpirationInDays: 1 }] } },
  ],
  [
    'a lifecycle rule under Fn::If',
    'AWS::S3::Bucket',
    {},
    {
      LifecycleConfiguration: {
        Rules: [{ 'Fn::If': ['Never', { Status: 'Enabled', ExpirationInDays: 1 }, { Ref: 'AWS::NoValue' }] }],
      },
    },
  ],
  [
    'versioning suspended',
    'AWS::S3::Bucket',
    { VersioningConfiguration: { Status: 'Enabled' } },
    { VersioningConfiguration: { Status: 'Suspended' } },
  ],
  [
    'DynamoDB TTL switched on',
    'AWS::DynamoDB::Table',
    TABLE,
    { ...TABLE, TimeToLiveSpecification: { AttributeName: 'createdAt', Enabled: true } },
  ],
  [
    'DynamoDB TTL moved to another attribute',
    'AWS::DynamoDB::Table',
    { ...TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } },
    { ...TABLE, TimeToLiveSpecification: { AttributeName: 'createdAt', Enabled: true } },
  ],
  [
    'DynamoDB TTL switched on by a "true" text',
    'AWS::DynamoDB::Table',
    { ...TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false } },
    { ...TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: 'true' } },
  ],
  [
    'DynamoDB point-in-time recovery switched off',
    'AWS::DynamoDB::Table',
    { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } },
  ],
  [
    'DynamoDB point-in-time recovery left out (off)',
    'AWS::DynamoDB::Table',
    { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    TABLE,
  ],
  [
    'DynamoDB recovery period cut to a day',
    'AWS::DynamoDB::Table',
    { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    {
      ...TABLE,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 },
    },
  ],
  ['a log retention set where it was unlimited', 'AWS::Logs::LogGroup', {}, { RetentionInDays: 3653 }],
  ['a log retention shortened', 'AWS::Logs::LogGroup', { RetentionInDays: 365 }, { RetentionInDays: 30 }],
  ['a KMS key disabled', 'AWS::KMS::Key', {}, { Enabled: false }],
  ['a KMS key disabled by a "False" text', 'AWS::KMS::Key', { Enabled: true }, { Enabled: 'False' }],
  [
    'a queue retention shortened',
    'AWS::SQS::Queue',
    { MessageRetentionPeriod: 1209600 },
    { MessageRetentionPeriod: 60 },
  ],
  ['a queue retention removed (back to 4 days)', 'AWS::SQS::Queue', { MessageRetentionPeriod: 1209600 }, {}],
  [
    'a database backup retention cut to 0',
    'AWS::RDS::DBInstance',
    { BackupRetentionPeriod: 7 },
    { BackupRetentionPeriod: 0 },
  ],
  // `AWS::NoValue` on one `Fn::If` branch leaves the setting out there: its default is judged too.
  [
    'point-in-time recovery enabled on one branch only (NoValue: off on the other)',
    'AWS::DynamoDB::Table',
    { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    {
      ...TABLE,
      PointInTimeRecoverySpecification: {
        PointInTimeRecoveryEnabled: { 'Fn::If': ['Prod', true, { Ref: 'AWS::NoValue' }] },
      },
    },
  ],
  [
    'the point-in-time recovery specification on one branch only',
    'AWS::DynamoDB::Table',
    { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    {
      ...TABLE,
      PointInTimeRecoverySpecification: {
        'Fn::If': ['Prod', { PointInTimeRecoveryEnabled: true }, { Ref: 'AWS::NoValue' }],
      },
    },
  ],
  [
    'versioning enabled on one branch only',
    'AWS::S3::Bucket',
    { VersioningConfiguration: { Status: 'Enabled' } },
    { VersioningConfiguration: { Status: { 'Fn::If': ['Prod', 'Enabled', { Ref: 'AWS::NoValue' }] } } },
  ],
  [
    'a long queue retention on one branch only (NoValue: back to 4 days)',
    'AWS::SQS::Queue',
    { MessageRetentionPeriod: 1209600 },
    { MessageRetentionPeriod: { 'Fn::If': ['Prod', 1209600, { Ref: 'AWS::NoValue' }] } },
  ],
  [
    'a database backup retention on one branch only (NoValue: back to 1 day)',
    'AWS::RDS::DBInstance',
    { BackupRetentionPeriod: 7 },
    { BackupRetentionPeriod: { 'Fn::If': ['Prod', 7, { Ref: 'AWS::NoValue' }] } },
  ],
  [
    'DynamoDB TTL switched on, its Enabled left out on one branch',
    'AWS::DynamoDB::Table',
    TABLE,
    {
      ...TABLE,
      TimeToLiveSpecification: {
        AttributeName: 'createdAt',
        Enabled: { 'Fn::If': ['Prod', false, { Ref: 'AWS::NoValue' }] },
      },
    },
  ],
  [
    'a database backup retention removed (back to 1 day)',
    'AWS::RDS::DBInstance',
    { BackupRetentionPeriod: 7 },
    {},
  ],
];

describe('dataExpiryRisks: a setting that destroys data a resource of the base holds', () => {
  it.each(SHORTENED)('%s is high on a resource of the base branch', (_name, type, base, head) => {
    const risk = riskOf(
      template(type, head, { Parameters: { Status: { Type: 'String' } } }),
      template(type, base),
    );
    expect(risk.reasons.filter((reason) => reason.code === 'data-expiry')).toHaveLength(1);
  });

  it.each(SHORTENED)('%s is low on a resource the base branch does not have', (_name, type, _base, head) => {
    const other = JSON.stringify({ Resources: { Other: { Type: 'AWS::SQS::Queue', Properties: {} } } });
    const risk = riskOf(template(type, head, { Parameters: { Status: { Type: 'String' } } }), other);
    expect(codes(risk).filter((reason) => reason.startsWith('data-expiry'))).toEqual([]);
  });

  it.each(SHORTENED)(
    '%s is low when the base branch already has the same setting',
    (_name, type, _base, head) => {
      const body = template(type, head, {
        Parameters: { Status: { Type: 'String', AllowedValues: ['Enabled'] } },
      });
      expect(codes(riskOf(body, body)).filter((reason) => reason.startsWith('data-expiry'))).toEqual([]);
    },
  );

  it('names the resource, the setting and both values', () => {
    const risk = riskOf(
      template('AWS::Logs::LogGroup', { RetentionInDays: 1 }),
      template('AWS::Logs::LogGroup', { RetentionInDays: 365 }),
    );
    expect(risk.reasons).toEqual([
      {
        code: 'data-expiry',
        where: `${TEMPLATE}#Resources.Data.Properties.RetentionInDays`,
        message:
          'Data (AWS::Logs::LogGroup) exists on the base branch, and this change sets RetentionInDays from 365 days to 1 days: CloudWatch Logs deletes the events older than the retention, those already stored too.',
      },
    ]);
  });

  it.each([
    ['a longer log retention', 'AWS::Logs::LogGroup', { RetentionInDays: 30 }, { RetentionInDays: 365 }],
    [
      'a log retention on one branch only (NoValue: kept forever there)',
      'AWS::Logs::LogGroup',
      { RetentionInDays: 30 },
      { RetentionInDays: { 'Fn::If': ['Prod', 30, { Ref: 'AWS::NoValue' }] } },
    ],
    [
      'a short queue retention on one branch only (NoValue: the 4-day default, longer)',
      'AWS::SQS::Queue',
      { MessageRetentionPeriod: 60 },
      { MessageRetentionPeriod: { 'Fn::If': ['Prod', 60, { Ref: 'AWS::NoValue' }] } },
    ],
    ['a log retention removed (kept forever)', 'AWS::Logs::LogGroup', { RetentionInDays: 30 }, {}],
    ['a KMS key enabled again', 'AWS::KMS::Key', { Enabled: false }, { Enabled: true }],
    ['versioning enabled', 'AWS::S3::Bucket', {}, { VersioningConfiguration: { Status: 'Enabled' } }],
    [
      'an S3 expiration lengthened, its rule renamed',
      'AWS::S3::Bucket',
      { LifecycleConfiguration: { Rules: [{ Id: 'a', Status: 'Enabled', ExpirationInDays: 30 }] } },
      { LifecycleConfiguration: { Rules: [{ Id: 'b', Status: 'Enabled', ExpirationInDays: 90 }] } },
    ],
    [
      'an S3 rule switched off',
      'AWS::S3::Bucket',
      { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 1 }] } },
      { LifecycleConfiguration: { Rules: [{ Status: 'Disabled', ExpirationInDays: 1 }] } },
    ],
    [
      // Removes delete markers with no older version left, and unfinished uploads: no object's data.
      'delete-marker and multipart-upload cleanup',
      'AWS::S3::Bucket',
      {},
      {
        LifecycleConfiguration: {
          Rules: [
            {
              Status: 'Enabled',
              ExpiredObjectDeleteMarker: true,
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            },
          ],
        },
      },
    ],
    [
      'TTL switched off',
      'AWS::DynamoDB::Table',
      { ...TABLE, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } },
      TABLE,
    ],
    ['a queue retention lengthened', 'AWS::SQS::Queue', {}, { MessageRetentionPeriod: 1209600 }],
    [
      'an Aurora instance (its cluster keeps the backups)',
      'AWS::RDS::DBInstance',
      { DBClusterIdentifier: 'orders', BackupRetentionPeriod: 7 },
      { DBClusterIdentifier: 'orders' },
    ],
  ])('%s is low', (_name, type, base, head) => {
    expect(
      codes(riskOf(template(type, head), template(type, base))).filter((r) => r.startsWith('data-expiry')),
    ).toEqual([]);
  });

  it('counts a value the deployer chooses as possibly shorter, on the head or on the base', () => {
    const parameters = { Parameters: { Days: { Type: 'Number' } } };
    const byParameter = template('AWS::Logs::LogGroup', { RetentionInDays: { Ref: 'Days' } }, parameters);
    const fixed = template('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(riskOf(byParameter, byParameter).reasons.map((reason) => reason.message)).toEqual([
      expect.stringContaining(
        'sets RetentionInDays from a value known only at deploy time to a value known only at deploy time',
      ),
    ]);
    expect(riskOf(fixed, byParameter).level).toBe('high');
    expect(riskOf(byParameter, fixed).level).toBe('high');
    const dynamic = template('AWS::KMS::Key', { Enabled: '{{resolve:ssm:/keys/enabled}}' });
    expect(codes(riskOf(dynamic, template('AWS::KMS::Key', {})))).toContain(
      `data-expiry ${TEMPLATE}#Resources.Data.Properties.Enabled`,
    );
  });

  it('reads a parameter with AllowedValues as its least value', () => {
    const head = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { Ref: 'Days' } },
      { Parameters: { Days: { Type: 'Number', AllowedValues: ['30', '365'] } } },
    );
    expect(riskOf(head, template('AWS::Logs::LogGroup', { RetentionInDays: 30 })).level).toBe('low');
    expect(riskOf(head, template('AWS::Logs::LogGroup', { RetentionInDays: 365 })).level).toBe('high');
  });

  it('finds the resource in a nested template of the base, wherever it moved', () => {
    const child = template('AWS::Logs::LogGroup', { RetentionInDays: 1 });
    const parent = JSON.stringify({
      Resources: {
        Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'old/child.json' } },
      },
    });
    const risk = classifyRisk({
      files: [{ path: 'infra/new/child.json', content: child, role: 'template' }],
      templatePath: TEMPLATE,
      targetEnvironment: 'staging',
      production: false,
      base: [
        { path: TEMPLATE, content: parent },
        { path: 'infra/old/child.json', content: template('AWS::Logs::LogGroup', {}) },
      ],
    });
    expect(codes(risk)).toContain(
      'data-expiry infra/new/child.json#Resources.Data.Properties.RetentionInDays',
    );
  });

  it('keeps a SAM simple table and the DynamoDB table it becomes one resource', () => {
    const head = template('AWS::DynamoDB::Table', {
      ...TABLE,
      TimeToLiveSpecification: { AttributeName: 'createdAt', Enabled: true },
    });
    expect(riskOf(head, template('AWS::Serverless::SimpleTable', {})).level).toBe('high');
    // Another type under the same logical id is no update of it (CloudFormation refuses the change).
    expect(
      codes(riskOf(head, template('AWS::SQS::Queue', {}))).filter((r) => r.startsWith('data-expiry')),
    ).toEqual([]);
  });

  it('counts every resource as existing when the base is unknown, judging only what the change writes', () => {
    const head = template('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    const unread = classifyRisk({
      files: [{ path: TEMPLATE, content: head, role: 'template' }],
      templatePath: TEMPLATE,
      targetEnvironment: 'staging',
      production: false,
    });
    expect(unread.reasons.map((reason) => reason.message)).toEqual([
      'Data (AWS::Logs::LogGroup) may already hold data (the base branch was not read), and this change sets RetentionInDays to 30 days: CloudWatch Logs deletes the events older than the retention, those already stored too.',
    ]);
    expect(
      riskOf(head, [{ path: TEMPLATE, unreadable: 'GitHub answered 502' }]).reasons[0]?.message,
    ).toContain('infra/template.json could not be read on the base branch (GitHub answered 502)');
    expect(riskOf(head, [{ path: TEMPLATE, content: 'Resources: [' }]).level).toBe('high');
    // A nested template read there that is unreadable may hold the resource too.
    const parent = JSON.stringify({
      Resources: {
        Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'nested.yaml' } },
      },
    });
    expect(
      riskOf(head, [
        { path: TEMPLATE, content: parent },
        { path: 'infra/nested.yaml', unreadable: 'too large' },
      ]).level,
    ).toBe('high');
    // A file no template of the stack names (a compiler configuration) says nothing of it.
    expect(
      riskOf(head, [
        { path: TEMPLATE, content: template('AWS::SQS::Queue', {}) },
        { path: 'infra/nested.yaml', unreadable: 'too large' },
        { path: 'infra/tsconfig.json', unreadable: 'more than 32 TypeScript configurations to read' },
      ]).level,
    ).toBe('low');
    // An unreadable lockfile says nothing of the stack.
    expect(
      riskOf(head, [
        { path: TEMPLATE, content: template('AWS::SQS::Queue', {}) },
        { path: 'package-lock.json', unreadable: 'too large' },
      ]).level,
    ).toBe('low');
    // Unknown base: a queue or bucket that writes nothing about keeping data is not judged.
    const quiet = JSON.stringify({
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
        Bucket: { Type: 'AWS::S3::Bucket', ...KEEP, Properties: {} },
        Key: { Type: 'AWS::KMS::Key', ...KEEP, Properties: { Enabled: true } },
      },
    });
    expect(
      classifyRisk({
        files: [{ path: TEMPLATE, content: quiet, role: 'template' }],
        templatePath: TEMPLATE,
        targetEnvironment: 'staging',
        production: false,
      }).level,
    ).toBe('low');
  });

  it('calls a stack the base branch does not have new: every resource low', () => {
    const head = template('AWS::Logs::LogGroup', { RetentionInDays: 1 });
    expect(riskOf(head, []).level).toBe('low');
    expect(riskOf(head, [{ path: 'package.json', content: '{}' }]).level).toBe('low');
  });
});

describe('data-expiry: the base read at the most it may keep', () => {
  const SWITCH = {
    Parameters: { Archive: { Type: 'String', AllowedValues: ['yes', 'no'] } },
    Conditions: { Archive: { 'Fn::Equals': [{ Ref: 'Archive' }, 'yes'] } },
  };
  const expiry = (risk: RiskAssessment) => codes(risk).filter((r) => r.startsWith('data-expiry'));

  it.each([
    [
      'TTL on one branch of the base, made unconditional',
      'AWS::DynamoDB::Table',
      {
        ...TABLE,
        TimeToLiveSpecification: {
          'Fn::If': ['Archive', { Ref: 'AWS::NoValue' }, { AttributeName: 'ttl', Enabled: true }],
        },
      },
      { ...TABLE, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } },
    ],
    [
      'a whole versioning configuration on one branch of the base, suspended',
      'AWS::S3::Bucket',
      {
        VersioningConfiguration: {
          'Fn::If': ['Archive', { Status: 'Enabled' }, { Ref: 'AWS::NoValue' }],
        },
      },
      { VersioningConfiguration: { Status: 'Suspended' } },
    ],
    [
      'a queue retention of Fn::If [Archive, 14 days, 60 s], fixed at 60 s',
      'AWS::SQS::Queue',
      { MessageRetentionPeriod: { 'Fn::If': ['Archive', 1209600, 60] } },
      { MessageRetentionPeriod: 60 },
    ],
    [
      'a point-in-time recovery period of Fn::If [Archive, 35, 1], fixed at 1',
      'AWS::DynamoDB::Table',
      {
        ...TABLE,
        PointInTimeRecoverySpecification: {
          PointInTimeRecoveryEnabled: true,
          RecoveryPeriodInDays: { 'Fn::If': ['Archive', 35, 1] },
        },
      },
      {
        ...TABLE,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 },
      },
    ],
    [
      'a backup retention beside a DBClusterIdentifier left out on one branch',
      'AWS::RDS::DBInstance',
      { BackupRetentionPeriod: 7 },
      {
        DBClusterIdentifier: { 'Fn::If': ['Archive', 'orders', { Ref: 'AWS::NoValue' }] },
        BackupRetentionPeriod: 0,
      },
    ],
  ])('%s is high', (_name, type, base, head) => {
    expect(expiry(riskOf(template(type, head, SWITCH), template(type, base, SWITCH)))).toHaveLength(1);
  });

  it('leaves a setting of several values low when the change touches only other properties', () => {
    const days = { Parameters: { Days: { Type: 'Number', AllowedValues: ['1', '3653'] } } };
    const base = template('AWS::Logs::LogGroup', { RetentionInDays: { Ref: 'Days' } }, days);
    const head = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { Ref: 'Days' }, LogGroupClass: 'STANDARD' },
      { ...days, Conditions: { Unused: { 'Fn::Equals': ['a', 'b'] } } },
    );
    expect(expiry(riskOf(head, base))).toEqual([]);
    // The parameter's values changed: the stack running 3653 days may now run 1.
    const widened = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { Ref: 'Days' } },
      { Parameters: { Days: { Type: 'Number', AllowedValues: ['1', '3653', '7'] } } },
    );
    expect(expiry(riskOf(widened, base))).toHaveLength(1);
  });

  it("leaves an instance of this template's Aurora cluster to its cluster's backups", () => {
    const cluster = {
      Resources: {
        Cluster: { Type: 'AWS::RDS::DBCluster', ...KEEP, Properties: { Engine: 'aurora-postgresql' } },
      },
    };
    const instance = (properties: Properties) =>
      JSON.stringify({
        Resources: {
          ...cluster.Resources,
          Data: { Type: 'AWS::RDS::DBInstance', ...KEEP, Properties: properties },
        },
      });
    const head = instance({ DBClusterIdentifier: { Ref: 'Cluster' }, BackupRetentionPeriod: 0 });
    const base = instance({ DBClusterIdentifier: { Ref: 'Cluster' }, BackupRetentionPeriod: 7 });
    expect(expiry(riskOf(head, base))).toEqual([]);
  });
});
