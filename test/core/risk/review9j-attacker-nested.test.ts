// Attacker pass 9j (test-only) on nested stacks (src/core/risk/nested-stack-risks.ts `nestedStacks`,
// src/core/risk/classify-risk.ts `classifyRisk`): a nested stack whose template is a file of the
// bundle is judged by judging that file on its own. Attacked: the values the parent passes in the
// nested stack's `Parameters` (a reviewed property), which replace the nested template's parameter
// `Default`s that rules trust (an EC2 image read from an AWS public parameter, a Parameter Store
// parameter type naming a public parameter, the deploy run's own code upload); path tricks
// (`./`, `..`, absolute, URL-encoded, backslashes, case, a file not in the bundle, a path that is
// also package.json), TemplateURL computed by Fn::Sub/Fn::Join/Fn::If, cycles, YAML with tags.
import { describe, expect, it } from '@jest/globals';
import {
  IMAGE_CHILD,
  PARENT,
  reasonsOfBundle as reasonsOf,
  riskOfBundle as riskOf,
  template,
} from './fixtures/nested-templates.js';

const QUEUE = { Type: 'AWS::SQS::Queue', Properties: {} };

const parentWith = (url: unknown, parameters: Record<string, unknown> = {}) =>
  template({
    Resources: {
      Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url, Parameters: parameters } },
    },
  });

// The nested template reads a Parameter Store parameter whose Default is an AWS public one.
const SSM_CHILD = template({
  Parameters: {
    Zones: {
      Type: 'AWS::SSM::Parameter::Value<String>',
      Default: '/aws/service/global-infrastructure/regions/us-east-1/availability-zones',
    },
  },
  Resources: { Q: QUEUE },
  Outputs: { Zones: { Value: { Ref: 'Zones' } } },
});

// The nested template publishes a layer of the code of `CodeS3Bucket`/`CodeS3Key`, trusted as the
// deploy run's own upload because the run passes them to the top-level stack (a function using it
// would be high for its role anyway: the rule, not yet the level, is fooled there).
const CODE_CHILD = template({
  Parameters: { CodeS3Bucket: { Type: 'String' }, CodeS3Key: { Type: 'String' } },
  Resources: {
    Layer: {
      Type: 'AWS::Lambda::LayerVersion',
      Properties: { Content: { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } } },
    },
  },
});

describe('attacker 9j: parameters a parent passes into a nested stack', () => {
  it('control: the image nested template alone (its Default an AWS image) is low', () => {
    expect(reasonsOf({ [PARENT]: parentWith('child.json'), 'infra/child.json': IMAGE_CHILD })).toEqual([]);
  });

  it('FAULT: a parent passing another Parameter Store name for the image is not low (the Default is not what boots)', () => {
    expect(
      riskOf({
        [PARENT]: parentWith('child.json', { Image: '/team/attacker-controlled/ami' }),
        'infra/child.json': IMAGE_CHILD,
      }).level,
    ).toBe('high');
  });

  it('control: the SSM-type nested template alone (its Default public) is low', () => {
    expect(reasonsOf({ [PARENT]: parentWith('child.json'), 'infra/child.json': SSM_CHILD })).toEqual([]);
  });

  it('FAULT: a parent passing a secret parameter name into an SSM parameter type is not low (data-egress)', () => {
    expect(
      riskOf({
        [PARENT]: parentWith('child.json', { Zones: '/prod/database/password' }),
        'infra/child.json': SSM_CHILD,
      }).level,
    ).toBe('high');
  });

  it('control: the code nested template with the run-passed parameters threaded through is low', () => {
    const parent = template({
      Parameters: { CodeS3Bucket: { Type: 'String' }, CodeS3Key: { Type: 'String' } },
      Resources: {
        Child: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: {
            TemplateURL: 'child.json',
            Parameters: { CodeS3Bucket: { Ref: 'CodeS3Bucket' }, CodeS3Key: { Ref: 'CodeS3Key' } },
          },
        },
      },
    });
    expect(reasonsOf({ [PARENT]: parent, 'infra/child.json': CODE_CHILD })).toEqual([]);
  });

  it("FAULT: a parent passing another bucket and key as CodeS3Bucket/CodeS3Key is not low (not the run's upload)", () => {
    expect(
      riskOf({
        [PARENT]: parentWith('child.json', {
          CodeS3Bucket: 'attacker-bucket',
          CodeS3Key: 'backdoor.zip',
        }),
        'infra/child.json': CODE_CHILD,
      }).level,
    ).toBe('high');
  });
});

describe('attacker 9j: nested template paths (refused)', () => {
  const OPEN = template({
    Resources: {
      G: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'x',
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }],
        },
      },
    },
  });

  it.each([
    ['./ and ..', './x/../nested/open.txt', 'infra/nested/open.txt'],
    ['a path up and back down', '../infra/nested/open.txt', 'infra/nested/open.txt'],
    ['a doubled slash', 'nested//open.txt', 'infra/nested/open.txt'],
    ['the path of package.json', 'package.json', 'infra/package.json'],
  ])('%s reaching a bundle file judges it as a template (high)', (_name, url, path) => {
    expect(riskOf({ [PARENT]: parentWith(url), [path]: OPEN }).level).toBe('high');
  });

  it.each([
    ['an absolute path', '/infra/nested/queue.txt'],
    ['a URL-encoded slash', 'nested%2Fqueue.txt'],
    ['a backslash', 'nested\\queue.txt'],
    ['another case', 'Nested/Queue.txt'],
    ['a file URL', 'file://infra/nested/queue.txt'],
    ['a path leaving the repository', '../../infra/nested/queue.txt'],
    ['Fn::Sub', { 'Fn::Sub': 'nested/queue.txt' }],
    ['Fn::Join', { 'Fn::Join': ['', ['nested/', 'queue.txt']] }],
    ['Fn::If', { 'Fn::If': ['C', 'nested/queue.txt', 'nested/queue.txt'] }],
    ['a list', ['nested/queue.txt']],
  ])('%s not naming the bundle file literally stays high', (_name, url) => {
    expect(
      riskOf({ [PARENT]: parentWith(url), 'infra/nested/queue.txt': template({ Resources: { Q: QUEUE } }) }),
    ).toEqual(expect.objectContaining({ level: 'high' }));
  });

  it('a cycle of two bundle files is high', () => {
    expect(
      riskOf({
        [PARENT]: parentWith('a.txt'),
        'infra/a.txt': parentWith('b.txt'),
        'infra/b.txt': parentWith('a.txt'),
      }).level,
    ).toBe('high');
  });

  it('a template nesting itself is high', () => {
    expect(riskOf({ [PARENT]: parentWith('template.json') }).level).toBe('high');
  });

  it('a YAML nested template with tags is judged (an open ingress by !Sub)', () => {
    const yaml = [
      'Resources:',
      '  G:',
      '    Type: AWS::EC2::SecurityGroupIngress',
      '    Properties:',
      '      GroupId: !Ref AWS::NoValue',
      '      IpProtocol: tcp',
      '      FromPort: 22',
      '      ToPort: 22',
      "      CidrIp: !Sub '0.0.0.0/0'",
    ].join('\n');
    expect(riskOf({ [PARENT]: parentWith('n.cfn'), 'infra/n.cfn': yaml }).level).toBe('high');
  });

  it('an AWS::Serverless::Application from the Serverless Application Repository is high', () => {
    const parent = template({
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        App: {
          Type: 'AWS::Serverless::Application',
          Properties: {
            Location: {
              ApplicationId: 'arn:aws:serverlessrepo:us-east-1:1:applications/x',
              SemanticVersion: '1.0.0',
            },
          },
        },
      },
    });
    expect(riskOf({ [PARENT]: parent }).level).toBe('high');
  });
});
