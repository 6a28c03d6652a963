import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { PARAMETER_TYPES } from '../../../src/core/cfn/parameter-types.js';
import { formatTemplateIssue } from '../../../src/core/cfn/template-issue.js';

function issuesFor(type: unknown): string[] {
  return checkTemplateStructure({
    Parameters: { Input: { Type: type } },
    Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
  }).map(formatTemplateIssue);
}

/** As listed in the AWS CloudFormation User Guide (Parameters; CloudFormation-supplied parameter types). */
const DOCUMENTED_TYPES = [
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
  'List<AWS::EC2::AvailabilityZone::Name>',
  'List<AWS::EC2::Image::Id>',
  'List<AWS::EC2::Instance::Id>',
  'List<AWS::EC2::SecurityGroup::GroupName>',
  'List<AWS::EC2::SecurityGroup::Id>',
  'List<AWS::EC2::Subnet::Id>',
  'List<AWS::EC2::Volume::Id>',
  'List<AWS::EC2::VPC::Id>',
  'List<AWS::Route53::HostedZone::Id>',
  'AWS::SSM::Parameter::Name',
  'AWS::SSM::Parameter::Value<String>',
  'AWS::SSM::Parameter::Value<List<String>>',
  'AWS::SSM::Parameter::Value<CommaDelimitedList>',
  'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
  'AWS::SSM::Parameter::Value<AWS::EC2::KeyPair::KeyName>',
  'AWS::SSM::Parameter::Value<List<AWS::EC2::KeyPair::KeyName>>',
  'AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>',
];

describe('parameter types', () => {
  it.each(DOCUMENTED_TYPES)('accepts %s', (type) => {
    expect(issuesFor(type)).toEqual([]);
  });

  it('knows every type the documentation lists, and no more than their combinations', () => {
    for (const type of DOCUMENTED_TYPES) expect(PARAMETER_TYPES.has(type)).toBe(true);
    // 4 general, 10 AWS-specific, 9 of their lists, the SSM name, 3 + 10 + 10 SSM value types.
    expect(PARAMETER_TYPES.size).toBe(47);
  });

  it.each([
    ['Strin', 'String'],
    ['string', 'String'],
    ['Numbr', 'Number'],
    ['List<number>', 'List<Number>'],
    ['CommaDelimitedLists', 'CommaDelimitedList'],
    ['AWS::EC2::KeyPair::Keyname', 'AWS::EC2::KeyPair::KeyName'],
    ['List<AWS::EC2::Subnet::ID>', 'List<AWS::EC2::Subnet::Id>'],
    ['AWS::EC2::VPC::ID', 'AWS::EC2::VPC::Id'],
    ['AWS::SSM::Parameter::Value<Strng>', 'AWS::SSM::Parameter::Value<String>'],
    ['String ', 'String'],
    ['toString', 'String'],
  ])('refuses %j and suggests %j', (type, closest) => {
    expect(issuesFor(type)).toEqual([
      `Parameters.Input.Type: "${type}" is not a CloudFormation parameter type (did you mean "${closest}"?)`,
    ]);
  });

  it.each([
    'Integer',
    'Boolean',
    'List<AWS::EC2::KeyPair::KeyName>',
    'List<AWS::SSM::Parameter::Value<String>>',
    'AWS::S3::Bucket',
    'constructor',
  ])('refuses %j, which CloudFormation does not know, and lists what it accepts', (type) => {
    expect(issuesFor(type)).toEqual([
      `Parameters.Input.Type: "${type}" is not a CloudFormation parameter type (expected String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id or List<AWS::EC2::Subnet::Id>, or AWS::SSM::Parameter::Value<…>)`,
    ]);
  });

  it.each([undefined, '', '  ', 3, ['String'], { Ref: 'Other' }])(
    'still asks for a Type when it is %j',
    (type) => {
      expect(issuesFor(type)).toEqual([
        'Parameters.Input.Type: is missing; every parameter needs a Type such as String or Number',
      ]);
    },
  );
});
