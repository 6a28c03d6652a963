// Ingress from a VPC's or subnet's own range (ingress-sources.ts `vpcRange`): the range is read
// from the resource, not assumed private. Private ranges stay low; public ones count like
// literals (alone and in sum: ingress-breadth-risks.ts); a range not known before deploying is
// unknown, never low.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const RULE_AT = 'Resources.Sg.Properties.SecurityGroupIngress[0]';
const group = (field: string, source: unknown) => ({
  Type: 'AWS::EC2::SecurityGroup',
  Properties: {
    GroupDescription: 'd',
    SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, [field]: source }],
  },
});
const vpc = (properties: Record<string, unknown>) => ({ Type: 'AWS::EC2::VPC', Properties: properties });
const subnet = (properties: Record<string, unknown>) => ({
  Type: 'AWS::EC2::Subnet',
  Properties: { VpcId: { Ref: 'Vpc' }, ...properties },
});

describe('ingress from a VPC or subnet range', () => {
  it.each([
    ['a VPC of 172.16.0.0/12', { Vpc: vpc({ CidrBlock: '172.16.0.0/16' }) }, 'Vpc'],
    [
      'a subnet of 192.168.1.0/24',
      { Vpc: vpc({ CidrBlock: '192.168.0.0/16' }), Net: subnet({ CidrBlock: '192.168.1.0/24' }) },
      'Net',
    ],
    [
      'a VPC range from a parameter with private AllowedValues',
      { Vpc: vpc({ CidrBlock: { Ref: 'Cidr' } }) },
      'Vpc',
    ],
  ])('%s is low', (_name, resources, id) => {
    expect(
      reasonsOf({
        Parameters: { Cidr: { Type: 'String', AllowedValues: ['10.0.0.0/16', '10.1.0.0/16'] } },
        Resources: { ...resources, Sg: group('CidrIp', { 'Fn::GetAtt': [id, 'CidrBlock'] }) },
      }),
    ).toEqual([]);
  });

  it('a public VPC range larger than a /8 alone is open-ingress', () => {
    expect(
      reasonsOf({
        Resources: {
          Vpc: vpc({ CidrBlock: '0.0.0.0/1' }),
          Sg: group('CidrIp', { 'Fn::GetAtt': 'Vpc.CidrBlock' }),
        },
      }),
    ).toEqual([`open-ingress ${RULE_AT}.CidrIp`]);
  });

  it('public subnet ranges, each narrower than a /8, count together in the breadth rule', () => {
    const resources: Record<string, unknown> = { Vpc: vpc({ CidrBlock: '10.0.0.0/16' }) };
    const rules: unknown[] = [];
    for (let index = 0; index < 2; index++) {
      resources[`Net${index}`] = subnet({ CidrBlock: `${20 + index}.0.0.0/8` });
      rules.push({
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        CidrIp: { 'Fn::GetAtt': [`Net${index}`, 'CidrBlock'] },
      });
    }
    resources['Sg'] = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'd', SecurityGroupIngress: rules },
    };
    expect(reasonsOf({ Resources: resources })).toEqual(['open-ingress Resources.Sg']);
  });

  it.each([
    [
      'a range from a parameter set at deploy time',
      { Vpc: vpc({ CidrBlock: { Ref: 'Free' } }) },
      'Vpc',
      'CidrBlock',
    ],
    [
      'a range IPAM allocates',
      { Vpc: vpc({ Ipv4IpamPoolId: 'ipam-pool-1', Ipv4NetmaskLength: 16 }) },
      'Vpc',
      'CidrBlock',
    ],
    [
      'a subnet range computed by Fn::Cidr',
      {
        Vpc: vpc({ CidrBlock: '10.0.0.0/16' }),
        Net: subnet({ CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }] } }),
      },
      'Net',
      'CidrBlock',
    ],
    ['association ids', { Vpc: vpc({ CidrBlock: '10.0.0.0/16' }) }, 'Vpc', 'CidrBlockAssociations'],
    [
      'IPv6 blocks this template does not associate',
      { Vpc: vpc({ CidrBlock: '10.0.0.0/16' }) },
      'Vpc',
      'Ipv6CidrBlocks',
    ],
  ])('%s is unresolved, not low', (_name, resources, id, attribute) => {
    const field = attribute === 'Ipv6CidrBlocks' ? 'CidrIpv6' : 'CidrIp';
    const source = { 'Fn::Select': [0, { 'Fn::GetAtt': [id, attribute] }] };
    expect(
      reasonsOf({
        Parameters: { Free: { Type: 'String' } },
        Resources: {
          ...resources,
          Sg: group(field, attribute === 'CidrBlock' ? source['Fn::Select'][1] : source),
        },
      }),
    ).toContain(`unresolved-value ${RULE_AT}.${field}`);
  });

  it("a subnet's IPv6 blocks are its VPC's: a pool's are unknown, a written one is read", () => {
    const withBlock = (association: Record<string, unknown>) =>
      reasonsOf({
        Resources: {
          Vpc: vpc({ CidrBlock: '10.0.0.0/16' }),
          Block: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: { Ref: 'Vpc' }, ...association } },
          Net: subnet({ CidrBlock: '10.0.1.0/24' }),
          Sg: group('CidrIpv6', { 'Fn::Select': [0, { 'Fn::GetAtt': ['Net', 'Ipv6CidrBlocks'] }] }),
        },
      }).filter((reason) => reason !== 'unseen-effect Resources.Block');
    expect(withBlock({ AmazonProvidedIpv6CidrBlock: true })).toEqual([]);
    expect(withBlock({ Ipv6Pool: 'pool-1', Ipv6CidrBlock: '2600:1f00::/56' })).toEqual([
      `unresolved-value ${RULE_AT}.CidrIpv6`,
    ]);
    expect(withBlock({ Ipv6CidrBlock: '::/1' })).toEqual([`open-ingress ${RULE_AT}.CidrIpv6`]);
    expect(withBlock({ Ipv6CidrBlock: 'fd00::/56' })).toEqual([]);
  });

  it('a public VPC range added to a group made elsewhere is shown like a literal one; a private one is not', () => {
    const added = (cidr: string) =>
      reasonsOf({
        Resources: {
          Vpc: vpc({ CidrBlock: cidr }),
          In: {
            Type: 'AWS::EC2::SecurityGroupIngress',
            Properties: {
              GroupId: 'sg-0123456789abcdef0',
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] },
            },
          },
        },
      });
    expect(added('11.0.0.0/16')).toEqual(['unseen-effect Resources.In.Properties']);
    expect(added('10.0.0.0/16')).toEqual([]);
  });
});
