// API Gateway REST APIs and resources are reviewed types: the API's resource policy is judged as a
// policy (one only known at deploy time counts as broad), an OpenAPI body from S3 is not in the
// change, and a resource must hang below this template's API.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const api = (properties: Record<string, unknown> = {}) => ({
  Type: 'AWS::ApiGateway::RestApi',
  Properties: { Name: 'orders', ...properties },
});
const resource = (properties: Record<string, unknown> = {}) => ({
  Type: 'AWS::ApiGateway::Resource',
  Properties: {
    RestApiId: { Ref: 'Api' },
    ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
    PathPart: 'orders',
    ...properties,
  },
});
const invoke = (effect: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: effect,
      Principal: '*',
      Action: 'execute-api:Invoke',
      Resource: { 'Fn::Sub': 'execute-api:/${AWS::StackName}/*' },
    },
  ],
});

describe('AWS::ApiGateway::RestApi', () => {
  it('control: a regional API with its own settings and a resource below it has no reason', () => {
    expect(
      reasonsOf({
        Resources: {
          Api: api({
            Description: 'orders',
            EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' },
            DisableExecuteApiEndpoint: true,
            ApiKeySourceType: 'HEADER',
            BinaryMediaTypes: ['image/png'],
            MinimumCompressionSize: 1024,
            FailOnWarnings: true,
            Tags: [{ Key: 'team', Value: 'orders' }],
          }),
          Orders: resource(),
        },
      }),
    ).toEqual([]);
  });

  it('a resource policy that allows is judged as one (resource-policy, wildcard principal)', () => {
    expect(reasonsOf({ Resources: { Api: api({ Policy: invoke('Allow') }) } })).toEqual(
      expect.arrayContaining([
        'resource-policy Resources.Api.Properties.Policy',
        'wildcard-principal Resources.Api.Properties.Policy.Statement[0].Principal',
      ]),
    );
  });

  it('control: a resource policy that only denies adds nothing', () => {
    expect(reasonsOf({ Resources: { Api: api({ Policy: invoke('Deny') }) } })).toEqual([]);
  });

  it('a resource policy written as JSON text is judged the same', () => {
    expect(reasonsOf({ Resources: { Api: api({ Policy: JSON.stringify(invoke('Allow')) }) } })).toContain(
      'resource-policy Resources.Api.Properties.Policy',
    );
  });

  it.each([
    ['a parameter', { Ref: 'ApiPolicy' }],
    ['an import', { 'Fn::ImportValue': 'shared-api-policy' }],
    ['one Fn::If branch a parameter', { 'Fn::If': ['Open', { Ref: 'ApiPolicy' }, invoke('Deny')] }],
  ])('a resource policy given as %s is unresolved-value', (_name, policy) => {
    expect(
      reasonsOf({
        Parameters: { ApiPolicy: { Type: 'String' } },
        Conditions: { Open: { 'Fn::Equals': ['a', 'a'] } },
        Resources: { Api: api({ Policy: policy }) },
      }),
    ).toEqual(['unresolved-value Resources.Api.Properties.Policy']);
  });

  it('an OpenAPI document from S3 is not in the change (unseen-effect), and its authorization is not read', () => {
    expect(
      reasonsOf({ Resources: { Api: api({ BodyS3Location: { Bucket: 'specs', Key: 'orders.yaml' } }) } }),
    ).toEqual([
      'public-access Resources.Api.Properties.BodyS3Location',
      'unseen-effect Resources.Api.Properties.BodyS3Location',
    ]);
  });

  it('an inline OpenAPI body is in the change; its authorization is still not read (public-access)', () => {
    expect(reasonsOf({ Resources: { Api: api({ Body: { openapi: '3.0.1', paths: {} } }) } })).toEqual([
      'public-access Resources.Api.Properties.Body',
    ]);
  });

  it.each([
    ['CloneFrom', { CloneFrom: 'a1b2c3d4e5' }, 'CloneFrom'],
    [
      'VPC endpoints',
      { EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: ['vpce-1'] } },
      'EndpointConfiguration.VpcEndpointIds',
    ],
    ['import Parameters', { Parameters: { ignore: 'documentation' } }, 'Parameters'],
  ])('%s is not reviewed (unseen-effect)', (_name, properties, at) => {
    expect(reasonsOf({ Resources: { Api: api(properties) } })).toEqual([
      `unseen-effect Resources.Api.Properties.${at}`,
    ]);
  });
});

describe('AWS::ApiGateway::Resource', () => {
  it("a resource on another stack's API is outside the target", () => {
    expect(
      reasonsOf({ Resources: { Orders: resource({ RestApiId: 'a1b2c3d4e5', ParentId: 'abc123' }) } }),
    ).toEqual(['unseen-effect Resources.Orders.Properties.RestApiId']);
  });

  it('an unknown key is not reviewed', () => {
    expect(reasonsOf({ Resources: { Api: api(), Orders: resource({ Extra: 1 }) } })).toEqual([
      'unseen-effect Resources.Orders.Properties.Extra',
    ]);
  });
});

describe('other resource policies only known at deploy time', () => {
  const bucket = {
    Type: 'AWS::S3::Bucket',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {},
  };

  it.each([
    ['a parameter', { Ref: 'Doc' }],
    ['an import', { 'Fn::ImportValue': 'shared-policy' }],
  ])('a bucket policy document given as %s is unresolved-value', (_name, document) => {
    expect(
      reasonsOf({
        Parameters: { Doc: { Type: 'String' } },
        Resources: {
          Files: bucket,
          P: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: { Bucket: { Ref: 'Files' }, PolicyDocument: document },
          },
        },
      }),
    ).toEqual(['unresolved-value Resources.P.Properties.PolicyDocument']);
  });

  it('a DynamoDB table resource policy given as a parameter is unresolved-value', () => {
    const reasons = reasonsOf({
      Parameters: { Doc: { Type: 'String' } },
      Resources: {
        T: {
          Type: 'AWS::DynamoDB::Table',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
            ResourcePolicy: { PolicyDocument: { Ref: 'Doc' } },
          },
        },
      },
    });
    expect(reasons).toEqual(['unresolved-value Resources.T.Properties.ResourcePolicy.PolicyDocument']);
  });

  it('control: a KMS key without a key policy (the default one) has no such reason', () => {
    expect(
      reasonsOf({
        Resources: {
          K: {
            Type: 'AWS::KMS::Key',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {},
          },
        },
      }).filter((reason) => reason.startsWith('unresolved-value')),
    ).toEqual([]);
  });
});

describe('AWS::ApiGatewayV2::Api', () => {
  it('an OpenAPI document from S3 is unseen-effect too', () => {
    expect(
      reasonsOf({
        Resources: {
          Http: {
            Type: 'AWS::ApiGatewayV2::Api',
            Properties: { Name: 'h', BodyS3Location: { Bucket: 'specs', Key: 'h.yaml' } },
          },
        },
      }),
    ).toContain('unseen-effect Resources.Http.Properties.BodyS3Location');
  });
});
