// Fixes of attacker pass 9k in classify-risk.ts: paths are compared in one spelling
// (`repositoryPath`), configured stack parameters that reach no template fail closed, and the
// rules reading a template's text run on nested templates found by any name.
import { describe, expect, it } from '@jest/globals';
import { repositoryPath } from '../../../src/core/cfn/repository-path.js';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

const PARENT = 'infra/template.json';
const template = (body: Record<string, unknown>) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...body }, null, 2);
const QUEUE = { Type: 'AWS::SQS::Queue', Properties: {} };
const PUBLIC = '/aws/service/global-infrastructure/regions/us-east-1/availability-zones';
const SSM_TEMPLATE = template({
  Parameters: { Zones: { Type: 'AWS::SSM::Parameter::Value<String>', Default: PUBLIC } },
  Resources: { Q: QUEUE },
  Outputs: { Zones: { Value: { Ref: 'Zones' } } },
});
const stack = (url: string) => ({ Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url } });

const riskOf = (
  files: Record<string, string>,
  options: { templatePath?: string; stackParameters?: Record<string, string> },
): RiskAssessment =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    ...(options.templatePath === undefined ? {} : { templatePath: options.templatePath }),
    targetEnvironment: 'staging',
    production: false,
    ...(options.stackParameters === undefined ? {} : { stackParameters: options.stackParameters }),
  });
const codes = (risk: RiskAssessment) => risk.reasons.map((reason) => `${reason.code} ${reason.where}`);

describe('repositoryPath', () => {
  it.each([
    ['./infra/template.json', 'infra/template.json'],
    ['infra//template.json', 'infra/template.json'],
    ['infra/x/../template.json', 'infra/template.json'],
    ['infra/./nested/', 'infra/nested'],
  ])('%s is %s', (path, expected) => {
    expect(repositoryPath(path)).toBe(expected);
  });

  it.each(['', '.', '/etc/passwd', '../template.json', 'infra/../../template.json'])(
    '%j names no file of the repository',
    (path) => {
      expect(repositoryPath(path)).toBeUndefined();
    },
  );
});

describe('configured stack parameters and the deployed template path', () => {
  const SECRET = { Zones: '/myapp/prod/db-password' };

  it.each(['./infra/template.json', 'infra//template.json', 'infra/x/../template.json'])(
    'the template path %s gets the configured parameters',
    (templatePath) => {
      expect(codes(riskOf({ [PARENT]: SSM_TEMPLATE }, { templatePath, stackParameters: SECRET }))).toContain(
        `data-egress ${PARENT}#Parameters.Zones`,
      );
    },
  );

  it('a bundle file spelt ./infra/template.json is the deployed template infra/template.json', () => {
    expect(
      codes(riskOf({ [`./${PARENT}`]: SSM_TEMPLATE }, { templatePath: PARENT, stackParameters: SECRET })),
    ).toContain(`data-egress ${PARENT}#Parameters.Zones`);
  });

  it.each([
    ['another template', 'infra/other.json', 'infra/other.json'],
    ['a path leaving the repository', '../infra/template.json', 'template_path'],
    ['no path', undefined, 'template_path'],
  ])(
    'parameters for %s, matching no template of the change, are unresolved',
    (_name, templatePath, where) => {
      expect(
        codes(
          riskOf(
            { [PARENT]: template({ Resources: { Q: QUEUE } }) },
            { ...(templatePath === undefined ? {} : { templatePath }), stackParameters: SECRET },
          ),
        ),
      ).toEqual([`unresolved-value ${where}`]);
    },
  );

  it('no configured parameters, or no template in the change, is no reason', () => {
    const queue = { [PARENT]: template({ Resources: { Q: QUEUE } }) };
    expect(codes(riskOf(queue, { templatePath: 'infra/other.json', stackParameters: {} }))).toEqual([]);
    expect(
      codes(
        riskOf({ 'src/handler.js': 'exports.h = 1;' }, { templatePath: PARENT, stackParameters: SECRET }),
      ),
    ).toEqual([]);
  });

  it('a nested template whose file is spelt ./infra/child.json is found and judged', () => {
    const parent = template({ Resources: { A: stack('child.json') } });
    const child = template({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: {} } } });
    expect(
      codes(riskOf({ [PARENT]: parent, './infra/child.json': child }, { templatePath: PARENT })).some(
        (code) => code.includes('infra/child.json#'),
      ),
    ).toBe(true);
  });

  it('a file spelt ./.github/workflows/x.yml is under .github/', () => {
    expect(codes(riskOf({ './.github/workflows/x.yml': 'on: push' }, {}))).toContain(
      'github-path .github/workflows/x.yml',
    );
  });
});

describe('text rules on nested templates of any name', () => {
  const YAML_ON = [
    'Resources:',
    '  Net:',
    '    Type: AWS::EC2::Subnet',
    '    Properties:',
    '      VpcId: vpc-1',
    '      CidrBlock: 10.0.1.0/24',
    '      MapPublicIpOnLaunch: on',
    '',
  ].join('\n');

  it.each(['child.cfn', 'child', 'child.txt'])('a YAML 1.1 boolean in a nested %s is a reason', (name) => {
    const risk = riskOf(
      { [PARENT]: template({ Resources: { A: stack(name) } }), [`infra/${name}`]: YAML_ON },
      { templatePath: PARENT },
    );
    expect(codes(risk)).toContain(
      `unresolved-value infra/${name}#Resources.Net.Properties.MapPublicIpOnLaunch`,
    );
  });

  it('a YAML 1.1 boolean two levels down, in a grandchild of another name, is a reason', () => {
    const middle = [
      'Resources:',
      '  B:',
      '    Type: AWS::CloudFormation::Stack',
      '    Properties:',
      '      TemplateURL: leaf.cfn',
      '',
    ].join('\n');
    const risk = riskOf(
      {
        [PARENT]: template({ Resources: { A: stack('middle.cfn') } }),
        'infra/middle.cfn': middle,
        'infra/leaf.cfn': YAML_ON,
      },
      { templatePath: PARENT },
    );
    expect(codes(risk)).toContain(
      'unresolved-value infra/leaf.cfn#Resources.Net.Properties.MapPublicIpOnLaunch',
    );
  });
});
