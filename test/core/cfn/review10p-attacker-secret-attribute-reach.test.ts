/**
 * Attacker pass (review #10p) on stack outputs reading a secret resource attribute
 * (src/core/cfn/secret-attribute-outputs.ts through maskNoEchoOutputs). Attacked: the attribute
 * reached through Fn::Join, Fn::Select/Split, Fn::If on a condition, Fn::Base64, an Fn::Sub variable
 * map and an attribute chosen by a parameter (held); an access key made by `Fn::ForEach`
 * (AWS::LanguageExtensions), whose resources are no `Type` record until CloudFormation expands them;
 * a nested stack whose own output carries the key, re-exported by the parent through
 * `!GetAtt Child.Outputs.Name`. A fault is `it.failing` asserting the right answer; an attack
 * refused is an ordinary test.
 */
import { maskNoEchoOutputs } from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { outputsReadingSecretAttributes } from '../../../src/core/cfn/secret-attribute-outputs.js';

/** AWS's documented example secret key (IAM User Guide), which no scanner pattern takes for a secret. */
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const ACCESS_KEY = [
  'Resources:',
  '  Deployer:',
  '    Type: AWS::IAM::User',
  '  DeployerKey:',
  '    Type: AWS::IAM::AccessKey',
  '    Properties:',
  '      UserName: !Ref Deployer',
];

describe('review10p attacker: a secret attribute reached through other intrinsics (held)', () => {
  it.each([
    ['Fn::Join', "!Join [':', [!Ref DeployerKey, !GetAtt DeployerKey.SecretAccessKey]]"],
    ['Fn::Select over Fn::Split', "!Select [0, !Split ['/', !GetAtt DeployerKey.SecretAccessKey]]"],
    ['Fn::If on a condition', "!If [Expose, !GetAtt DeployerKey.SecretAccessKey, 'none']"],
    ['Fn::Base64', '!Base64 { "Fn::GetAtt": [DeployerKey, SecretAccessKey] }'],
    [
      'an Fn::Sub variable map',
      "!Sub ['AWS_SECRET_ACCESS_KEY=${S}', { S: !GetAtt DeployerKey.SecretAccessKey }]",
    ],
    ['an attribute chosen by a parameter', '!GetAtt [DeployerKey, !Ref Attribute]'],
  ])('%s', (_name, value) => {
    const template = [
      'Parameters:',
      '  Attribute:',
      '    Type: String',
      'Conditions:',
      "  Expose: !Equals [!Ref 'AWS::Region', us-east-1]",
      ...ACCESS_KEY,
      'Outputs:',
      '  Credential:',
      `    Value: ${value}`,
      '  KeyId:',
      '    Value: !Ref DeployerKey',
      '',
    ].join('\n');
    expect([...outputsReadingSecretAttributes(template).named]).toEqual(['Credential']);
  });
});

describe('review10p attacker: a secret attribute the template does not show at once', () => {
  it('fixed FAULT: an access key made by Fn::ForEach (AWS::LanguageExtensions) is withheld when read', () => {
    const template = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Deployers:',
      '    - Team',
      '    - [Orders, Billing]',
      '    - ${Team}Key:',
      '        Type: AWS::IAM::AccessKey',
      '        Properties:',
      '          UserName: !Sub ${Team}-deployer',
      'Outputs:',
      '  OrdersSecret:',
      '    Value: !GetAtt OrdersKey.SecretAccessKey',
      '',
    ].join('\n');
    const masked = maskNoEchoOutputs({ template, parameters: {}, outputs: { OrdersSecret: SECRET_KEY } });
    expect(masked['OrdersSecret']).not.toBe(SECRET_KEY);
  });

  it('fixed FAULT: a parent stack re-exporting a nested stack’s output does not store the key it carries', () => {
    // nested/iam.yaml makes the key and outputs `!GetAtt DeployerKey.SecretAccessKey` as `Secret`;
    // CloudFormation gives the parent's output the same value.
    const parent = [
      'Resources:',
      '  Iam:',
      '    Type: AWS::CloudFormation::Stack',
      '    Properties:',
      '      TemplateURL: nested/iam.yaml',
      'Outputs:',
      '  DeployerSecret:',
      '    Value: !GetAtt Iam.Outputs.Secret',
      '',
    ].join('\n');
    const masked = maskNoEchoOutputs({
      template: parent,
      parameters: {},
      outputs: { DeployerSecret: SECRET_KEY },
    });
    expect(masked['DeployerSecret']).not.toBe(SECRET_KEY);
  });
});
