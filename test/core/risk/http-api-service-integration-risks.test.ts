// Issue #9: an HTTP API AWS service integration (`AWS::ApiGatewayV2::Integration` with an
// IntegrationSubtype such as SQS-SendMessage) is judged as a REST API service integration is: the
// role its CredentialsArn names is reviewed like any role a resource uses, and the destination its
// request parameters name is inside the account only when it is a resource of this template.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const OTHER = '999999999999';
const RESOURCES = {
  Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
  Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
  Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
  Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
  Machine: {
    Type: 'AWS::StepFunctions::StateMachine',
    Properties: { RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, DefinitionString: '{}' },
  },
  Role: {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
    },
  },
};
const PARAMETERS = { Subtype: { Type: 'String' }, QueueUrl: { Type: 'String' }, RoleArn: { Type: 'String' } };
const ownRole = { 'Fn::GetAtt': ['Role', 'Arn'] };
const sub = (text: string) => ({ 'Fn::Sub': text });

/** The reasons found at the integration `I` (the rest of the template set aside). */
const integrationReasons = (properties: Record<string, unknown>): string[] =>
  reasonsOf({
    Parameters: PARAMETERS,
    Resources: {
      ...RESOURCES,
      I: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: { Ref: 'Api' },
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '1.0',
          CredentialsArn: ownRole,
          ...properties,
        },
      },
    },
  }).filter((reason) => reason.includes('Resources.I.') || reason.endsWith('Resources.I'));

describe('HTTP API AWS service integrations (IntegrationSubtype)', () => {
  it.each([
    [
      'SQS-SendMessage to its own queue (Ref: the queue URL)',
      'SQS-SendMessage',
      { QueueUrl: { Ref: 'Queue' }, MessageBody: '$request.body' },
    ],
    [
      'SQS-SendMessage to its own queue URL built in this account',
      'SQS-SendMessage',
      {
        QueueUrl: sub('https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${Queue.QueueName}'),
        MessageBody: '$request.body.message',
      },
    ],
    [
      'EventBridge-PutEvents to its own bus',
      'EventBridge-PutEvents',
      { EventBusName: { Ref: 'Bus' }, Detail: '$request.body', DetailType: 'order', Source: 'api' },
    ],
    [
      'StepFunctions-StartExecution of its own state machine',
      'StepFunctions-StartExecution',
      { StateMachineArn: { Ref: 'Machine' }, Input: '$request.body' },
    ],
    [
      'Kinesis-PutRecord to its own stream',
      'Kinesis-PutRecord',
      { StreamName: { Ref: 'Stream' }, Data: '$request.body', PartitionKey: '$context.requestId' },
    ],
  ])('%s, as a role of this template, is inside the account', (_name, subtype, parameters) => {
    expect(integrationReasons({ IntegrationSubtype: subtype, RequestParameters: parameters })).toEqual([]);
  });

  it.each([
    ['a queue the caller names', 'SQS-SendMessage', { QueueUrl: '$request.header.queue', MessageBody: 'x' }],
    ['a queue from a stage variable', 'SQS-SendMessage', { QueueUrl: '$stageVariables.queue' }],
    ['no queue at all', 'SQS-SendMessage', { MessageBody: '$request.body' }],
    ['no parameters at all', 'SQS-SendMessage', undefined],
    [
      "the account's default event bus (no EventBusName)",
      'EventBridge-PutEvents',
      { Detail: '$request.body', DetailType: 'order', Source: 'api' },
    ],
    [
      'its own state machine in another region',
      'StepFunctions-StartExecution',
      { StateMachineArn: { Ref: 'Machine' }, Region: 'us-west-2' },
    ],
    ['an execution the caller names', 'StepFunctions-StopExecution', { ExecutionArn: '$request.body.arn' }],
    [
      'a subtype no rule reads',
      'AppConfig-GetConfiguration',
      { Application: 'a', Environment: 'e', Configuration: 'c', ClientId: 'x' },
    ],
    ['a subtype only known at deploy time', { Ref: 'Subtype' }, { QueueUrl: { Ref: 'Queue' } }],
    ['a destination only known at deploy time', 'SQS-SendMessage', { QueueUrl: { Ref: 'QueueUrl' } }],
  ])('%s is unresolved, not low', (_name, subtype, parameters) => {
    expect(integrationReasons({ IntegrationSubtype: subtype, RequestParameters: parameters })).toEqual([
      'unresolved-value Resources.I.Properties.IntegrationSubtype',
    ]);
  });

  it.each([
    [
      "another account's queue",
      'SQS-SendMessage',
      { QueueUrl: `https://sqs.us-east-1.amazonaws.com/${OTHER}/q` },
    ],
    [
      "another account's event bus",
      'EventBridge-PutEvents',
      { EventBusName: `arn:aws:events:us-east-1:${OTHER}:event-bus/default`, Detail: '$request.body' },
    ],
    [
      "another account's state machine",
      'StepFunctions-StartExecution',
      { StateMachineArn: `arn:aws:states:us-east-1:${OTHER}:stateMachine:m` },
    ],
    ['a stream named literally', 'Kinesis-PutRecord', { StreamName: 'audit', Data: '$request.body' }],
    [
      'its own queue on one branch, a literal on the other',
      'SQS-SendMessage',
      {
        QueueUrl: { 'Fn::If': ['Prod', { Ref: 'Queue' }, `https://sqs.us-east-1.amazonaws.com/${OTHER}/q`] },
      },
    ],
  ])('%s is data egress', (_name, subtype, parameters) => {
    expect(integrationReasons({ IntegrationSubtype: subtype, RequestParameters: parameters })).toEqual([
      'data-egress Resources.I.Properties.IntegrationSubtype',
    ]);
  });

  it.each([
    ['a literal role ARN', 'arn:aws:iam::123456789012:role/OrganizationAccountAccessRole'],
    ['a role from a parameter', { Ref: 'RoleArn' }],
    ['a role built by Sub in this account', sub('arn:aws:iam::${AWS::AccountId}:role/admin')],
  ])('credentials naming a role this change does not make (%s) are unseen, not low', (_name, role) => {
    expect(
      integrationReasons({
        IntegrationSubtype: 'SQS-SendMessage',
        CredentialsArn: role,
        RequestParameters: { QueueUrl: { Ref: 'Queue' }, MessageBody: '$request.body' },
      }),
    ).toEqual(['unseen-effect Resources.I.Properties.CredentialsArn']);
  });

  it('a REST API method integration calling AWS as a role of this template has its credentials reviewed', () => {
    const method = (credentials: unknown) =>
      reasonsOf({
        Resources: {
          Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
          Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
          Role: RESOURCES.Role,
          M: {
            Type: 'AWS::ApiGateway::Method',
            Properties: {
              RestApiId: { Ref: 'Api' },
              ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
              HttpMethod: 'POST',
              AuthorizationType: 'AWS_IAM',
              Integration: {
                Type: 'AWS',
                IntegrationHttpMethod: 'POST',
                Credentials: credentials,
                Uri: sub('arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Queue.QueueName}'),
              },
            },
          },
        },
      }).filter((reason) => reason.includes('Resources.M.'));
    expect(method(ownRole)).toEqual([]);
    expect(method('arn:aws:iam::*:user/*')).toEqual([
      'unseen-effect Resources.M.Properties.Integration.Credentials',
    ]);
  });
});
