// Attacker pass 9i (test-only) on the risk classifier's reading of templates (src/core/risk/,
// src/core/cfn/parse-template.ts): a high-risk resource hidden from the classifier by a JSON key
// named twice (the template's `Resources`, a logical id, a resource's `Type`), and refused attacks
// that the classifier reads correctly: YAML duplicate keys, `.github/` in another case, a foreign
// Lambda layer (extensions run with the function's role), `Fn::ToJsonString` under
// `AWS::LanguageExtensions`, `Fn::FindInMap` into NODE_OPTIONS, a DynamoDB stream's resource
// policy, and a template under an extension that is not .json/.yaml but is declared.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';
import { reasonsOf } from './risk-of.js';
import { checkTemplate } from '../../../src/core/gates/check-template.js';

const TEMPLATE = 'infra/template.json';
const riskOfText = (content: string, path = TEMPLATE): RiskAssessment =>
  classifyRisk({
    files: [{ path, content, role: 'template' }],
    templatePath: path,
    targetEnvironment: 'staging',
    production: false,
  });

const ROLE =
  '{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}}}';
const QUEUE = '{"Type":"AWS::SQS::Queue","Properties":{}}';

const FUNCTION = (extra: Record<string, unknown>) => ({
  Type: 'AWS::Lambda::Function',
  Properties: {
    Runtime: 'nodejs20.x',
    Handler: 'index.handler',
    Role: { 'Fn::GetAtt': ['FunctionRole', 'Arn'] },
    Code: { ZipFile: 'exports.handler = async () => 1;' },
    ...extra,
  },
});

describe('review 9i attacker: a JSON template naming a key twice', () => {
  it('control: the role alone is high', () => {
    expect(riskOfText(`{"Resources":{"R":${ROLE}}}`).level).toBe('high');
  });

  it('control: a YAML template naming a key twice does not parse, and is high', () => {
    const yaml = 'Resources:\n  R:\n    Type: AWS::IAM::Role\n  R:\n    Type: AWS::SQS::Queue\n';
    expect(riskOfText(yaml, 'infra/template.yaml').reasons.map((reason) => reason.code)).toEqual([
      'template-unreadable',
    ]);
  });

  // RFC 8259 §4: with names that are not unique "the behavior of software that receives such an
  // object is unpredictable"; the project reads that as unknown, so high, for JSON text properties
  // (json-text-risks.ts, hasDuplicateJsonKeys) and for YAML templates (parse-structured-text.ts
  // firstDuplicateKey), but a JSON template is read with JSON.parse, which keeps the last key: a
  // role before a queue under the same name is judged as the queue alone. Was:
  // src/core/untrusted/parse-structured-text.ts (JSON branch, `JSON.parse(body)`) checks no
  // duplicate keys, and classifyRisk/parseTemplate never call hasDuplicateJsonKeys on the template.
  it.each([
    ['the template-level Resources', `{"Resources":{"R":${ROLE}},"Resources":{"Q":${QUEUE}}}`],
    [
      'Resources, once written with an escape',
      `{"Resources":{"R":${ROLE}},"Re\\u0073ources":{"Q":${QUEUE}}}`,
    ],
    ['a logical id', `{"Resources":{"R":${ROLE},"R":${QUEUE}}}`],
    [
      'a resource Type',
      '{"Resources":{"R":{"Type":"AWS::IAM::Role","Type":"AWS::SQS::Queue","Properties":{}}}}',
    ],
    [
      'a key deep in the properties',
      '{"Resources":{"Q":{"Type":"AWS::SQS::Queue","Properties":{"QueueName":"a","Queue\\u004eame":"b"}}}}',
    ],
  ])('a JSON template naming %s twice, an IAM role first, is high (does not parse)', (_name, content) => {
    const risk = riskOfText(content);
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((reason) => reason.code)).toEqual(['template-unreadable']);
    expect(risk.reasons[0]?.message).toContain('Object keys must be unique');
  });

  it('a JSON file not declared a template, naming Resources twice, is not read as anything but high', () => {
    const risk = classifyRisk({
      files: [
        {
          path: 'infra/nested.json',
          content: `{"Resources":{"R":${ROLE}},"Resources":{"Q":${QUEUE}}}`,
          role: 'config',
        },
      ],
      targetEnvironment: 'staging',
      production: false,
    });
    expect(risk.level).toBe('high');
  });

  it('the template gate refuses a JSON template naming a key twice', () => {
    const findings = checkTemplate({
      summary: 's',
      plan: [],
      riskNotes: [],
      files: [{ path: TEMPLATE, content: `{"Resources":{"Q":${QUEUE},"Q":${QUEUE}}}`, role: 'template' }],
      templatePath: TEMPLATE,
    });
    expect(findings.map((finding) => finding.message).join('\n')).toContain('Object keys must be unique');
  });
});

describe('review 9i attacker: a Parameter Store parameter type read before the template makes it', () => {
  it('control: a parameter type reading a parameter the template does not make is data-egress', () => {
    const reasons = reasonsOf({
      Parameters: { S: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/prod/db/password' } },
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: {} } },
    });
    expect(reasons).toEqual(['data-egress Parameters.S']);
  });

  // CloudFormation reads `AWS::SSM::Parameter::Value<…>` parameters when it creates the change set,
  // before any resource exists ("CloudFormation uses whatever values exist in Parameter Store at
  // the time the operation is run"), and shows the value as the parameter's ResolvedValue to anyone
  // allowed to describe the stack or change set. A parameter resource of the same name in the
  // template does not make the name the template's: if it exists already (someone else's), its
  // value is read first and the create then fails (AlreadyExists), the value still shown. Was:
  // src/core/risk/ssm-parameter-type-risks.ts ssmParameterTypeRisks accepts any name in
  // ownSsmParameterNames, which only says the template declares a parameter of that name.
  it('naming an existing parameter in an AWS::SSM::Parameter resource does not launder its read', () => {
    const reasons = reasonsOf({
      Parameters: { S: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/prod/db/password' } },
      Resources: {
        P: {
          Type: 'AWS::SSM::Parameter',
          Properties: { Name: '/prod/db/password', Type: 'String', Value: 'x' },
        },
      },
    });
    expect(reasons).toContain('data-egress Parameters.S');
  });
});

describe('review 9i attacker: an instance booting an image the change does not hold', () => {
  const VPC = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
  const SUBNET = {
    Type: 'AWS::EC2::Subnet',
    Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' },
  };
  const GROUP = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: { GroupDescription: 'app', VpcId: { Ref: 'Vpc' } },
  };

  it('control: a Lambda image from another account is unseen-effect', () => {
    const reasons = reasonsOf({
      Resources: {
        F: FUNCTION({
          PackageType: 'Image',
          Code: { ImageUri: '999999999999.dkr.ecr.us-east-1.amazonaws.com/evil:1' },
        }),
      },
    });
    expect(reasons).toContain('unseen-effect Resources.F.Properties.Code.ImageUri');
  });

  // An AMI id names no owner: `ami-…` may be any account's public or community image, whose code
  // runs inside the template's VPC (and with whatever instance profile it is given). The reviewed
  // list's own rule is to add only properties that cannot "run code or templates this change does
  // not hold", and a Lambda container image from another registry is unseen-effect for that reason
  // (codeSourceRisks); an instance's or launch template's image is not judged at all. Was:
  // src/core/risk/reviewed-resource-types.ts INSTANCE_SETTINGS lists `ImageId: ANY` with no rule
  // reading it (only a public `/aws/service/…` Parameter Store image or one the change builds
  // would be shown).
  it.each([
    [
      'an instance',
      {
        Vpc: VPC,
        Subnet: SUBNET,
        Group: GROUP,
        I: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            ImageId: 'ami-0123456789abcdef0',
            InstanceType: 't3.micro',
            SubnetId: { Ref: 'Subnet' },
            SecurityGroupIds: [{ Ref: 'Group' }],
          },
        },
      },
    ],
    [
      'a launch template',
      {
        Vpc: VPC,
        Group: GROUP,
        L: {
          Type: 'AWS::EC2::LaunchTemplate',
          Properties: {
            LaunchTemplateData: { ImageId: 'ami-0123456789abcdef0', SecurityGroupIds: [{ Ref: 'Group' }] },
          },
        },
      },
    ],
  ])('%s booting a literal AMI id (any account’s image) is not low', (_name, resources) => {
    expect(reasonsOf({ Resources: resources }).length).toBeGreaterThan(0);
  });
});

describe('review 9i attacker: refused template tricks', () => {
  it('.github/ in another case is github-path', () => {
    const risk = classifyRisk({
      files: [{ path: '.GitHub/workflows/x.yml', content: 'on: push\n', role: 'config' }],
      targetEnvironment: 'staging',
      production: false,
    });
    expect(risk.reasons.map((reason) => reason.code)).toContain('github-path');
  });

  it('a layer from another account (its extensions run with the function role) is not low', () => {
    const reasons = reasonsOf({
      Resources: { F: FUNCTION({ Layers: ['arn:aws:lambda:us-east-1:999999999999:layer:evil:1'] }) },
    });
    expect(reasons).toContain('unseen-effect Resources.F.Properties.Layers[0]');
  });

  it('Fn::ToJsonString of a dead-letter queue in another account is not low', () => {
    const reasons = reasonsOf({
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        Q: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            RedrivePolicy: {
              'Fn::ToJsonString': {
                deadLetterTargetArn: 'arn:aws:sqs:us-east-1:999999999999:evil',
                maxReceiveCount: 1,
              },
            },
          },
        },
      },
    });
    expect(reasons).toContain('unresolved-value Resources.Q.Properties.RedrivePolicy');
  });

  it('NODE_OPTIONS read from a mapping is not low', () => {
    const reasons = reasonsOf({
      Mappings: { M: { a: { b: '--require /opt/x.js' } } },
      Resources: {
        F: FUNCTION({ Environment: { Variables: { NODE_OPTIONS: { 'Fn::FindInMap': ['M', 'a', 'b'] } } } }),
      },
    });
    expect(reasons).toContain('unresolved-value Resources.F.Properties.Environment.Variables.NODE_OPTIONS');
  });

  it("a DynamoDB stream's resource policy for another account is resource-policy", () => {
    const reasons = reasonsOf({
      Resources: {
        T: {
          Type: 'AWS::DynamoDB::Table',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: {
              StreamViewType: 'NEW_IMAGE',
              ResourcePolicy: {
                PolicyDocument: {
                  Statement: [
                    {
                      Effect: 'Allow',
                      Principal: { AWS: 'arn:aws:iam::999999999999:root' },
                      Action: 'dynamodb:GetRecords',
                      Resource: '*',
                    },
                  ],
                },
              },
            },
          },
        },
      },
    });
    expect(reasons).toContain(
      'resource-policy Resources.T.Properties.StreamSpecification.ResourcePolicy.PolicyDocument',
    );
  });

  it('a declared template under another extension is still judged', () => {
    expect(riskOfText(`{"Resources":{"R":${ROLE}}}`, 'infra/stack.cfn').level).toBe('high');
  });
});
