// Attacker pass 9l (test-only): attacks on the risk classifier (src/core/risk/classify-risk.ts and
// the rules it runs) that are correctly refused today — each input below is judged high, so hybrid
// runs guided and automated mode falls back. Attacked: other spellings of an open address range
// and of Fn::Cidr, YAML alias bombs in a template and in lockfiles, TypeScript configurations that
// hide a path (a key named twice, a \u escape, Windows separators), OpenAPI bodies with foreign
// integrations behind IAM auth, and resources whose only risky part is a reference to something
// outside the account (instance profiles, foreign layers, event buses, KMS keys).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { riskOf } from './risk-of.js';

const ingress = (properties: Record<string, unknown>) => ({
  Resources: {
    G: {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: 'sg-0123', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, ...properties },
    },
  },
});

describe('attacker 9l (refused): open ingress in other spellings', () => {
  it.each([
    ['Fn::Cidr of 0.0.0.0/0', { CidrIp: { 'Fn::Select': [0, { 'Fn::Cidr': ['0.0.0.0/0', 1, 32] }] } }],
    ['a two-digit prefix', { CidrIp: '0.0.0.0/00' }],
    ['padding spaces', { CidrIp: ' 0.0.0.0/0 ' }],
    ['leading zeros', { CidrIp: '000.000.000.000/0' }],
    ['host bits set', { CidrIp: '1.2.3.4/0' }],
    ['a trailing newline', { CidrIp: '0.0.0.0/0\n' }],
    ['Fn::Join of literals', { CidrIp: { 'Fn::Join': ['', ['0.0.0.0', '/0']] } }],
    ['IPv6 written in full', { CidrIpv6: '0:0:0:0:0:0:0:0/0' }],
    ['IPv6 global unicast 2000::/3', { CidrIpv6: '2000::/3' }],
    ['IPv6 with a zone id', { CidrIpv6: '::%eth0/0' }],
    ['a number', { CidrIp: 0 }],
    [
      'a group of another account',
      { SourceSecurityGroupId: 'sg-0abc', SourceSecurityGroupOwnerId: '111122223333' },
    ],
  ])('%s is not low', (_name, properties) => {
    expect(riskOf(ingress(properties)).level).toBe('high');
  });
});

describe('attacker 9l (refused): references outside the account on reviewed types', () => {
  const IMAGE = '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}';
  const FUNCTION = { Code: { ZipFile: 'x' }, Handler: 'index.h', Runtime: 'nodejs20.x' };
  it.each([
    [
      'an existing instance profile',
      'AWS::EC2::Instance',
      { ImageId: IMAGE, IamInstanceProfile: 'AdminProfile' },
    ],
    [
      'an existing instance profile in a launch template',
      'AWS::EC2::LaunchTemplate',
      { LaunchTemplateData: { ImageId: IMAGE, IamInstanceProfile: { Name: 'AdminProfile' } } },
    ],
    [
      'a layer of another account',
      'AWS::Lambda::Function',
      {
        ...FUNCTION,
        Role: 'arn:aws:iam::123456789012:role/r',
        Layers: ['arn:aws:lambda:us-east-1:111122223333:layer:x:1'],
      },
    ],
    [
      'a KMS key of another account for the environment',
      'AWS::Lambda::Function',
      {
        ...FUNCTION,
        Role: 'arn:aws:iam::123456789012:role/r',
        KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
      },
    ],
    [
      'a rule on another account’s bus',
      'AWS::Events::Rule',
      {
        EventBusName: 'arn:aws:events:us-east-1:111122223333:event-bus/default',
        EventPattern: { source: ['x'] },
      },
    ],
    [
      'an alias moved to a foreign key',
      'AWS::KMS::Alias',
      { AliasName: 'alias/prod-data', TargetKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k' },
    ],
    [
      'an HTTP API quick-create target outside',
      'AWS::ApiGatewayV2::Api',
      { Name: 'a', ProtocolType: 'HTTP', Target: 'https://collector.evil.example/x' },
    ],
    [
      'an alarm that calls another account’s function',
      'AWS::CloudWatch::Alarm',
      {
        MetricName: 'm',
        Namespace: 'n',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: ['arn:aws:lambda:us-east-1:111122223333:function:evil'],
      },
    ],
  ])('%s is not low', (_name, Type, Properties) => {
    expect(riskOf({ Resources: { X: { Type, Properties } } }).level).toBe('high');
  });

  it('a REST API body whose integration leaves the account, behind IAM auth, is not low', () => {
    const body = {
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      security: [{ sigv4: [] }],
      components: {
        securitySchemes: {
          sigv4: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authtype': 'awsSigv4',
          },
        },
      },
      paths: {
        '/x': {
          get: {
            'x-amazon-apigateway-integration': {
              type: 'http_proxy',
              httpMethod: 'GET',
              uri: 'https://evil.example/x',
            },
          },
        },
      },
    };
    expect(
      riskOf({
        Resources: { A: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a', Body: body } } },
      }).level,
    ).toBe('high');
  });
});

const judge = (files: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({
      path,
      content,
      role: path === 'infra/template.yaml' ? ('template' as const) : ('config' as const),
    })),
    targetEnvironment: 'staging',
    production: false,
  });

/** Nine levels of ten-fold YAML aliases under `root`: 10^9 values once expanded. */
const aliasBomb = (root: string): string => {
  const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 9; level++)
    lines.push(
      `a${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(',')}]`,
    );
  return [...lines, `${root}: *a8`, ''].join('\n');
};

describe('attacker 9l (refused): YAML alias bombs', () => {
  it.each([
    [
      'a template',
      'infra/template.yaml',
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' + aliasBomb('Outputs'),
    ],
    ['a pnpm lockfile', 'svc/pnpm-lock.yaml', "lockfileVersion: '9.0'\n" + aliasBomb('packages')],
    ['a yarn 2+ lockfile', 'svc/yarn.lock', '__metadata:\n  version: 8\n' + aliasBomb('"foo@npm:1.0.0"')],
  ])('%s expanding to 10^9 values is refused as unreadable (high), not expanded', (_name, path, content) => {
    expect(judge({ [path]: content }).level).toBe('high');
  });
});

describe('attacker 9l (refused): tsconfig hiding where the build writes', () => {
  const service = (tsconfig: string) => ({
    'svc/package.json': JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: 'tsc' } }),
    'svc/tsconfig.json': tsconfig,
  });
  it.each([
    [
      'outDir named twice (one reader takes the first)',
      '{"compilerOptions":{"outDir":"/etc/x","outDir":"dist"}}',
    ],
    ['outDir spelled with a \\u escape', '{"compilerOptions":{"out\\u0044ir":"/etc/x"}}'],
    ['outDir with Windows separators climbing out', '{"compilerOptions":{"outDir":"..\\\\..\\\\x"}}'],
    ['extends from an absolute path', '{"extends":"/etc/tsconfig.json"}'],
  ])('%s is not low', (_name, tsconfig) => {
    expect(judge(service(tsconfig)).level).toBe('high');
  });
});
