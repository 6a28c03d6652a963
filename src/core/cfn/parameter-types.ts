/**
 * Every `Type` a template parameter may have, from the AWS CloudFormation User Guide:
 * "Parameters section syntax" (`String`, `Number`, `List<Number>`, `CommaDelimitedList`) and
 * "Reference existing resources and Systems Manager parameters with CloudFormation-supplied
 * parameter types" (the AWS-specific types, their `List<…>` forms, and the Systems Manager types:
 * `AWS::SSM::Parameter::Name`, and `AWS::SSM::Parameter::Value<…>` of `String`, `List<String>`,
 * `CommaDelimitedList`, an AWS-specific type or a list of one). Names are case-sensitive; lists of
 * Systems Manager types (`List<AWS::SSM::Parameter::Value<String>>`) are documented as unsupported.
 */
const AWS_SPECIFIC_TYPES = [
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
] as const;

/** The AWS-specific types with a documented `List<…>` form: all but the key pair name. */
const AWS_SPECIFIC_LIST_TYPES = AWS_SPECIFIC_TYPES.filter(
  (type) => type !== 'AWS::EC2::KeyPair::KeyName',
).map((type) => `List<${type}>`);

const SSM_VALUE_TYPES = [
  'String',
  'List<String>',
  'CommaDelimitedList',
  ...AWS_SPECIFIC_TYPES,
  ...AWS_SPECIFIC_TYPES.map((type) => `List<${type}>`),
].map((type) => `AWS::SSM::Parameter::Value<${type}>`);

export const PARAMETER_TYPES: ReadonlySet<string> = new Set([
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  ...AWS_SPECIFIC_TYPES,
  ...AWS_SPECIFIC_LIST_TYPES,
  'AWS::SSM::Parameter::Name',
  ...SSM_VALUE_TYPES,
]);
