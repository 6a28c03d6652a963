// Attacker pass 9k (test-only) on resource policies of REST APIs and queues whose document is
// found (src/core/risk/unreadable-policy-risks.ts, find-policy-documents.ts,
// policy-document-risks.ts, rebuild-policy-text.ts) but whose statements, principals or conditions
// are intrinsics only known at deploy time, or JSON text assembled by `Fn::Sub`/`Fn::Join`.
import { describe, expect, it } from '@jest/globals';
import { riskOf } from './risk-of.js';

const OPEN = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
const api = (policy: unknown) => ({
  Parameters: { P: { Type: 'String' } },
  Conditions: { C: { 'Fn::Equals': [{ Ref: 'P' }, 'x'] } },
  Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a', Policy: policy } } },
});
const queue = (document: unknown) => ({
  Parameters: { P: { Type: 'String' } },
  Resources: {
    Q: { Type: 'AWS::SQS::Queue', Properties: {} },
    QP: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Q' }], PolicyDocument: document } },
  },
});

describe('attacker 9k: resource policies found but not readable', () => {
  it.each([
    ['Statement as an import', { Version: '2012-10-17', Statement: { 'Fn::ImportValue': 'S' } }],
    ['Statement as a parameter', { Version: '2012-10-17', Statement: { Ref: 'P' } }],
    ['a statement under Fn::If', { Statement: [{ 'Fn::If': ['C', OPEN, { Ref: 'AWS::NoValue' }] }] }],
    ['a statement as an import in a list', { Statement: [{ 'Fn::ImportValue': 'S' }] }],
    ['a principal from an import', { Statement: [{ ...OPEN, Principal: { 'Fn::ImportValue': 'P' } }] }],
    [
      'an Effect from a parameter',
      {
        Statement: [
          { ...OPEN, Principal: { AWS: { 'Fn::Sub': '${AWS::AccountId}' } }, Effect: { Ref: 'P' } },
        ],
      },
    ],
    ['JSON text built by Fn::Sub', { 'Fn::Sub': JSON.stringify({ Statement: [OPEN] }) }],
    [
      'JSON text built by Fn::Join',
      {
        'Fn::Join': [
          '',
          [
            '{"Statement":[{"Effect":"Allow","Principal":',
            '"*"',
            ',"Action":"execute-api:Invoke","Resource":"*"}]}',
          ],
        ],
      },
    ],
    [
      'JSON text with an escaped star',
      '{"Statement":[{"Effect":"Allow","Principal":"\\u002a","Action":"execute-api:Invoke","Resource":"*"}]}',
    ],
    [
      'a Deny with NotPrincipal',
      {
        Statement: [
          {
            Effect: 'Allow',
            NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: 'execute-api:Invoke',
            Resource: '*',
          },
        ],
      },
    ],
  ])('a REST API policy with %s is not low', (_name, policy) => {
    expect(riskOf(api(policy)).level).toBe('high');
  });

  it.each([
    [
      'a principal from a parameter',
      {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: { Ref: 'P' } }, Action: 'sqs:SendMessage', Resource: '*' },
        ],
      },
    ],
    [
      'a condition key from a parameter',
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'sqs:SendMessage',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'P' } } },
          },
        ],
      },
    ],
    ['Statement from an import', { Statement: { 'Fn::ImportValue': 'S' } }],
  ])('a queue policy with %s is not low', (_name, document) => {
    expect(riskOf(queue(document)).level).toBe('high');
  });
});
