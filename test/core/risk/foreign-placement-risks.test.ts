import { describe, expect, it } from '@jest/globals';
import { reasonsOf, riskOf } from './risk-of.js';

// An EventBridge rule's EventBusName and a KMS alias's TargetKeyId are left out of the own-resource
// rule (MUST_BE_OWN) because the `default` bus and this account's keys are normal. They are judged
// by account instead: another account's bus or key is unseen-effect, a value only known at deploy
// time is unresolved-value.

const OTHER = '999999999999';
const TOPIC = { Type: 'AWS::SNS::Topic', Properties: {} };

const rule = (bus: unknown, extra: Record<string, unknown> = {}) => ({
  Parameters: { Bus: { Type: 'String' } },
  Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
  Resources: {
    T: TOPIC,
    R: {
      Type: 'AWS::Events::Rule',
      Properties: {
        EventPattern: { source: ['orders'] },
        ...(bus === undefined ? {} : { EventBusName: bus }),
        Targets: [{ Id: 't', Arn: { Ref: 'T' } }],
      },
    },
    ...extra,
  },
});

describe('AWS::Events::Rule EventBusName', () => {
  it.each([
    ['left out (the default bus)', undefined],
    ['default', 'default'],
    ['a bus of this template by Ref', { Ref: 'Bus2' }],
    ['a bus of this template by its Arn', { 'Fn::GetAtt': ['Bus2', 'Arn'] }],
    ['a bus name (always this account)', 'orders-bus'],
    [
      'an ARN built with AWS::AccountId',
      { 'Fn::Sub': 'arn:aws:events:${AWS::Region}:${AWS::AccountId}:event-bus/orders' },
    ],
    ['no value on one branch', { 'Fn::If': ['C', 'default', { Ref: 'AWS::NoValue' }] }],
  ])('%s adds nothing to the rule', (_name, bus) => {
    // The bus itself (AWS::Events::EventBus, off the reviewed list: its policy may let others in) is judged on its own.
    const reasons = reasonsOf(
      rule(bus, { Bus2: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } } }),
    );
    expect(reasons.filter((reason) => reason.includes('Resources.R'))).toEqual([]);
  });

  it('a rule on the default bus stays low', () => {
    expect(riskOf(rule('default')).level).toBe('low');
  });

  it.each([
    ["another account's bus ARN", `arn:aws:events:us-east-1:${OTHER}:event-bus/default`],
    [
      'one Fn::If branch of another account',
      { 'Fn::If': ['C', 'default', `arn:aws:events:us-east-1:${OTHER}:event-bus/x`] },
    ],
  ])('%s is unseen-effect', (_name, bus) => {
    expect(reasonsOf(rule(bus))).toEqual(['unseen-effect Resources.R.Properties.EventBusName']);
  });

  it.each([
    ['a parameter', { Ref: 'Bus' }],
    ['an import', { 'Fn::ImportValue': 'SharedBus' }],
  ])('%s is unresolved-value', (_name, bus) => {
    expect(reasonsOf(rule(bus))).toEqual(['unresolved-value Resources.R.Properties.EventBusName']);
  });

  it('the message names the bus', () => {
    const [reason] = riskOf(rule(`arn:aws:events:us-east-1:${OTHER}:event-bus/default`)).reasons;
    expect(reason?.message).toBe(
      `R (AWS::Events::Rule) EventBusName names arn:aws:events:us-east-1:${OTHER}:event-bus/default, in an account the template names by its id: what that account does with it cannot be judged.`,
    );
  });
});

const alias = (target: unknown) => ({
  Parameters: { KeyArn: { Type: 'String' } },
  Resources: {
    Key: {
      Type: 'AWS::KMS::Key',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeyPolicy: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        },
      },
    },
    A: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/orders', TargetKeyId: target } },
  },
});
const aliasReasons = (target: unknown) =>
  reasonsOf(alias(target)).filter((reason) => reason.includes('Resources.A'));

describe('AWS::KMS::Alias TargetKeyId', () => {
  it.each([
    ['a key of this template', { Ref: 'Key' }],
    ['a key of this template by its Arn', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['a key id (always this account)', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    [
      'an ARN built with AWS::AccountId',
      { 'Fn::Sub': 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd' },
    ],
  ])('%s adds nothing', (_name, target) => {
    expect(aliasReasons(target)).toEqual([]);
  });

  it("another account's key ARN is unseen-effect", () => {
    expect(aliasReasons(`arn:aws:kms:us-east-1:${OTHER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)).toEqual([
      'unseen-effect Resources.A.Properties.TargetKeyId',
    ]);
  });

  it('a parameter is unresolved-value', () => {
    expect(aliasReasons({ Ref: 'KeyArn' })).toEqual(['unresolved-value Resources.A.Properties.TargetKeyId']);
  });

  it('an alias alone, of a key id, stays low', () => {
    const body = {
      Resources: {
        A: {
          Type: 'AWS::KMS::Alias',
          Properties: { AliasName: 'alias/x', TargetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
        },
      },
    };
    expect(riskOf(body).level).toBe('low');
  });
});
