import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { QUEUE, reasonsOf, riskOf } from './risk-of.js';

const openGroup = {
  Type: 'AWS::EC2::SecurityGroup',
  Properties: {
    GroupDescription: 'web',
    SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }],
  },
};
const include = (location: string) => ({
  'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: location } },
});

describe('what a template does not show is high (unseen constructs)', () => {
  it('a security group made by Fn::ForEach is high, where the loop is', () => {
    expect(
      reasonsOf({
        Transform: 'AWS::LanguageExtensions',
        Resources: { Queue: QUEUE, 'Fn::ForEach::Groups': ['Name', ['A', 'B'], { 'Sg${Name}': openGroup }] },
      }),
    ).toEqual(['unseen-effect Resources.Fn::ForEach::Groups']);
  });

  it('a nested Fn::ForEach inside a resource property (ingress rules by loop) is high', () => {
    const risk = riskOf({
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        Sg: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: {
            GroupDescription: 'web',
            Tags: [{ Key: 'a', Value: 'b' }],
            'Fn::ForEach::Rules': ['Port', ['22'], { SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0' }] }],
          },
        },
      },
    });
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((reason) => reason.code)).toEqual(['unseen-effect']);
  });

  it('an Fn::ForEach in Outputs alone makes nothing and stays low', () => {
    expect(
      riskOf({
        Transform: 'AWS::LanguageExtensions',
        Resources: { Queue: QUEUE },
        Outputs: { 'Fn::ForEach::Out': ['N', ['A'], { 'Out${N}': { Value: 'x' } }] },
      }).level,
    ).toBe('low');
  });

  it.each([
    [
      'as the whole Properties of a resource',
      { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: include('s3://b/sg.yaml') } },
    ],
    ['in place of a resource', { Queue: QUEUE, ...include('s3://b/role.yaml') }],
    [
      'inside one property',
      {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Role: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Environment: include('s3://b/env.yaml') },
        },
        Queue: QUEUE,
      },
    ],
  ])('an inline AWS::Include %s is high', (_where, resources) => {
    const risk = riskOf({ Resources: resources });
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((reason) => reason.code)).toContain('unseen-effect');
  });

  it('an inline macro (Fn::Transform) in Mappings or Outputs is high: the macro runs code at deploy time', () => {
    for (const section of ['Mappings', 'Outputs', 'Conditions'])
      expect(
        reasonsOf({
          Resources: { Queue: QUEUE },
          [section]: { X: { 'Fn::Transform': { Name: 'Acme::Expand', Parameters: {} } } },
        }),
      ).toEqual([`unseen-effect ${section}.X.Fn::Transform`]);
  });

  it('AWS::Include at the top level, alone or in a Transform list, is high and named', () => {
    const location = { Location: 's3://attacker/admin.yaml' };
    for (const transform of [
      { Name: 'AWS::Include', Parameters: location },
      ['AWS::Serverless-2016-10-31', { Name: 'AWS::Include', Parameters: location }],
    ]) {
      const risk = riskOf({ Transform: transform, Resources: { Queue: QUEUE } });
      expect(risk.reasons).toEqual([
        {
          code: 'unresolved-value',
          where: 'infra/template.json#Transform',
          message:
            'The transform "AWS::Include" rewrites the template at deploy time; what it adds cannot be judged.',
        },
      ]);
    }
  });

  it('SAM and language extensions on their own add nothing to judge', () => {
    expect(
      riskOf({
        Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'],
        Resources: { Queue: QUEUE },
      }).level,
    ).toBe('low');
  });

  it.each([
    ['a list', ['AWS::IAM::Role']],
    ['a text', 'AWS::IAM::Role'],
    ['a mapping without Type', { Properties: {} }],
    ['a computed Type', { Type: { Ref: 'RoleType' }, Properties: {} }],
  ])('a Resources entry that is %s is high', (_kind, entry) => {
    expect(reasonsOf({ Resources: { Queue: QUEUE, Odd: entry } })).toEqual([
      'template-unreadable Resources.Odd',
    ]);
  });
});

describe('resources that deploy what the template does not hold', () => {
  it.each([
    ['a private or third-party registry type', { Type: 'Acme::Network::OpenGroup', Properties: {} }],
    ['a module that expands into resources', { Type: 'Acme::Iam::AdminRole::MODULE', Properties: {} }],
    [
      'a stack set with an inline template (into other accounts)',
      {
        Type: 'AWS::CloudFormation::StackSet',
        Properties: {
          StackSetName: 's',
          PermissionModel: 'SERVICE_MANAGED',
          TemplateBody: '{"Resources":{}}',
        },
      },
    ],
    [
      'a Service Catalog provisioned product',
      {
        Type: 'AWS::ServiceCatalog::CloudFormationProvisionedProduct',
        Properties: { ProductName: 'vpc', ProvisioningArtifactName: 'v1' },
      },
    ],
  ])('%s is high', (_name, resource) => {
    expect(reasonsOf({ Resources: { It: resource } })).toEqual(['unseen-effect Resources.It']);
  });
});

it('another intrinsic key in Resources is not a resource either', () => {
  expect(reasonsOf({ Resources: { Queue: QUEUE, 'Fn::If': ['C', { Type: 'AWS::IAM::Role' }, {}] } })).toEqual(
    ['template-unreadable Resources.Fn::If'],
  );
});

it('a file not declared a template is judged when it only makes resources by loop or by an extension type', () => {
  const files = [
    {
      path: 'infra/nested/loop.json',
      content: JSON.stringify({ Resources: { 'Fn::ForEach::R': ['N', ['A'], {}] } }),
      role: 'config' as const,
    },
    {
      path: 'infra/nested/ext.yaml',
      content: 'Resources:\n  X:\n    Type: Acme::Iam::Admin::MODULE\n',
      role: 'config' as const,
    },
  ];
  const risk = classifyRisk({ files, targetEnvironment: 'staging', production: false });
  expect(risk.reasons.map((reason) => `${reason.code} ${reason.where}`)).toEqual([
    'unseen-effect infra/nested/loop.json#Resources.Fn::ForEach::R',
    'unseen-effect infra/nested/ext.yaml#Resources.X',
  ]);
});
