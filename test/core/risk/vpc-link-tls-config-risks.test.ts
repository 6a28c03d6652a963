// Issue #9: an HTTP API VPC link (AWS::ApiGatewayV2::VpcLink) and a private integration's TlsConfig
// are reviewed with rules of their own, not set aside whole: a VPC link joining a security group this
// template does not make, or naming none, is high; one in the template's own group is low whatever its
// subnets. TlsConfig verifies a host name known before deploying; one chosen at deploy time, or any
// other setting under it, is high.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const RESOURCES = {
  Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
  Group: {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: { GroupDescription: 'link', VpcId: { Ref: 'Vpc' } },
  },
  Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
};

const reasonsAt = (id: string, resource: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  reasonsOf({
    Parameters: { Name: { Type: 'String' } },
    Resources: { ...RESOURCES, ...extra, [id]: resource },
  }).filter((reason) => reason.includes(`Resources.${id}.`) || reason.endsWith(`Resources.${id}`));

const vpcLink = (properties: Record<string, unknown>) =>
  reasonsAt('Link', { Type: 'AWS::ApiGatewayV2::VpcLink', Properties: { Name: 'link', ...properties } });

describe('AWS::ApiGatewayV2::VpcLink', () => {
  it("a VPC link in the template's own security group is low, in existing subnets too", () => {
    expect(
      vpcLink({ SubnetIds: ['subnet-0abc', 'subnet-0def'], SecurityGroupIds: [{ Ref: 'Group' }] }),
    ).toEqual([]);
    expect(
      vpcLink({
        SubnetIds: ['subnet-0abc'],
        SecurityGroupIds: [{ 'Fn::GetAtt': ['Group', 'GroupId'] }],
        Tags: { a: 'b' },
      }),
    ).toEqual([]);
  });

  it('a VPC link joining a security group the template does not make is high at that group', () => {
    expect(vpcLink({ SubnetIds: ['subnet-0abc'], SecurityGroupIds: ['sg-0123456789abcdef0'] })).toEqual([
      'unseen-effect Resources.Link.Properties.SecurityGroupIds[0]',
    ]);
    expect(vpcLink({ SubnetIds: ['subnet-0abc'], SecurityGroupIds: [{ Ref: 'Name' }] })).toEqual([
      'unseen-effect Resources.Link.Properties.SecurityGroupIds[0]',
    ]);
  });

  it.each([
    ['left out', {}],
    ['an empty list', { SecurityGroupIds: [] }],
    [
      'AWS::NoValue on one branch',
      { SecurityGroupIds: { 'Fn::If': ['C', [{ Ref: 'Group' }], { Ref: 'AWS::NoValue' }] } },
    ],
  ])('a VPC link naming no security group (%s) is high', (_, groups) => {
    expect(vpcLink({ SubnetIds: ['subnet-0abc'], ...groups })[0]).toMatch(
      /^unseen-effect Resources\.Link\.Properties\.SecurityGroupIds/,
    );
  });

  it('a setting outside its reviewed shape is still unreviewed', () => {
    expect(vpcLink({ SubnetIds: ['subnet-0abc'], SecurityGroupIds: [{ Ref: 'Group' }], Extra: 1 })).toEqual([
      'unseen-effect Resources.Link.Properties.Extra',
    ]);
  });
});

describe('AWS::ApiGatewayV2::Integration TlsConfig', () => {
  const LISTENER = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: { LoadBalancerArn: 'arn', Port: 443, Protocol: 'TLS', DefaultActions: [] },
  };
  const integration = (tls: unknown) =>
    reasonsAt(
      'I',
      {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: { Ref: 'Api' },
          IntegrationType: 'HTTP_PROXY',
          IntegrationMethod: 'ANY',
          ConnectionType: 'VPC_LINK',
          ConnectionId: { Ref: 'Link' },
          IntegrationUri: { Ref: 'Listener' },
          PayloadFormatVersion: '1.0',
          TlsConfig: tls,
        },
      },
      {
        Link: {
          Type: 'AWS::ApiGatewayV2::VpcLink',
          Properties: { Name: 'l', SubnetIds: ['subnet-0a'], SecurityGroupIds: [{ Ref: 'Group' }] },
        },
        Listener: LISTENER,
      },
    );

  it('a host name, a wildcard or a name the template makes is low', () => {
    expect(integration({ ServerNameToVerify: 'api.internal.example.com' })).toEqual([]);
    expect(integration({ ServerNameToVerify: '*.internal.example.com' })).toEqual([]);
    expect(integration({})).toEqual([]);
  });

  it('a name chosen at deploy time is unresolved; one that is no host name, or another setting, is unseen', () => {
    expect(integration({ ServerNameToVerify: { Ref: 'Name' } })).toEqual([
      'unresolved-value Resources.I.Properties.TlsConfig.ServerNameToVerify',
    ]);
    expect(integration({ ServerNameToVerify: 'https://evil.example.com:8443' })).toEqual([
      'unseen-effect Resources.I.Properties.TlsConfig.ServerNameToVerify',
    ]);
    expect(integration({ ServerNameToVerify: 'a.example.com', InsecureSkipVerification: true })).toEqual(
      expect.arrayContaining(['unseen-effect Resources.I.Properties.TlsConfig']),
    );
  });
});
