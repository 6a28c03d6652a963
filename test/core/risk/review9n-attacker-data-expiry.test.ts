// Attacker pass 9n (test-only) on the data-expiry rule (src/core/risk/data-expiry-risks.ts,
// data-keeping-settings.ts, base-stack-resources.ts): a setting that destroys or hides data of a
// resource the base branch already has must be high. Attacked: the base's value read at its least
// (Fn::If branches, AllowedValues, a Condition redefined), SAM SimpleTable's point-in-time recovery,
// an RDS instance calling itself an Aurora member with `DBClusterIdentifier: !Ref AWS::NoValue`,
// and the spellings that are correctly refused (strings for numbers, YAML, nested moves).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';
import { TEMPLATE } from './risk-of.js';

const KEEP = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const TABLE = {
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};
type Properties = Record<string, unknown>;

const template = (Type: string, Properties: Properties, extra: Properties = {}) =>
  JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    ...extra,
    Resources: { Data: { Type, ...KEEP, Properties } },
  });

/** The change writes `head` at the deployed template's path; the base branch has `base` there. */
function riskOf(head: string, base: string): RiskAssessment {
  return classifyRisk({
    files: [{ path: TEMPLATE, content: head, role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: TEMPLATE, content: base }],
  });
}
const expiry = (risk: RiskAssessment) => risk.reasons.filter((reason) => reason.code === 'data-expiry');

const ARCHIVE = {
  Parameters: { Archive: { Type: 'String', AllowedValues: ['yes', 'no'] } },
  Conditions: { Archive: { 'Fn::Equals': [{ Ref: 'Archive' }, 'yes'] } },
};

describe('attacker 9n: the base branch read at the least it may keep', () => {
  // CloudFormation deploys one branch of an Fn::If (or one allowed value): the stack may be keeping
  // the most the base allows. A head keeping only the base's least shortens that stack's data.
  it('FAULT: a log retention of Fn::If [Archive, 3653, 7] on the base, fixed at 7 by the change, is high', () => {
    const base = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } },
      ARCHIVE,
    );
    const head = template('AWS::Logs::LogGroup', { RetentionInDays: 7 }, ARCHIVE);
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: a log retention unset on one branch of the base (AWS::NoValue: kept forever), set to 7, is high', () => {
    const base = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { 'Fn::If': ['Archive', { Ref: 'AWS::NoValue' }, 7] } },
      ARCHIVE,
    );
    const head = template('AWS::Logs::LogGroup', { RetentionInDays: 7 }, ARCHIVE);
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: a KMS key enabled on one branch of the base, disabled by the change, is high', () => {
    const base = template('AWS::KMS::Key', { Enabled: { 'Fn::If': ['Archive', true, false] } }, ARCHIVE);
    const head = template('AWS::KMS::Key', { Enabled: false }, ARCHIVE);
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: versioning Enabled on one branch of the base, Suspended by the change, is high', () => {
    const base = template(
      'AWS::S3::Bucket',
      { VersioningConfiguration: { Status: { 'Fn::If': ['Archive', 'Enabled', 'Suspended'] } } },
      ARCHIVE,
    );
    const head = template('AWS::S3::Bucket', { VersioningConfiguration: { Status: 'Suspended' } }, ARCHIVE);
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: a base retention by a parameter allowing 1 or 3653 days, fixed at 1 by the change, is high', () => {
    const parameters = { Parameters: { Days: { Type: 'Number', AllowedValues: ['1', '3653'] } } };
    const base = template('AWS::Logs::LogGroup', { RetentionInDays: { Ref: 'Days' } }, parameters);
    const head = template('AWS::Logs::LogGroup', { RetentionInDays: 1 }, parameters);
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: a base lifecycle rule present only on one branch (the other AWS::NoValue: nothing expires), made unconditional, is high', () => {
    const rule = { Status: 'Enabled', ExpirationInDays: 30 };
    const base = template(
      'AWS::S3::Bucket',
      { LifecycleConfiguration: { Rules: [{ 'Fn::If': ['Archive', rule, { Ref: 'AWS::NoValue' }] }] } },
      ARCHIVE,
    );
    const head = template('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [rule] } }, ARCHIVE);
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: the resource left as it is but its Condition redefined to never hold (3653 days become 7) is high', () => {
    const resource = { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } };
    const base = template('AWS::Logs::LogGroup', resource, ARCHIVE);
    const head = template('AWS::Logs::LogGroup', resource, {
      ...ARCHIVE,
      Conditions: { Archive: { 'Fn::Equals': ['yes', 'no'] } },
    });
    expect(riskOf(head, base).level).toBe('high');
  });

  it("FAULT: only the parameter's Default changed (3653 to 1, AllowedValues ['1', '3653'] on both sides) is high", () => {
    const days = (Default: string) => ({
      Parameters: { Days: { Type: 'Number', AllowedValues: ['1', '3653'], Default } },
    });
    const resource = { RetentionInDays: { Ref: 'Days' } };
    const base = template('AWS::Logs::LogGroup', resource, days('3653'));
    const head = template('AWS::Logs::LogGroup', resource, days('1'));
    expect(riskOf(head, base).level).toBe('high');
  });

  it("refused: a parent changing only the value it passes a nested child's retention is high (the child is not in the change)", () => {
    const parent = (days: string) =>
      JSON.stringify({
        Resources: {
          Child: {
            Type: 'AWS::CloudFormation::Stack',
            Properties: { TemplateURL: 'child.json', Parameters: { Days: days } },
          },
        },
      });
    const child = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { Ref: 'Days' } },
      { Parameters: { Days: { Type: 'Number', AllowedValues: ['1', '3653'] } } },
    );
    const risk = classifyRisk({
      files: [{ path: TEMPLATE, content: parent('1'), role: 'template' }],
      templatePath: TEMPLATE,
      targetEnvironment: 'staging',
      production: false,
      base: [
        { path: TEMPLATE, content: parent('3653') },
        { path: 'infra/child.json', content: child },
      ],
    });
    expect(risk.level).toBe('high');
  });

  it('refused: a head value of Fn::If [c, 3653, 7] against a fixed base 3653 is high (the head read at its least)', () => {
    const base = template('AWS::Logs::LogGroup', { RetentionInDays: 3653 }, ARCHIVE);
    const head = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } },
      ARCHIVE,
    );
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('control: the same Fn::If on both sides, its Condition unchanged, is low', () => {
    const body = template(
      'AWS::Logs::LogGroup',
      { RetentionInDays: { 'Fn::If': ['Archive', 3653, 7] } },
      ARCHIVE,
    );
    expect(riskOf(body, body).level).toBe('low');
  });
});

describe('attacker 9n: SAM SimpleTable point-in-time recovery', () => {
  // AWS SAM Developer Guide, "AWS::Serverless::SimpleTable": PointInTimeRecoverySpecification is
  // passed to the AWS::DynamoDB::Table SAM makes (same logical id); REVIEWED_RESOURCE_TYPES takes it.
  it('FAULT: a SimpleTable whose point-in-time recovery is switched off is high', () => {
    const base = template('AWS::Serverless::SimpleTable', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const head = template('AWS::Serverless::SimpleTable', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
    });
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('FAULT: a DynamoDB table with point-in-time recovery rewritten as a SimpleTable without it is high', () => {
    const base = template('AWS::DynamoDB::Table', {
      ...TABLE,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const head = template('AWS::Serverless::SimpleTable', { PrimaryKey: { Name: 'id', Type: 'String' } });
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('refused: a SimpleTable rewritten as a DynamoDB table with TTL switched on is high', () => {
    const base = template('AWS::Serverless::SimpleTable', {});
    const head = template('AWS::DynamoDB::Table', {
      ...TABLE,
      TimeToLiveSpecification: { AttributeName: 'id', Enabled: 'TRUE' },
    });
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });
});

describe('attacker 9n: an RDS instance calling itself an Aurora member', () => {
  // backupRetention skips an instance that has a DBClusterIdentifier at all: `!Ref AWS::NoValue`
  // is no cluster (CloudFormation drops the property), so the instance keeps its own backups.
  it('FAULT: BackupRetentionPeriod 0 beside DBClusterIdentifier: AWS::NoValue, the base at its default 1 day, is high', () => {
    const base = template('AWS::RDS::DBInstance', { Engine: 'postgres', PubliclyAccessible: false });
    const head = template('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      PubliclyAccessible: false,
      DBClusterIdentifier: { Ref: 'AWS::NoValue' },
      BackupRetentionPeriod: 0,
    });
    expect(expiry(riskOf(head, base))).toHaveLength(1);
  });

  it('refused: the same trick against a base that writes 7 days is high (the base setting is missed)', () => {
    const base = template('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      PubliclyAccessible: false,
      BackupRetentionPeriod: 7,
    });
    const head = template('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      PubliclyAccessible: false,
      DBClusterIdentifier: { Ref: 'AWS::NoValue' },
      BackupRetentionPeriod: 0,
    });
    expect(riskOf(head, base).level).toBe('high');
  });
});

describe('attacker 9n: spellings correctly refused', () => {
  it.each([
    [
      'a retention as a padded string',
      'AWS::Logs::LogGroup',
      { RetentionInDays: 365 },
      { RetentionInDays: ' 1 ' },
    ],
    [
      'a queue retention as "60"',
      'AWS::SQS::Queue',
      { MessageRetentionPeriod: '1209600' },
      { MessageRetentionPeriod: '60' },
    ],
    [
      'a backup retention as "0"',
      'AWS::RDS::DBInstance',
      { BackupRetentionPeriod: '7', PubliclyAccessible: false },
      { BackupRetentionPeriod: '0', PubliclyAccessible: false },
    ],
    ['a key disabled by FALSE', 'AWS::KMS::Key', {}, { Enabled: 'FALSE' }],
    [
      'an expiration by Fn::Sub of a literal',
      'AWS::S3::Bucket',
      {},
      { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: { 'Fn::Sub': '1' } }] } },
    ],
    [
      'a rule whose Prefix is a parameter',
      'AWS::S3::Bucket',
      { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: 1 }] } },
      {
        LifecycleConfiguration: {
          Rules: [{ Status: 'Enabled', Prefix: { Ref: 'AWS::StackName' }, ExpirationInDays: 1 }],
        },
      },
    ],
    [
      'versioning removed altogether',
      'AWS::S3::Bucket',
      { VersioningConfiguration: { Status: 'Enabled' } },
      {},
    ],
    [
      'TTL on a FindInMap attribute',
      'AWS::DynamoDB::Table',
      TABLE,
      {
        ...TABLE,
        TimeToLiveSpecification: { AttributeName: { 'Fn::FindInMap': ['M', 'a', 'b'] }, Enabled: true },
      },
    ],
    [
      'a retention by FindInMap',
      'AWS::Logs::LogGroup',
      { RetentionInDays: 3653 },
      { RetentionInDays: { 'Fn::FindInMap': ['M', 'a', 'b'] } },
    ],
  ])('%s is high', (_name, type, base, head) => {
    const mappings = { Mappings: { M: { a: { b: '1' } } } };
    expect(riskOf(template(type, head, mappings), template(type, base, mappings)).level).toBe('high');
  });

  it('a YAML template with short-form tags shortening a retention is high', () => {
    const yaml = (days: string) =>
      [
        'Parameters:',
        '  Days: { Type: Number, AllowedValues: ["1"] }',
        'Resources:',
        '  Data:',
        '    Type: AWS::Logs::LogGroup',
        '    DeletionPolicy: Retain',
        '    UpdateReplacePolicy: Retain',
        '    Properties:',
        `      RetentionInDays: ${days}`,
      ].join('\n');
    const risk = classifyRisk({
      files: [{ path: 'infra/template.yaml', content: yaml('!Ref Days'), role: 'template' }],
      templatePath: 'infra/template.yaml',
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: 'infra/template.yaml', content: yaml('365') }],
    });
    expect(expiry(risk)).toHaveLength(1);
  });

  it('a resource moved from the deployed template into a new nested template, its retention cut, is high', () => {
    const parent = JSON.stringify({
      Resources: {
        Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'child.json' } },
      },
    });
    const risk = classifyRisk({
      files: [
        { path: TEMPLATE, content: parent, role: 'template' },
        {
          path: 'infra/child.json',
          content: template('AWS::Logs::LogGroup', { RetentionInDays: 1 }),
          role: 'template',
        },
      ],
      templatePath: TEMPLATE,
      targetEnvironment: 'staging',
      production: false,
      base: [{ path: TEMPLATE, content: template('AWS::Logs::LogGroup', {}) }],
    });
    expect(risk.level).toBe('high');
  });
});
