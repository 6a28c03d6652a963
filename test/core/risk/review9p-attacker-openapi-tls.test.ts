// Attacker pass 9p (test-only) on the V2 TlsConfig rule (http-api-integration-risks.ts
// `tlsConfigRisks`): an `AWS::ApiGatewayV2::Integration`'s `TlsConfig.ServerNameToVerify` chosen at
// deploy time is `unresolved-value`, and any other TLS setting `unseen-effect`. Attacked: the same
// private integration written in an HTTP API's inline OpenAPI `Body` (`x-amazon-apigateway-integration`
// with `tlsConfig.serverNameToVerify` / `insecureSkipVerification`, API Gateway Developer Guide,
// "x-amazon-apigateway-integration.tlsConfig object"): openapi-integration-risks.ts passes
// connectionType, connectionId, uri and responseParameters to httpApiIntegrationRisks, not
// tlsConfig, so no reason names it. The level stays high today only because an inline document's
// authorization is not read (`public-access` at `Body`); the reason at tlsConfig is what is missing.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const INTEGRATION = 'Resources.Api.Properties.Body.paths./.get.x-amazon-apigateway-integration';

/** Reasons for an HTTP API whose inline Body sends GET / over this template's VPC link, with `extra` on the integration. */
const httpApi = (extra: Record<string, unknown>) =>
  reasonsOf({
    Parameters: { Name: { Type: 'String' } },
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
            paths: {
              '/': {
                get: {
                  'x-amazon-apigateway-integration': {
                    type: 'http_proxy',
                    httpMethod: 'ANY',
                    connectionType: 'VPC_LINK',
                    connectionId: { Ref: 'Link' },
                    uri: { Ref: 'Listener' },
                    payloadFormatVersion: '1.0',
                    ...extra,
                  },
                },
              },
            },
          },
        },
      },
    },
  }).filter((reason) => reason.includes(`${INTEGRATION}.tlsConfig`));

describe('an inline OpenAPI integration’s tlsConfig', () => {
  it('fixed FAULT: serverNameToVerify chosen at deploy time (a parameter) is not judged', () => {
    expect(httpApi({ tlsConfig: { serverNameToVerify: { Ref: 'Name' } } })).not.toEqual([]);
  });

  it('fixed FAULT: serverNameToVerify that is no host name (a URL with a port) is not judged', () => {
    expect(httpApi({ tlsConfig: { serverNameToVerify: 'https://evil.example.com:8443' } })).not.toEqual([]);
  });

  it('fixed FAULT: insecureSkipVerification (no certificate check at all) is not judged', () => {
    expect(httpApi({ tlsConfig: { insecureSkipVerification: true } })).not.toEqual([]);
  });

  it('a host name known before deploying, with insecureSkipVerification false, stays unjudged (control)', () => {
    expect(
      httpApi({
        tlsConfig: { serverNameToVerify: 'orders.internal.example.com', insecureSkipVerification: false },
      }),
    ).toEqual([]);
  });

  it('an unknown tlsConfig key is not reviewed', () => {
    expect(httpApi({ tlsConfig: { serverNameToVerify: 'a.example.com', caBundle: 'x' } })).not.toEqual([]);
  });

  it('without tlsConfig nothing is said about it (control)', () => {
    expect(httpApi({})).toEqual([]);
  });
});
