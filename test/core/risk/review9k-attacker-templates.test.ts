// Attacker pass 9k (test-only) on ingress sources (src/core/risk/ingress-sources.ts `isVpcRange`,
// ingress-breadth-risks.ts): an ingress rule whose source is a VPC's or subnet's own `CidrBlock`
// (`Fn::GetAtt`) is set aside as "the network's own range" without reading what that range is. A
// VPC may be given public address space (any /16 to /28 block; Amazon VPC User Guide, "VPC CIDR
// blocks": "we recommend" private ranges, public ones are allowed), and those addresses are hosts
// on the internet. Written as literals, the same ranges are judged (open in sum: ingress breadth).
import { describe, expect, it } from '@jest/globals';
import { riskOf } from './risk-of.js';

/** 257 VPCs, each a distinct public /16: together more than one /8 of the internet. */
const vpcRanges = (viaVpc: boolean) => {
  const resources: Record<string, unknown> = {};
  const rules: unknown[] = [];
  for (let index = 0; index < 257; index++) {
    const cidr = `${11 + Math.floor(index / 256)}.${index % 256}.0.0/16`;
    resources[`Vpc${index}`] = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr } };
    rules.push({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      CidrIp: viaVpc ? { 'Fn::GetAtt': [`Vpc${index}`, 'CidrBlock'] } : cidr,
    });
  }
  resources['Sg'] = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: { GroupDescription: 'd', VpcId: { Ref: 'Vpc0' }, SecurityGroupIngress: rules },
  };
  return { Resources: resources };
};

describe('attacker 9k: ingress from a VPC range', () => {
  it('control: the same public ranges written as literals are open-ingress', () => {
    expect(riskOf(vpcRanges(false)).reasons.map((reason) => reason.code)).toContain('open-ingress');
  });

  it("FAULT: ingress from VPCs' own CidrBlock, each a public /16, more than a /8 in sum, is not low", () => {
    expect(riskOf(vpcRanges(true)).level).toBe('high');
  });
});
