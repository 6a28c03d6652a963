// Attacker pass 9o (test-only) on the data-expiry rule (src/core/risk/data-expiry-risks.ts,
// data-keeping-settings.ts): the change read at the least it may keep, the base at the most, an
// `AWS::NoValue` branch being the setting left out. Attacked with a whole setting object (not only
// its value) under `Fn::If` with an `AWS::NoValue` branch, on the head and on the base; whole
// `Rules` lists and `LifecycleConfiguration`s on one branch; a string for a number; `Properties`
// itself an `Fn::If`; DynamoDB's `RecoveryPeriodInDays` and a TTL moved to another attribute on one
// branch. Every one was correctly judged (no FAULT in this file).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { TEMPLATE } from './risk-of.js';

const KEEP = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const ARCHIVE = {
  Parameters: { Archive: { Type: 'String', AllowedValues: ['yes', 'no'] } },
  Conditions: { Archive: { 'Fn::Equals': [{ Ref: 'Archive' }, 'yes'] } },
};
const NO_VALUE = { Ref: 'AWS::NoValue' };
const TABLE = {
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};
const template = (Type: string, Properties: unknown) =>
  JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    ...ARCHIVE,
    Resources: { Data: { Type, ...KEEP, Properties } },
  });

/** The data-expiry reasons when the change writes `head` where the base branch has `base`. */
const expiryOf = (type: string, head: unknown, base: unknown) =>
  classifyRisk({
    files: [{ path: TEMPLATE, content: template(type, head), role: 'template' }],
    templatePath: TEMPLATE,
    targetEnvironment: 'staging',
    production: false,
    base: [{ path: TEMPLATE, content: template(type, base) }],
  }).reasons.filter((reason) => reason.code === 'data-expiry');

const ENABLED = { VersioningConfiguration: { Status: 'Enabled' } };
const EXPIRE_NOW = { Rules: [{ Status: 'Enabled', ExpirationInDays: 1 }] };

describe('attacker 9o: whole settings on one branch, read at their least on the change', () => {
  it.each([
    [
      'VersioningConfiguration !If [c, {Enabled}, NoValue] against Enabled',
      'AWS::S3::Bucket',
      { VersioningConfiguration: { 'Fn::If': ['Archive', { Status: 'Enabled' }, NO_VALUE] } },
      ENABLED,
    ],
    [
      'VersioningConfiguration !If [c, {Enabled}, {Suspended}] against Enabled',
      'AWS::S3::Bucket',
      { VersioningConfiguration: { 'Fn::If': ['Archive', { Status: 'Enabled' }, { Status: 'Suspended' }] } },
      ENABLED,
    ],
    [
      'PointInTimeRecoverySpecification !If [c, {on}, NoValue] against on',
      'AWS::DynamoDB::Table',
      {
        ...TABLE,
        PointInTimeRecoverySpecification: {
          'Fn::If': ['Archive', { PointInTimeRecoveryEnabled: true }, NO_VALUE],
        },
      },
      { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    ],
    [
      'RecoveryPeriodInDays 1 against the default 35',
      'AWS::DynamoDB::Table',
      {
        ...TABLE,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 },
      },
      { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    ],
    [
      'a TTL moved to another attribute on one branch',
      'AWS::DynamoDB::Table',
      {
        ...TABLE,
        TimeToLiveSpecification: {
          Enabled: true,
          AttributeName: { 'Fn::If': ['Archive', 'expiresAt', 'createdAt'] },
        },
      },
      { ...TABLE, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } },
    ],
    [
      'MessageRetentionPeriod !If [c, 14 days, NoValue (4 days)] against 14 days',
      'AWS::SQS::Queue',
      { MessageRetentionPeriod: { 'Fn::If': ['Archive', 1209600, NO_VALUE] } },
      { MessageRetentionPeriod: 1209600 },
    ],
    [
      'a Rules list on one branch, against no rules',
      'AWS::S3::Bucket',
      { LifecycleConfiguration: { Rules: { 'Fn::If': ['Archive', [], EXPIRE_NOW.Rules] } } },
      {},
    ],
    [
      'a LifecycleConfiguration on one branch, against none',
      'AWS::S3::Bucket',
      { LifecycleConfiguration: { 'Fn::If': ['Archive', NO_VALUE, EXPIRE_NOW] } },
      {},
    ],
    [
      'a KMS key !If [c, NoValue (enabled), false]',
      'AWS::KMS::Key',
      { Enabled: { 'Fn::If': ['Archive', NO_VALUE, false] } },
      {},
    ],
    [
      'a retention written as the text "1" against 3653',
      'AWS::Logs::LogGroup',
      { RetentionInDays: '1' },
      { RetentionInDays: 3653 },
    ],
    [
      'Properties itself an Fn::If, one branch 1 day, against 3653',
      'AWS::Logs::LogGroup',
      { 'Fn::If': ['Archive', { RetentionInDays: 3653 }, { RetentionInDays: 1 }] },
      { RetentionInDays: 3653 },
    ],
  ])('refused: %s is data-expiry', (_name, type, head, base) => {
    expect(expiryOf(type, head, base)).not.toEqual([]);
  });

  it('refused: the base VersioningConfiguration on one branch only (at its most: Enabled), Suspended by the change', () => {
    expect(
      expiryOf(
        'AWS::S3::Bucket',
        { VersioningConfiguration: { Status: 'Suspended' } },
        { VersioningConfiguration: { 'Fn::If': ['Archive', { Status: 'Enabled' }, NO_VALUE] } },
      ),
    ).not.toEqual([]);
  });

  it('control: the same whole-object Fn::If on both sides is not data-expiry', () => {
    const bucket = { VersioningConfiguration: { 'Fn::If': ['Archive', { Status: 'Enabled' }, NO_VALUE] } };
    expect(expiryOf('AWS::S3::Bucket', bucket, bucket)).toEqual([]);
  });
});
