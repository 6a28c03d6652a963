// Attacker pass 9q (test-only) on the inline OpenAPI integration reader (openapi-integration-risks.ts,
// with `tlsConfigRisks` of http-api-integration-risks.ts): 9p made it read an integration under
// `Fn::If`; CloudFormation resolves every intrinsic in an HTTP API's `Body`, so an
// `x-amazon-apigateway-integration` built by `Fn::Select` (one item of a literal list) deploys the
// same integration, but its tlsConfig `insecureSkipVerification: true` is not judged. As in 9p, the
// level stays high today only because an inline document's authorization is not read
// (`public-access` at `Body`); the reason at the integration is what is missing. Refused: the
// `x-amazon-apigateway-any-method` operation, an integration from
// `components.x-amazon-apigateway-integrations` by `$ref`, the TLS setting under `Fn::If` or
// `Fn::FindInMap`, and "true" written as text.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const INTEGRATION = {
  type: 'http_proxy',
  httpMethod: 'ANY',
  connectionType: 'VPC_LINK',
  connectionId: { Ref: 'Link' },
  uri: { Ref: 'Listener' },
  payloadFormatVersion: '1.0',
};
const INSECURE = { ...INTEGRATION, tlsConfig: { insecureSkipVerification: true } };

/** The reasons under the API's Body but `public-access` at Body itself, for an operation `method` of `/`. */
const bodyReasons = (integration: unknown, extra: Record<string, unknown> = {}, method = 'get') =>
  reasonsOf({
    Conditions: { Always: { 'Fn::Equals': ['a', 'a'] } },
    Mappings: { Tls: { staging: { Skip: true } } },
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Group: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'link', VpcId: { Ref: 'Vpc' } },
      },
      Link: {
        Type: 'AWS::ApiGatewayV2::VpcLink',
        Properties: { Name: 'l', SubnetIds: ['subnet-0a'], SecurityGroupIds: [{ Ref: 'Group' }] },
      },
      Listener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: { LoadBalancerArn: 'arn', Port: 443, Protocol: 'TLS', DefaultActions: [] },
      },
      Api: {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Body: {
            openapi: '3.0.1',
            info: { title: 'orders', version: '1' },
            ...extra,
            paths: { '/': { [method]: { 'x-amazon-apigateway-integration': integration } } },
          },
        },
      },
    },
  }).filter((reason) => reason.includes('Resources.Api.Properties.Body.'));

describe('an integration built by an intrinsic other than Fn::If', () => {
  it('control: the same integration written plainly has its tlsConfig judged', () => {
    expect(bodyReasons(INSECURE).join('\n')).toContain('tlsConfig.insecureSkipVerification');
  });

  it.failing(
    'FAULT: Fn::Select of a literal list holding it deploys the same insecureSkipVerification, not judged',
    () => {
      expect(bodyReasons({ 'Fn::Select': [0, [INSECURE]] })).not.toEqual([]);
    },
  );
});

describe('integrations the reader finds (refused attacks)', () => {
  it.each([
    ['the x-amazon-apigateway-any-method operation', INSECURE, {}, 'x-amazon-apigateway-any-method'],
    [
      'a $ref to components.x-amazon-apigateway-integrations',
      { $ref: '#/components/x-amazon-apigateway-integrations/orders' },
      { components: { 'x-amazon-apigateway-integrations': { orders: INSECURE } } },
      'get',
    ],
    [
      'insecureSkipVerification under Fn::If',
      { ...INTEGRATION, tlsConfig: { insecureSkipVerification: { 'Fn::If': ['Always', true, false] } } },
      {},
      'get',
    ],
    [
      'insecureSkipVerification from Fn::FindInMap',
      {
        ...INTEGRATION,
        tlsConfig: { insecureSkipVerification: { 'Fn::FindInMap': ['Tls', 'staging', 'Skip'] } },
      },
      {},
      'get',
    ],
    [
      'insecureSkipVerification written as the text "true"',
      { ...INTEGRATION, tlsConfig: { insecureSkipVerification: 'true' } },
      {},
      'get',
    ],
  ])('%s: the TLS setting is judged', (_, integration, extra, method) => {
    expect(bodyReasons(integration, extra, method).join('\n')).toContain('insecureSkipVerification');
  });
});
