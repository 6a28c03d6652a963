// Attacker pass 9l (test-only) on managed prefix lists (src/core/risk/reviewed-resource-types.ts
// `AWS::EC2::PrefixList` with `Entries: ANY`, and the ingress rules of ingress-rules.ts /
// ingress-breadth-risks.ts). A security group rule may allow a prefix list by id
// (`SourcePrefixListId`), and then allows whatever the list holds now: changing the list's entries
// changes every rule that names it, in this stack or any other (Amazon VPC User Guide, "Managed
// prefix lists": "reference a prefix list in security group rules"; "If you modify a prefix list,
// the changes apply to the resources that reference it"). The classifier already treats a rule
// naming an existing list by id as unseen; here the attack is the other side: the list itself,
// already referenced elsewhere (its id exported, or used by groups in other stacks), opened to the
// whole internet by this change.
import { describe, expect, it } from '@jest/globals';
import { riskOf } from './risk-of.js';

const prefixList = (family: 'IPv4' | 'IPv6', entries: readonly string[]) => ({
  Resources: {
    Office: {
      Type: 'AWS::EC2::PrefixList',
      Properties: {
        PrefixListName: 'office-ranges',
        AddressFamily: family,
        MaxEntries: 5,
        Entries: entries.map((Cidr) => ({ Cidr, Description: 'office' })),
      },
    },
  },
  Outputs: {
    OfficeList: {
      Value: { 'Fn::GetAtt': ['Office', 'PrefixListId'] },
      Export: { Name: 'office-prefix-list' },
    },
  },
});

describe('attacker 9l: a prefix list opened to the internet', () => {
  it('control: a prefix list of private ranges is low', () => {
    expect(riskOf(prefixList('IPv4', ['10.0.0.0/8', '192.168.0.0/16'])).reasons).toEqual([]);
  });

  it('control: a rule of this template naming an existing list by id is not low (judged today)', () => {
    expect(
      riskOf({
        Resources: {
          G: {
            Type: 'AWS::EC2::SecurityGroupIngress',
            Properties: {
              GroupId: 'sg-0123',
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              SourcePrefixListId: 'pl-0123456789abcdef0',
            },
          },
        },
      }).level,
    ).toBe('high');
  });

  it.each([
    ['0.0.0.0/0', 'IPv4', ['0.0.0.0/0']],
    ['two halves of the IPv4 internet', 'IPv4', ['0.0.0.0/1', '128.0.0.0/1']],
    ['::/0', 'IPv6', ['::/0']],
    ['sixteen public /8s', 'IPv4', Array.from({ length: 16 }, (_, i) => `${i + 20}.0.0.0/8`)],
  ] as const)(
    '(was a FAULT) an exported prefix list holding %s is not low (every security group rule naming it opens to the internet)',
    (_name, family, entries) => {
      expect(riskOf(prefixList(family, entries)).level).toBe('high');
    },
  );

  it('a prefix list whose entry is a parameter given at deploy time is not low (treated as open)', () => {
    const template = prefixList('IPv4', []);
    const office = template.Resources.Office;
    expect(
      riskOf({
        ...template,
        Parameters: { OfficeCidr: { Type: 'String' } },
        Resources: {
          Office: {
            ...office,
            Properties: { ...office.Properties, Entries: [{ Cidr: { Ref: 'OfficeCidr' } }] },
          },
        },
      }).level,
    ).toBe('high');
  });
});
