// Issue #9: an API Gateway AWS service integration (SQS, S3, SNS, DynamoDB, Step Functions…) is placed
// by the destination it names, as a Lambda integration is placed as its function: a resource of the
// template itself is inside the account; another account's, a literal, or one the caller chooses is not low.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const OTHER = '999999999999';
const RESOURCES = {
  Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } },
  Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Table: {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    },
  },
};
const uriReasons = (integration: Record<string, unknown>) =>
  reasonsOf({
    Resources: {
      ...RESOURCES,
      Post: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
          HttpMethod: 'POST',
          AuthorizationType: 'AWS_IAM',
          Integration: { Type: 'AWS', IntegrationHttpMethod: 'POST', ...integration },
        },
      },
    },
  }).filter((reason) => reason.endsWith('Integration.Uri'));
const sub = (text: string) => ({ 'Fn::Sub': text });

describe('API Gateway AWS service integrations, path form', () => {
  it("its own queue (this account, the queue's name by GetAtt) is inside the account", () => {
    expect(
      uriReasons({
        Uri: sub('arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Queue.QueueName}'),
      }),
    ).toEqual([]);
  });

  it.each([
    ["another account's queue", `arn:aws:apigateway:us-east-1:sqs:path/${OTHER}/q`],
    ['a literal queue of a literal account', 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders'],
    [
      'a queue named literally in this account',
      sub('arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/q'),
    ],
    ["another bucket's object", 'arn:aws:apigateway:us-east-1:s3:path/their-bucket/{key}'],
    ['a literal bucket', 'arn:aws:apigateway:us-east-1:s3:path/their-bucket/x'],
  ])('%s is data egress', (_name, uri) => {
    expect(uriReasons({ Uri: uri })).toHaveLength(1);
  });

  it('a destination the caller chooses ({param}) or a resource name in the account position is unresolved', () => {
    expect(
      uriReasons({ Uri: sub('arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/{queue}') }),
    ).toEqual(['unresolved-value Resources.Post.Properties.Integration.Uri']);
    expect(
      uriReasons({ Uri: sub('arn:aws:apigateway:${AWS::Region}:sqs:path/${Queue.QueueName}/x') }),
    ).toEqual(['unresolved-value Resources.Post.Properties.Integration.Uri']);
  });
});

describe('API Gateway AWS service integrations, action form', () => {
  const closed = { PassthroughBehavior: 'NEVER' };
  it.each([
    [
      'DynamoDB PutItem into its own table',
      'dynamodb:action/PutItem',
      {
        RequestTemplates: {
          'application/json': sub('{"TableName": "${Table}", "Item": {"id": {"S": "$context.requestId"}}}'),
        },
      },
    ],
    [
      'SNS Publish to its own topic (a query string parameter)',
      'sns:action/Publish',
      {
        RequestParameters: { 'integration.request.querystring.TopicArn': sub("'${Topic}'") },
        RequestTemplates: { 'application/json': '{}' },
      },
    ],
    [
      'SNS Publish to its own topic (a form template)',
      'sns:action/Publish',
      {
        RequestTemplates: {
          'application/json': sub(
            "Action=Publish&TopicArn=$util.urlEncode('${Topic}')&Message=$util.urlEncode($input.body)",
          ),
        },
      },
    ],
    [
      'SQS SendMessage to its own queue URL',
      'sqs:action/SendMessage',
      {
        RequestTemplates: {
          'application/json': sub(
            'Action=SendMessage&QueueUrl=${Queue}&MessageBody=$util.urlEncode($input.body)',
          ),
        },
      },
    ],
  ])('%s is inside the account', (_name, action, request) => {
    expect(
      uriReasons({ Uri: sub(`arn:aws:apigateway:\${AWS::Region}:${action}`), ...closed, ...request }),
    ).toEqual([]);
  });

  it.each([
    [
      "another account's table by ARN",
      'dynamodb:action/PutItem',
      {
        RequestTemplates: {
          'application/json': `{"TableName": "arn:aws:dynamodb:us-east-1:${OTHER}:table/t"}`,
        },
      },
      'data-egress',
    ],
    [
      "another account's topic",
      'sns:action/Publish',
      {
        RequestParameters: {
          'integration.request.querystring.TopicArn': `'arn:aws:sns:us-east-1:${OTHER}:t'`,
        },
      },
      'data-egress',
    ],
    [
      'a literal table name',
      'dynamodb:action/PutItem',
      { RequestTemplates: { 'application/json': '{"TableName": "orders"}' } },
      'data-egress',
    ],
    [
      'a table the caller names',
      'dynamodb:action/PutItem',
      { RequestTemplates: { 'application/json': `{"TableName": "$input.params('t')"}` } },
      'unresolved-value',
    ],
    [
      'a topic mapped from the request',
      'sns:action/Publish',
      { RequestParameters: { 'integration.request.querystring.TopicArn': 'method.request.querystring.t' } },
      'unresolved-value',
    ],
    [
      'no destination found',
      'states:action/StartExecution',
      { RequestTemplates: { 'application/json': '{"input": "x"}' } },
      'unresolved-value',
    ],
    [
      "the caller's raw body beside its own table",
      'dynamodb:action/PutItem',
      { RequestTemplates: { 'application/json': sub('{"TableName": "${Table}", $input.body}') } },
      'unresolved-value',
    ],
    [
      'a key computed by a directive',
      'dynamodb:action/PutItem',
      {
        RequestTemplates: {
          'application/json': sub('#set($k = "TableName"){"$k": "x", "TableName": "${Table}"}'),
        },
      },
      'unresolved-value',
    ],
    [
      'a service no rule reads',
      'ec2:action/RunInstances',
      { RequestTemplates: { 'application/json': '{}' } },
      'data-egress',
    ],
  ])('%s is not low', (_name, action, request, code) => {
    expect(
      uriReasons({ Uri: sub(`arn:aws:apigateway:\${AWS::Region}:${action}`), ...closed, ...request }),
    ).toEqual([`${code} Resources.Post.Properties.Integration.Uri`]);
  });

  it("its own table with the caller's body passing through (the default WHEN_NO_MATCH) is unresolved", () => {
    const request = { RequestTemplates: { 'application/json': sub('{"TableName": "${Table}"}') } };
    const uri = sub('arn:aws:apigateway:${AWS::Region}:dynamodb:action/PutItem');
    expect(uriReasons({ Uri: uri, ...request })).toEqual([
      'unresolved-value Resources.Post.Properties.Integration.Uri',
    ]);
    expect(uriReasons({ Uri: uri, ...request, PassthroughBehavior: 'WHEN_NO_TEMPLATES' })).toEqual([]);
    expect(uriReasons({ Uri: uri, PassthroughBehavior: 'WHEN_NO_TEMPLATES' })).toEqual([
      'unresolved-value Resources.Post.Properties.Integration.Uri',
    ]);
  });
});
