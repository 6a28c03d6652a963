import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

// A resource put into a security group the template does not make takes on that group's inbound
// rules and whatever other groups allow from it (Amazon VPC User Guide, "Security group rules"):
// access nobody reviewed in this change. An existing subnet with the template's own group is the
// normal shape of a function in a VPC and stays low.

const ROLE = { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' };
const OWN_GROUP = {
  Type: 'AWS::EC2::SecurityGroup',
  Properties: { GroupDescription: 'function', VpcId: 'vpc-0abc' },
};
/** The reasons but the existing role's (judged by existingRoleRisks). */
const groupReasons = (body: Record<string, unknown>) =>
  reasonsOf(body).filter((reason) => !reason.endsWith('.Properties.Role'));
const lambda = (vpcConfig: unknown, extra: Record<string, unknown> = {}) => ({
  Parameters: {
    Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' },
    Groups: { Type: 'List<AWS::EC2::SecurityGroup::Id>' },
    Group: { Type: 'AWS::EC2::SecurityGroup::Id' },
  },
  Resources: {
    Sg: OWN_GROUP,
    F: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: ROLE,
        Code: { ZipFile: 'exports.handler = async () => 1;' },
        VpcConfig: vpcConfig,
      },
    },
    ...extra,
  },
});
const WHERE = 'Resources.F.Properties.VpcConfig.SecurityGroupIds';

describe('resources joined to security groups made elsewhere', () => {
  it.each([
    ['a literal group id', ['sg-0123456789abcdef0'], `${WHERE}[0]`],
    ['a group id parameter', [{ Ref: 'Group' }], `${WHERE}[0]`],
    ['a list parameter of groups', { Ref: 'Groups' }, WHERE],
    ['an imported group', [{ 'Fn::ImportValue': 'SharedGroup' }], `${WHERE}[0]`],
    ['the own group and an existing one', [{ Ref: 'Sg' }, 'sg-0123456789abcdef0'], `${WHERE}[1]`],
    [
      'an existing group on one Fn::If branch',
      [{ 'Fn::If': ['C', { Ref: 'Sg' }, 'sg-0123456789abcdef0'] }],
      `${WHERE}[0].Fn::If[2]`,
    ],
  ])('a Lambda function in %s is unseen-effect', (_name, groups, at) => {
    const body = {
      ...lambda({ SubnetIds: { Ref: 'Subnets' }, SecurityGroupIds: groups }),
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
    };
    expect(groupReasons(body)).toEqual([`unseen-effect ${at}`]);
  });

  it('control: an existing subnet (literal or parameter) with the template own group stays low', () => {
    expect(
      groupReasons(lambda({ SubnetIds: { Ref: 'Subnets' }, SecurityGroupIds: [{ Ref: 'Sg' }] })),
    ).toEqual([]);
    expect(
      groupReasons(
        lambda({
          SubnetIds: ['subnet-0abc', 'subnet-0def'],
          SecurityGroupIds: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }],
        }),
      ),
    ).toEqual([]);
  });

  it('a SAM function in Globals, a launch template, a database and a load balancer are judged too', () => {
    const body = {
      Transform: 'AWS::Serverless-2016-10-31',
      Globals: { Function: { VpcConfig: { SubnetIds: ['subnet-0abc'], SecurityGroupIds: ['sg-0aaa'] } } },
      Resources: {
        Lt: {
          Type: 'AWS::EC2::LaunchTemplate',
          Properties: {
            LaunchTemplateData: {
              ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
              SecurityGroups: ['default'],
              NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: 'subnet-0abc', Groups: ['sg-0bbb'] }],
            },
          },
        },
        Db: {
          Type: 'AWS::RDS::DBInstance',
          DeletionPolicy: 'Snapshot',
          UpdateReplacePolicy: 'Snapshot',
          Properties: { Engine: 'postgres', PubliclyAccessible: false, VPCSecurityGroups: ['sg-0ccc'] },
        },
        Lb: {
          Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          Properties: { Scheme: 'internal', Subnets: ['subnet-0abc'], SecurityGroups: ['sg-0ddd'] },
        },
      },
    };
    const reasons = reasonsOf(body);
    for (const at of [
      'Globals.Function.VpcConfig.SecurityGroupIds[0]',
      'Resources.Lt.Properties.LaunchTemplateData.SecurityGroups[0]',
      'Resources.Lt.Properties.LaunchTemplateData.NetworkInterfaces[0].Groups[0]',
      'Resources.Db.Properties.VPCSecurityGroups[0]',
      'Resources.Lb.Properties.SecurityGroups[0]',
    ])
      expect(reasons).toContain(`unseen-effect ${at}`);
  });
});
