import { describe, expect, it } from '@jest/globals';
import { QUEUE, reasonsOf } from './risk-of.js';

// A template parameter of type AWS::SSM::Parameter::Value<…> makes CloudFormation read a Parameter
// Store value into the stack (shown as the parameter's ResolvedValue to anyone allowed to describe
// it): the same copy out of Parameter Store's access control as `{{resolve:ssm:…}}`.

const withParameter = (parameter: Record<string, unknown>, resources: Record<string, unknown> = {}) => ({
  Parameters: { Setting: parameter },
  Resources: { Q: QUEUE, ...resources },
});

describe('Parameter Store parameter types', () => {
  it.each([
    [
      'a private parameter by default',
      { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/prod/db/password' },
    ],
    ['no default (chosen at deploy time)', { Type: 'AWS::SSM::Parameter::Value<String>' }],
    [
      'a public default but a private allowed value',
      {
        Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        AllowedValues: [
          '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
          '/team/secret',
        ],
      },
    ],
    ['a list type', { Type: 'AWS::SSM::Parameter::Value<List<String>>', Default: '/team/ids' }],
  ])('%s is data-egress at the parameter', (_name, parameter) => {
    expect(reasonsOf(withParameter(parameter))).toEqual(['data-egress Parameters.Setting']);
  });

  it.each([
    [
      'a public /aws/service/ AMI path',
      {
        Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      },
    ],
    [
      'an SSM parameter name type (the name, not the value)',
      { Type: 'AWS::SSM::Parameter::Name', Default: '/x' },
    ],
    ['a String parameter', { Type: 'String', Default: '/team/x' }],
  ])('control: %s stays low', (_name, parameter) => {
    expect(reasonsOf(withParameter(parameter))).toEqual([]);
  });

  // Review 9i: parameters are resolved before any resource exists, so a name the template also
  // makes is read from whatever parameter has it already.
  it('a parameter the template also makes is data-egress too', () => {
    const own = {
      P: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/orders/limit', Type: 'String', Value: '5' } },
    };
    expect(
      reasonsOf(withParameter({ Type: 'AWS::SSM::Parameter::Value<String>', Default: '/orders/limit' }, own)),
    ).toHaveLength(1);
  });
});
