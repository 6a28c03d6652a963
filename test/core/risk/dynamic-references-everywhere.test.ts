import { describe, expect, it } from '@jest/globals';
import { findDynamicReferences } from '../../../src/core/risk/find-dynamic-references.js';
import { reasonsOf, riskOf } from './risk-of.js';

// A dynamic reference (`{{resolve:secretsmanager:…}}`) copies a secret wherever it is written
// (AWS CloudFormation User Guide, "Get values stored in other services using dynamic references").
// Outside resource properties too: a stack output is readable by anyone allowed DescribeStacks and
// reported by the deploy run; Globals, parameter defaults, mappings and conditions feed resources.

const SECRET = '{{resolve:secretsmanager:prod/orders-db:SecretString:password}}';
const QUEUE = { Type: 'AWS::SQS::Queue', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };

describe('a dynamic reference outside resource properties is data-egress where it is written', () => {
  it.each([
    ['a stack output', { Outputs: { Password: { Value: SECRET } } }, 'data-egress Outputs.Password.Value'],
    [
      'a stack output built with Fn::Sub',
      { Outputs: { Url: { Value: { 'Fn::Sub': `https://user:${SECRET}@\${AWS::Region}.example` } } } },
      'data-egress Outputs.Url.Value',
    ],
    [
      "an output's export name",
      { Outputs: { X: { Value: 'x', Export: { Name: '{{resolve:ssm-secure:/prod/key}}' } } } },
      'data-egress Outputs.X.Export.Name',
    ],
    ['template Metadata', { Metadata: { Note: SECRET } }, 'data-egress Metadata.Note'],
    [
      'a parameter default',
      { Parameters: { Password: { Type: 'String', Default: SECRET } } },
      'data-egress Parameters.Password.Default',
    ],
    ['a mapping', { Mappings: { Env: { prod: { Key: SECRET } } } }, 'data-egress Mappings.Env.prod.Key'],
    [
      'a condition',
      { Conditions: { IsSet: { 'Fn::Equals': [SECRET, 'x'] } } },
      'data-egress Conditions.IsSet[0]',
    ],
    [
      'SAM Globals (copied into every function)',
      {
        Transform: 'AWS::Serverless-2016-10-31',
        Globals: { Function: { Environment: { Variables: { DB_PASSWORD: SECRET } } } },
      },
      'data-egress Globals.Function.Environment.Variables.DB_PASSWORD',
    ],
  ])('%s', (_name, sections, expected) => {
    expect(reasonsOf({ ...sections, Resources: { Q: QUEUE } })).toEqual([expected]);
  });

  it('resource Metadata (AWS::CloudFormation::Init files are written on the instance, readable in the console)', () => {
    const body = {
      Resources: {
        Q: {
          ...QUEUE,
          Metadata: {
            'AWS::CloudFormation::Init': { config: { files: { '/etc/app': { content: SECRET } } } },
          },
        },
      },
    };
    expect(reasonsOf(body)).toEqual([
      'data-egress Resources.Q.Metadata.AWS::CloudFormation::Init.config.files./etc/app.content',
    ]);
  });

  it('the message names the secret and the stack output', () => {
    const [reason] = riskOf({ Outputs: { Password: { Value: SECRET } }, Resources: { Q: QUEUE } }).reasons;
    expect(reason?.message).toBe(
      'The template resolves the secret "prod/orders-db" into Outputs.Password.Value, a stack output anyone allowed to describe the stack reads, and the deploy run stores with the deployment.',
    );
  });

  it('an output of an ssm reference to a parameter the template makes is high (resolved when the change set is made)', () => {
    const body = {
      Resources: {
        P: {
          Type: 'AWS::SSM::Parameter',
          Properties: { Name: '/orders/stage', Type: 'String', Value: 'v2' },
        },
      },
      Outputs: { Stage: { Value: '{{resolve:ssm:/orders/stage}}' } },
    };
    expect(riskOf(body).level).toBe('high');
  });

  it('control: outputs, metadata and defaults without references stay low', () => {
    const body = {
      Metadata: { Note: 'resolve later' },
      Parameters: { Stage: { Type: 'String', Default: 'v2' } },
      Resources: { Q: QUEUE },
      Outputs: { Queue: { Value: { Ref: 'Q' } }, Curly: { Value: '{{not a reference}}' } },
    };
    expect(riskOf(body).level).toBe('low');
  });
});

describe('a dynamic reference assembled by Fn::Join or Fn::Sub is found', () => {
  it.each([
    ['from literal pieces', { 'Fn::Join': ['', ['{{resolve:', 'secretsmanager:prod/x}}']] }],
    ['split by a separator', { 'Fn::Join': [':', ['{{resolve', 'secretsmanager', 'prod/x}}']] }],
    ['from a Sub variable', { 'Fn::Sub': ['{{resolve:${Kind}:prod/x}}', { Kind: 'secretsmanager' }] }],
    ['with a computed service', { 'Fn::Sub': '{{resolve:${Kind}:prod/x}}' }],
    ['with computed braces', { 'Fn::Join': ['', [{ Ref: 'Open' }, 'resolve:secretsmanager:prod/x}}']] }],
    ['with a computed name', { 'Fn::Sub': '{{resolve:ssm:/${Env}/db-url}}' }],
  ])('%s', (_name, value) => {
    expect(reasonsOf({ Resources: { Q: QUEUE }, Outputs: { X: { Value: value } } })).toEqual([
      'data-egress Outputs.X.Value',
    ]);
  });

  it('control: a Sub of ordinary JSON text with variables is no reference', () => {
    expect(
      findDynamicReferences({ 'Fn::Sub': '{"queue": "${Q}", "region": "${AWS::Region}"}' }, 'Value'),
    ).toEqual([]);
  });

  it("reports each reference once per place, naming computed parts as … (a name with one is never the template's own)", () => {
    expect(findDynamicReferences({ 'Fn::Sub': `${SECRET}-{{resolve:ssm:/\${Env}/x}}` }, 'Value')).toEqual([
      { at: 'Value', kind: 'secretsmanager', name: 'prod/orders-db', literal: true },
      { at: 'Value', kind: 'ssm', name: '/…/x', literal: false },
    ]);
  });

  it('a Sub whose variables double the text at every level is not expanded: it counts as built (fails closed)', () => {
    let value: unknown = 'x';
    for (let level = 0; level < 15; level += 1) value = { 'Fn::Sub': ['${A}'.repeat(16), { A: value }] };
    expect(findDynamicReferences(value, 'Value')).toEqual([
      { at: 'Value', kind: 'built', name: '', literal: false },
    ]);
    expect(reasonsOf({ Resources: { Q: QUEUE }, Outputs: { X: { Value: value } } })).toEqual([
      'data-egress Outputs.X.Value',
    ]);
  });
});
