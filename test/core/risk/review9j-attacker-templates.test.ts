// Attacker pass 9j (test-only) on template rules added for issue #9 (src/core/risk/): YAML merge
// keys and aliases (`<<: *anchor`, which `aws cloudformation package` and SAM resolve before
// CloudFormation reads the template), the EC2 image rule (machine-image-risks.ts: Parameter Store
// paths that climb, carry a version or name an ARN), SSM parameter types, the reviewed
// `AWS::ApiGateway::Method` (AuthorizationType and MOCK read through a condition or another case),
// and JSON keys named twice through escapes. All refused today.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { reasonsOf } from './risk-of.js';

const YAML = 'infra/template.yaml';
const yamlRisk = (text: string) =>
  classifyRisk({
    files: [{ path: YAML, content: text, role: 'template' }],
    templatePath: YAML,
    targetEnvironment: 'staging',
    production: false,
  });

describe('attacker 9j: YAML merge keys', () => {
  it('resources merged in from an anchor under Metadata are not low', () => {
    const text = [
      'Metadata:',
      '  Hidden: &hidden',
      '    Admin:',
      '      Type: AWS::IAM::Role',
      '      Properties:',
      "        AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: '*'}, Action: 'sts:AssumeRole'}]}",
      'Resources:',
      '  Q:',
      '    Type: AWS::SQS::Queue',
      '  <<: *hidden',
    ].join('\n');
    expect(yamlRisk(text).level).toBe('high');
  });

  it('an open CIDR merged into an ingress rule over a private one is not low', () => {
    const text = [
      'Metadata:',
      '  Open: &open',
      '    CidrIp: 0.0.0.0/0',
      'Resources:',
      '  G:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties: {GroupDescription: x}',
      '  I:',
      '    Type: AWS::EC2::SecurityGroupIngress',
      '    Properties:',
      '      GroupId: !Ref G',
      '      IpProtocol: tcp',
      '      FromPort: 22',
      '      ToPort: 22',
      '      <<: *open',
    ].join('\n');
    expect(yamlRisk(text).level).toBe('high');
  });
});

describe('attacker 9j: EC2 images', () => {
  const launchTemplate = (ImageId: unknown, parameters: Record<string, unknown> = {}) =>
    reasonsOf({
      Parameters: parameters,
      Resources: { L: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId } } } },
    });
  const AL = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

  it('control: an Amazon Linux image from Parameter Store is low', () => {
    expect(launchTemplate(`resolve:ssm:${AL}`)).toEqual([]);
  });

  it.each([
    ['a version suffix', `{{resolve:ssm:${AL}:3}}`],
    ['a second reference after it', `{{resolve:ssm:${AL}}}{{resolve:ssm:/team/ami}}`],
    ['an ARN of another account', `{{resolve:ssm:arn:aws:ssm:us-east-1:999999999999:parameter${AL}}}`],
    ['a path climbing out', `resolve:ssm:${AL}/../../../marketplace/x`],
    ['spaces around it', ` resolve:ssm:${AL} `],
    ['Fn::Sub of a parameter', { 'Fn::Sub': 'resolve:ssm:${Path}' }],
  ])('%s is not low', (_name, image) => {
    expect(launchTemplate(image)).toContain(
      'unseen-effect Resources.L.Properties.LaunchTemplateData.ImageId',
    );
  });

  it("a parameter whose Default is AWS's but AllowedValues hold another image is not low", () => {
    expect(
      launchTemplate(
        { Ref: 'Image' },
        {
          Image: {
            Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
            Default: AL,
            AllowedValues: [AL, '/team/golden-ami'],
          },
        },
      ),
    ).not.toEqual([]);
  });

  it('a parameter of the plain AWS::EC2::Image::Id type (any id at deploy time) is not low', () => {
    expect(
      launchTemplate(
        { Ref: 'Image' },
        { Image: { Type: 'AWS::EC2::Image::Id', Default: 'ami-0123456789abcdef0' } },
      ),
    ).not.toEqual([]);
  });
});

describe('attacker 9j: SSM parameter types', () => {
  it.each([
    ['/aws/reference/secretsmanager/prod-db'],
    ['/team/secret'],
    ['aws/service/ami-amazon-linux-latest/x'],
  ])('a Default of %s is data-egress', (name) => {
    expect(
      reasonsOf({
        Parameters: { P: { Type: 'AWS::SSM::Parameter::Value<String>', Default: name } },
        Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: {} } },
      }),
    ).toContain('data-egress Parameters.P');
  });
});

describe('attacker 9j: AWS::ApiGateway::Method', () => {
  const method = (properties: Record<string, unknown>) =>
    reasonsOf({
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
      Resources: {
        M: {
          Type: 'AWS::ApiGateway::Method',
          Properties: { RestApiId: { Ref: 'Api' }, ResourceId: 'abc', HttpMethod: 'GET', ...properties },
        },
      },
    });
  const HTTP = { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'GET', Uri: 'https://example.com' };

  it.each([
    ['in another case', { AuthorizationType: 'none', Integration: HTTP }],
    ['through a condition', { AuthorizationType: { 'Fn::If': ['C', 'NONE', 'AWS_IAM'] }, Integration: HTTP }],
    [
      'with MOCK only through a condition',
      {
        AuthorizationType: 'NONE',
        Integration: { ...HTTP, Type: { 'Fn::If': ['C', 'MOCK', 'HTTP_PROXY'] } },
      },
    ],
  ])('a method open to anyone %s is public-access', (_name, properties) => {
    expect(method(properties)).toContain('public-access Resources.M.Properties.AuthorizationType');
  });

  it('a MOCK integration naming a URI still has the URI judged', () => {
    expect(method({ AuthorizationType: 'NONE', Integration: { ...HTTP, Type: 'MOCK' } })).toContain(
      'data-egress Resources.M.Properties.Integration.Uri',
    );
  });

  it("Integration.Credentials passing the caller's own credentials (arn:aws:iam::*:user/*) is not low", () => {
    expect(
      method({
        AuthorizationType: 'AWS_IAM',
        Integration: { Type: 'MOCK', Credentials: 'arn:aws:iam::*:user/*' },
      }).some((reason) => reason.startsWith('unseen-effect')),
    ).toBe(true);
  });
});

describe('attacker 9j: JSON keys named twice', () => {
  const PATH = 'infra/template.json';
  const risk = (text: string) =>
    classifyRisk({
      files: [{ path: PATH, content: text, role: 'template' }],
      templatePath: PATH,
      targetEnvironment: 'staging',
      production: false,
    });

  it.each([
    ['an escaped letter', '{"Resources":{"R":{"T\\u0079pe":"AWS::IAM::Role","Type":"AWS::SQS::Queue"}}}'],
    [
      'an escaped slash in a nested key',
      '{"Resources":{"R":{"Type":"AWS::SQS::Queue","Properties":{"a/b":1,"a\\/b":2}}}}',
    ],
  ])('a key named twice through %s is refused', (_name, text) => {
    expect(risk(text).level).toBe('high');
  });

  it('a nested template naming a key twice is refused', () => {
    const parent = JSON.stringify({
      Resources: { C: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'c.txt' } } },
    });
    const child = '{"Resources":{"R":{"Type":"AWS::IAM::Role","Type":"AWS::SQS::Queue"}}}';
    const result = classifyRisk({
      files: [
        { path: PATH, content: parent, role: 'template' },
        { path: 'infra/c.txt', content: child, role: 'config' },
      ],
      templatePath: PATH,
      targetEnvironment: 'staging',
      production: false,
    });
    expect(result.reasons.map((reason) => `${reason.code} ${reason.where}`)).toContain(
      'template-unreadable infra/c.txt',
    );
  });
});
