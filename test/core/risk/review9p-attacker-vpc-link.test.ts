// Attacker pass 9p (test-only) on the AWS::ApiGatewayV2::VpcLink rule (vpc-link-risks.ts) and the
// security groups it joins (existing-security-group-risks.ts): a link naming no security group on
// some deployment puts its network interfaces in the VPC's default group. Attacked: a list whose
// only item is an Fn::If with AWS::NoValue (CloudFormation drops the item, leaving an empty list),
// list parameters, Fn::Split, the VPC's default group by GetAtt, imports, Fn::Select, a Fn::If whose
// branch is an empty list.
import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

const template = (link: Record<string, unknown>) => ({
  Parameters: {
    Name: { Type: 'String' },
    UseGroup: { Type: 'String', AllowedValues: ['yes', 'no'] },
    Groups: { Type: 'List<AWS::EC2::SecurityGroup::Id>' },
    GroupCsv: { Type: 'CommaDelimitedList', Default: '' },
  },
  Conditions: { C: { 'Fn::Equals': [{ Ref: 'UseGroup' }, 'yes'] } },
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Group: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'link', VpcId: { Ref: 'Vpc' } },
    },
    Link: {
      Type: 'AWS::ApiGatewayV2::VpcLink',
      Properties: { Name: 'link', SubnetIds: ['subnet-0a'], ...link },
    },
  },
});

const linkReasons = (link: Record<string, unknown>) =>
  reasonsOf(template(link)).filter((reason) => reason.includes('Resources.Link.'));

describe('AWS::ApiGatewayV2::VpcLink security groups', () => {
  it('fixed FAULT: [!If [C, !Ref Group, !Ref AWS::NoValue]] is an empty list when C is false (no group named), yet low', () => {
    expect(
      linkReasons({ SecurityGroupIds: [{ 'Fn::If': ['C', { Ref: 'Group' }, { Ref: 'AWS::NoValue' }] }] }),
    ).not.toEqual([]);
  });

  it('[!If [C, !Ref Group, !Ref AWS::NoValue], !Ref Group] always names a group (stays low)', () => {
    expect(
      linkReasons({
        SecurityGroupIds: [{ 'Fn::If': ['C', { Ref: 'Group' }, { Ref: 'AWS::NoValue' }] }, { Ref: 'Group' }],
      }),
    ).toEqual([]);
  });

  it.each([
    ['a List<AWS::EC2::SecurityGroup::Id> parameter', { SecurityGroupIds: { Ref: 'Groups' } }],
    ['a CommaDelimitedList parameter defaulting to empty', { SecurityGroupIds: { Ref: 'GroupCsv' } }],
    ['Fn::Split of a parameter', { SecurityGroupIds: { 'Fn::Split': [',', { Ref: 'Name' }] } }],
    ["the VPC's default group", { SecurityGroupIds: [{ 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }] }],
    ['an imported group', { SecurityGroupIds: [{ 'Fn::ImportValue': 'shared-sg' }] }],
    ['a group selected from a parameter', { SecurityGroupIds: [{ 'Fn::Select': [0, { Ref: 'Groups' }] }] }],
    ['an empty list on one Fn::If branch', { SecurityGroupIds: { 'Fn::If': ['C', [{ Ref: 'Group' }], []] } }],
  ])('%s is not low (refused)', (_, link) => {
    expect(linkReasons(link)).not.toEqual([]);
  });
});
