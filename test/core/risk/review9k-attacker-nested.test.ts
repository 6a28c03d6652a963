// Attacker pass 9k (test-only) on nested stacks and configured stack parameters
// (src/core/risk/nested-parameter-bindings.ts, parameter-origins.ts, nested-stack-risks.ts,
// stack-parameters-of.ts, classify-risk.ts): what a parent or the deploy run passes in place of a
// nested template's parameter Defaults. Attacked: `AWS::Serverless::Application` `Parameters`, a
// nested template used twice with different values, `Fn::If`/`Fn::Sub`/`Fn::Select` passing values,
// configured `parameters` when the deployed template's path is spelled another way or not given,
// parents reached through chains, depth past 5.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

const PARENT = 'infra/template.json';
const template = (body: Record<string, unknown>) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...body }, null, 2);
const QUEUE = { Type: 'AWS::SQS::Queue', Properties: {} };
const PUBLIC = '/aws/service/global-infrastructure/regions/us-east-1/availability-zones';
const SECRET = '/myapp/prod/db-password';

const riskOf = (
  files: Record<string, string>,
  options: { templatePath?: string; stackParameters?: Record<string, string> } = { templatePath: PARENT },
): RiskAssessment =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({
      path,
      content,
      role: path === PARENT ? ('template' as const) : ('config' as const),
    })),
    ...(options.templatePath === undefined ? {} : { templatePath: options.templatePath }),
    targetEnvironment: 'staging',
    production: false,
    ...(options.stackParameters === undefined ? {} : { stackParameters: options.stackParameters }),
  });
const codes = (risk: RiskAssessment) => risk.reasons.map((reason) => `${reason.code} ${reason.where}`);

// A template reading a Parameter Store parameter whose Default is an AWS public one.
const SSM_TEMPLATE = template({
  Parameters: { Zones: { Type: 'AWS::SSM::Parameter::Value<String>', Default: PUBLIC } },
  Resources: { Q: QUEUE },
  Outputs: { Zones: { Value: { Ref: 'Zones' } } },
});

const stack = (url: string, parameters?: unknown) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: url, ...(parameters === undefined ? {} : { Parameters: parameters }) },
});

describe('attacker 9k: values passed to nested templates', () => {
  it('control: the SSM template nested with nothing passed is low', () => {
    expect(
      codes(
        riskOf({
          [PARENT]: template({ Resources: { A: stack('child.json') } }),
          'infra/child.json': SSM_TEMPLATE,
        }),
      ),
    ).toEqual([]);
  });

  it('an AWS::Serverless::Application passing a secret name into the SSM type is not low', () => {
    const parent = template({
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        A: {
          Type: 'AWS::Serverless::Application',
          Properties: { Location: 'child.json', Parameters: { Zones: SECRET } },
        },
      },
    });
    expect(codes(riskOf({ [PARENT]: parent, 'infra/child.json': SSM_TEMPLATE }))).toContain(
      'data-egress infra/child.json#Parameters.Zones',
    );
  });

  it('one nested template used twice, once with its Default and once with a secret name, is not low', () => {
    const parent = template({
      Resources: { A: stack('child.json'), B: stack('./child.json', { Zones: SECRET }) },
    });
    expect(codes(riskOf({ [PARENT]: parent, 'infra/child.json': SSM_TEMPLATE }))).toContain(
      'data-egress infra/child.json#Parameters.Zones',
    );
  });

  it.each([
    ['Fn::If', { 'Fn::If': ['Always', PUBLIC, SECRET] }],
    ['Fn::Sub', { 'Fn::Sub': '/myapp/${AWS::StackName}' }],
    ['Fn::Select', { 'Fn::Select': [1, [PUBLIC, SECRET]] }],
    ['Fn::Join', { 'Fn::Join': ['', ['/aws/service', '/../../myapp/x']] }],
    ['Fn::FindInMap', { 'Fn::FindInMap': ['Names', 'Zones', 'Value'] }],
  ])('a parent passing the name by %s is not low', (_name, value) => {
    const parent = template({
      Conditions: { Always: { 'Fn::Equals': ['a', 'a'] } },
      Mappings: { Names: { Zones: { Value: SECRET } } },
      Resources: { A: stack('child.json', { Zones: value }) },
    });
    expect(riskOf({ [PARENT]: parent, 'infra/child.json': SSM_TEMPLATE }).level).toBe('high');
  });

  it('a name passed down two levels by Ref from a parent parameter whose Default is a secret name is not low', () => {
    const top = template({
      Parameters: { Name: { Type: 'String', Default: SECRET } },
      Resources: { A: stack('mid.json', { Zones: { Ref: 'Name' } }) },
    });
    const mid = template({
      Parameters: { Zones: { Type: 'String', Default: PUBLIC } },
      Resources: { B: stack('child.json', { Zones: { Ref: 'Zones' } }) },
    });
    expect(
      codes(riskOf({ [PARENT]: top, 'infra/mid.json': mid, 'infra/child.json': SSM_TEMPLATE })),
    ).toContain('data-egress infra/child.json#Parameters.Zones');
  });

  it('a chain of nested stacks deeper than five is not low', () => {
    const files: Record<string, string> = {};
    files[PARENT] = template({ Resources: { N: stack('n1.json') } });
    for (let level = 1; level <= 7; level++)
      files[`infra/n${level}.json`] = template({ Resources: { N: stack(`n${level + 1}.json`) } });
    files['infra/n8.json'] = template({ Resources: { Q: QUEUE } });
    expect(riskOf(files).level).toBe('high');
  });
});

describe('attacker 9k: the parameters the deploy run passes (configured stackParameters)', () => {
  it("control: a configured secret name for the deployed template's SSM parameter is data-egress", () => {
    const risk = riskOf(
      { [PARENT]: SSM_TEMPLATE },
      { templatePath: PARENT, stackParameters: { Zones: SECRET } },
    );
    expect(codes(risk)).toContain(`data-egress ${PARENT}#Parameters.Zones`);
  });

  it('a configured secret name passed through to a nested template is data-egress there', () => {
    const parent = template({
      Parameters: { Name: { Type: 'String', Default: PUBLIC } },
      Resources: { A: stack('child.json', { Zones: { Ref: 'Name' } }) },
    });
    const risk = riskOf(
      { [PARENT]: parent, 'infra/child.json': SSM_TEMPLATE },
      { templatePath: PARENT, stackParameters: { Name: SECRET } },
    );
    expect(codes(risk)).toContain('data-egress infra/child.json#Parameters.Zones');
  });

  it('FAULT: the deployed template named `./infra/template.json` still gets its configured parameters (not its Default)', () => {
    const risk = riskOf(
      { [PARENT]: SSM_TEMPLATE },
      { templatePath: `./${PARENT}`, stackParameters: { Zones: SECRET } },
    );
    expect(risk.level).toBe('high');
  });
});

describe('attacker 9k: what else a nested template may hold', () => {
  const nest = (child: Record<string, unknown>) =>
    riskOf({
      [PARENT]: template({ Resources: { A: stack('child.json') } }),
      'infra/child.json': template(child),
    });

  it.each([
    ['a macro transform', { Transform: 'Evil::Macro', Resources: { Q: QUEUE } }],
    [
      'a list of transforms with a macro',
      { Transform: ['AWS::Serverless-2016-10-31', 'Evil::Macro'], Resources: { Q: QUEUE } },
    ],
    [
      'an AWS::Include of an S3 snippet in a resource',
      {
        Resources: {
          Q: {
            Type: 'AWS::SQS::Queue',
            Properties: {
              'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://evil/x.yaml' } },
            },
          },
        },
      },
    ],
    [
      'an AWS::Include at the top of Resources',
      {
        Resources: {
          Q: QUEUE,
          'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://evil/x.yaml' } },
        },
      },
    ],
    [
      'SAM Globals opening a function URL',
      {
        Transform: 'AWS::Serverless-2016-10-31',
        Globals: { Function: { FunctionUrlConfig: { AuthType: 'NONE' } } },
        Resources: { Q: QUEUE },
      },
    ],
    [
      'Fn::ForEach making roles',
      {
        Transform: 'AWS::LanguageExtensions',
        Resources: {
          'Fn::ForEach::R': [
            'X',
            ['A', 'B'],
            { 'Role${X}': { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } } },
          ],
        },
      },
    ],
  ])('a nested template with %s is not low', (_name, child) => {
    expect(nest(child).level).toBe('high');
  });

  it('a configured CodeS3Key (another object than the run uploads) is not low', () => {
    const code = template({
      Parameters: { CodeS3Bucket: { Type: 'String' }, CodeS3Key: { Type: 'String' } },
      Resources: {
        Layer: {
          Type: 'AWS::Lambda::LayerVersion',
          Properties: { Content: { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } } },
        },
      },
    });
    expect(
      riskOf({ [PARENT]: code }, { templatePath: PARENT, stackParameters: { CodeS3Key: 'x.zip' } }).level,
    ).toBe('high');
  });
});

// YAML 1.1 booleans (`yes`, `on`) are judged by `yamlBooleanRisks`, which classifyRisk runs on the
// files it takes for templates by name (`.yaml`, `.yml`, `.json`, `.template`, or declared). A
// nested template is found by its TemplateURL whatever its name (`aws cloudformation package`
// uploads any local file), and is judged in the later rounds, where that rule is not run.
describe('attacker 9k: a nested YAML template under another name', () => {
  const SUBNET = [
    'Resources:',
    '  Vpc:',
    '    Type: AWS::EC2::VPC',
    '    Properties:',
    '      CidrBlock: 10.0.0.0/16',
    '  Net:',
    '    Type: AWS::EC2::Subnet',
    '    Properties:',
    '      VpcId: !Ref Vpc',
    '      CidrBlock: 10.0.1.0/24',
    '      MapPublicIpOnLaunch: yes',
    '',
  ].join('\n');
  const nestAs = (name: string) =>
    riskOf({ [PARENT]: template({ Resources: { A: stack(name) } }), [`infra/${name}`]: SUBNET });

  it('control: nested as child.yaml, the YAML 1.1 boolean is a reason', () => {
    expect(codes(nestAs('child.yaml'))).toContain(
      'unresolved-value infra/child.yaml#Resources.Net.Properties.MapPublicIpOnLaunch',
    );
  });

  it('FAULT: nested as child.cfn, the YAML 1.1 boolean is still a reason (not low)', () => {
    expect(nestAs('child.cfn').level).toBe('high');
  });
});
