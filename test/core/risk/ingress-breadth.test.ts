import { parseCidrBlock } from '../../../src/core/risk/cidr-block.js';
import { publicAddressCount } from '../../../src/core/risk/public-address-count.js';
import { QUEUE, reasonsOf, riskOf } from './risk-of.js';

const rule = (field: string, cidr: unknown, port = 22) => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  [field]: cidr,
});
const group = (...rules: object[]) => ({
  Type: 'AWS::EC2::SecurityGroup',
  Properties: { GroupDescription: 'web', SecurityGroupIngress: rules },
});
const ingress = (groupId: unknown, cidr: string) => ({
  Type: 'AWS::EC2::SecurityGroupIngress',
  Properties: { GroupId: groupId, ...rule('CidrIp', cidr) },
});
const slash8s = (from: number, count: number) =>
  Array.from({ length: count }, (_, n) => rule('CidrIp', `${from + n}.0.0.0/8`));

describe('ingress breadth is judged over the union of every rule', () => {
  it('two /8 rules (2^25 public addresses) on one group are open, reported once for the group', () => {
    const risk = riskOf({ Resources: { Sg: group(...slash8s(1, 2)) } });
    expect(risk.reasons).toEqual([
      {
        code: 'open-ingress',
        where: 'infra/template.json#Resources.Sg',
        message:
          'The ingress rules of Sg together let in 33,554,432 public IPv4 addresses (2 ranges), more than one /8 holds: a large share of the internet.',
      },
    ]);
  });

  it('one public /8 is not open; overlapping ranges count once', () => {
    expect(
      riskOf({ Resources: { Sg: group(rule('CidrIp', '3.0.0.0/8'), rule('CidrIp', '3.1.0.0/16')) } }).level,
    ).toBe('low');
  });

  it('rules split between a group and SecurityGroupIngress resources on it add up', () => {
    expect(
      reasonsOf({
        Resources: {
          Sg: group(...slash8s(1, 64)),
          ...Object.fromEntries(
            Array.from({ length: 64 }, (_, n) => [
              `In${n}`,
              ingress({ 'Fn::GetAtt': ['Sg', 'GroupId'] }, `${65 + n}.0.0.0/8`),
            ]),
          ),
        },
      }),
    ).toEqual(['open-ingress Resources']);
  });

  it('rules on an existing group (by id) and on two groups of one template add up too', () => {
    expect(
      riskOf({ Resources: { A: ingress('sg-0123', '1.0.0.0/8'), B: ingress('sg-0456', '2.0.0.0/8') } }).level,
    ).toBe('high');
    expect(riskOf({ Resources: { A: group(...slash8s(1, 1)), B: group(...slash8s(2, 1)) } }).level).toBe(
      'high',
    );
  });

  it('IPv6: two /17s of global unicast are a /16 (not open); three are', () => {
    const v6 = (n: number) => rule('CidrIpv6', `2001:${(n * 0x8000).toString(16)}::/17`);
    expect(riskOf({ Resources: { Sg: group(v6(0), v6(1)) } }).level).toBe('low');
    expect(
      riskOf({ Resources: { Sg: group(v6(0), v6(1), rule('CidrIpv6', '2002::/17')) } }).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['open-ingress']);
  });

  it('every private range together is not open (RFC 1918, shared, unique local IPv6)', () => {
    expect(
      riskOf({
        Resources: {
          Sg: group(
            rule('CidrIp', '10.0.0.0/8'),
            rule('CidrIp', '172.16.0.0/12'),
            rule('CidrIp', '192.168.0.0/16'),
            rule('CidrIp', '100.64.0.0/10'),
            rule('CidrIpv6', 'fc00::/7'),
          ),
        },
      }).level,
    ).toBe('low');
  });

  it('a single open rule is reported where it is, not again as a union', () => {
    expect(
      reasonsOf({ Resources: { Sg: group(rule('CidrIp', '1.0.0.0/8'), rule('CidrIp', '0.0.0.0/0')) } }),
    ).toEqual(['open-ingress Resources.Sg.Properties.SecurityGroupIngress[1].CidrIp']);
  });
});

describe('ingress sources the template does not show', () => {
  it('a prefix list by id, from a parameter or AWS-managed is treated as open', () => {
    for (const id of ['pl-0123456789abcdef0', { Ref: 'Allowed' }, { 'Fn::ImportValue': 'shared-list' }])
      expect(
        riskOf({
          Parameters: { Allowed: { Type: 'String' } },
          Resources: { Sg: group({ IpProtocol: '-1', SourcePrefixListId: id }) },
        }).reasons.map((reason) => reason.code),
      ).toEqual([expect.stringMatching(/^(unseen-effect|unresolved-value)$/)]);
  });

  it('a prefix list of this template is read through its entries: narrow is low, wide is open', () => {
    const list = (...cidrs: string[]) => ({
      Type: 'AWS::EC2::PrefixList',
      Properties: {
        PrefixListName: 'office',
        AddressFamily: 'IPv4',
        MaxEntries: 5,
        Entries: cidrs.map((Cidr) => ({ Cidr })),
      },
    });
    const withList = (...cidrs: string[]) => ({
      Resources: {
        List: list(...cidrs),
        Sg: group({
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          SourcePrefixListId: { 'Fn::GetAtt': ['List', 'PrefixListId'] },
        }),
      },
    });
    expect(riskOf(withList('203.0.113.0/24')).level).toBe('low');
    // The list itself is ingress too (any group elsewhere may name it), so both places are reported.
    expect(reasonsOf(withList('0.0.0.0/1'))).toEqual([
      'open-ingress Resources.List.Properties.Entries[0].CidrIp',
      'open-ingress Resources.Sg.Properties.SecurityGroupIngress[0].SourcePrefixListId',
    ]);
    expect(reasonsOf(withList('1.0.0.0/8', '2.0.0.0/8'))).toEqual(['open-ingress Resources']);
  });

  it("a VPC's or subnet's own private CIDR is low; another resource's value laundered into a CIDR is high", () => {
    const vpc = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
    expect(
      riskOf({ Resources: { Vpc: vpc, Sg: group(rule('CidrIp', { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] })) } })
        .level,
    ).toBe('low');
    // An Amazon-provided IPv6 /56 is this VPC's alone (AWS::EC2::VPCCidrBlock is itself unreviewed).
    const amazonIpv6 = {
      Type: 'AWS::EC2::VPCCidrBlock',
      Properties: { VpcId: { Ref: 'Vpc' }, AmazonProvidedIpv6CidrBlock: true },
    };
    expect(
      reasonsOf({
        Resources: {
          Vpc: vpc,
          Block: amazonIpv6,
          Sg: group(rule('CidrIpv6', { 'Fn::Select': [0, { 'Fn::GetAtt': ['Vpc', 'Ipv6CidrBlocks'] }] })),
        },
      }),
    ).toEqual(['unseen-effect Resources.Block']);
    // A log group may be named "0.0.0.0/0"; its Ref is that name.
    const logs = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '0.0.0.0/0' } };
    expect(reasonsOf({ Resources: { Logs: logs, Sg: group(rule('CidrIp', { Ref: 'Logs' })) } })).toEqual([
      'unresolved-value Resources.Sg.Properties.SecurityGroupIngress[0].CidrIp',
    ]);
  });

  it('a text that is not a CIDR is treated as open', () => {
    expect(reasonsOf({ Resources: { Queue: QUEUE, Sg: group(rule('CidrIp', '0/0')) } })).toEqual([
      'unresolved-value Resources.Sg.Properties.SecurityGroupIngress[0].CidrIp',
    ]);
  });
});

describe('CIDR arithmetic', () => {
  it.each([
    ['0.0.0.0/0', 4, 0n, 1n << 32n],
    ['10.1.2.3/8', 4, 10n << 24n, 1n << 24n],
    ['::/0', 6, 0n, 1n << 128n],
    ['2001:db8::/32', 6, 0x20010db8n << 96n, 1n << 96n],
    ['::ffff:192.0.2.1/128', 6, (0xffffn << 32n) + 0xc0000201n, 1n],
    ['FE80::1/10', 6, 0xfe80n << 112n, 1n << 118n],
  ])('%s', (text, family, first, count) => {
    expect(parseCidrBlock(text)).toEqual({ family, first, count });
  });

  it.each([
    '0/0',
    '1.2.3.4',
    '256.0.0.0/8',
    '1.2.3.4/33',
    '::/129',
    '1::2::3/64',
    '1:2:3:4:5:6:7:8:9/64',
    'x/1',
  ])('%s is not read', (text) => expect(parseCidrBlock(text)).toBeUndefined());

  it('counts public addresses once, without private ranges', () => {
    const blocks = ['0.0.0.0/0', '10.0.0.0/8', '1.0.0.0/8'].map((text) => parseCidrBlock(text)!);
    const privateCount = (1n << 24n) * 2n + (1n << 22n) + (1n << 16n) + (1n << 20n) + (1n << 16n);
    expect(publicAddressCount(blocks, 4)).toBe((1n << 32n) - privateCount);
    expect(publicAddressCount(blocks, 6)).toBe(0n);
  });
});

describe('ingress added to a security group this template does not make', () => {
  it("public addresses are high: the group's other rules are not shown", () => {
    expect(reasonsOf({ Resources: { In: ingress('sg-0123', '198.51.100.0/24') } })).toEqual([
      'unseen-effect Resources.In.Properties',
    ]);
  });

  it('private addresses, or a group of this template, are low', () => {
    expect(riskOf({ Resources: { In: ingress('sg-0123', '10.1.0.0/16') } }).level).toBe('low');
    expect(
      riskOf({
        Resources: { Sg: group(), In: ingress({ 'Fn::GetAtt': ['Sg', 'GroupId'] }, '198.51.100.0/24') },
      }).level,
    ).toBe('low');
  });
});
