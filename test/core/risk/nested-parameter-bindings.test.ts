// A nested template's parameters take what its parent stack passes, not their Defaults: every rule
// that reads a parameter (an image read from Parameter Store, a Parameter Store parameter type, the
// deploy run's code upload) asks `parameterOrigins`, which `nestedParameterBindings` feeds.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { nestedParameterBindings } from '../../../src/core/risk/nested-parameter-bindings.js';
import { parameterOrigins } from '../../../src/core/risk/parameter-origins.js';
import {
  AL2023,
  IMAGE_CHILD,
  PARENT,
  reasonsOfBundle as reasonsOf,
  template,
} from './fixtures/nested-templates.js';

const stack = (url: string, parameters?: unknown) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: url, ...(parameters === undefined ? {} : { Parameters: parameters }) },
});

const IMAGE_AT = 'infra/nested/image.txt#Resources.Box.Properties.LaunchTemplateData.ImageId';

describe('a nested template judged with what its parents pass', () => {
  it('a parent passing nothing leaves the Default, judged as before (low)', () => {
    expect(
      reasonsOf({
        [PARENT]: template({ Resources: { C: stack('nested/image.txt') } }),
        'infra/nested/image.txt': IMAGE_CHILD,
      }),
    ).toEqual([]);
  });

  it('a parent passing an Amazon Linux path as a literal is low', () => {
    expect(
      reasonsOf({
        [PARENT]: template({ Resources: { C: stack('nested/image.txt', { Image: AL2023 }) } }),
        'infra/nested/image.txt': IMAGE_CHILD,
      }),
    ).toEqual([]);
  });

  it.each([
    ['another parameter name as a literal', { Image: '/team/ami' }],
    ['a value computed by Fn::Sub', { Image: { 'Fn::Sub': AL2023 } }],
    ['a pseudo parameter', { Image: { Ref: 'AWS::StackName' } }],
    ['Parameters computed as a whole', { 'Fn::If': ['C', { Image: AL2023 }, { Image: AL2023 }] }],
  ])('a parent passing %s makes the image unseen', (_name, parameters) => {
    const reasons = reasonsOf({
      [PARENT]: template({ Resources: { C: stack('nested/image.txt', parameters) } }),
      'infra/nested/image.txt': IMAGE_CHILD,
    });
    expect(reasons).toContain(`unseen-effect ${IMAGE_AT}`);
  });

  it("a Ref to the parent's own parameter is judged by the parent's Default, through two levels", () => {
    const files = (rootDefault: string) => ({
      [PARENT]: template({
        Parameters: { RootImage: { Type: 'String', Default: rootDefault } },
        Resources: { Mid: stack('nested/mid.txt', { MidImage: { Ref: 'RootImage' } }) },
      }),
      'infra/nested/mid.txt': template({
        Parameters: { MidImage: { Type: 'String' } },
        Resources: { Leaf: stack('image.txt', { Image: { Ref: 'MidImage' } }) },
      }),
      'infra/nested/image.txt': IMAGE_CHILD,
    });
    expect(reasonsOf(files(AL2023))).toEqual([]);
    expect(reasonsOf(files('/team/ami'))).toContain(`unseen-effect ${IMAGE_AT}`);
  });

  it("a Ref to the parent's Parameter Store parameter type passes the value read, not a name: unseen", () => {
    const reasons = reasonsOf({
      [PARENT]: template({
        Parameters: { Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: AL2023 } },
        Resources: { C: stack('nested/image.txt', { Image: { Ref: 'Ami' } }) },
      }),
      'infra/nested/image.txt': IMAGE_CHILD,
    });
    expect(reasons).toContain(`unseen-effect ${IMAGE_AT}`);
  });

  it('two parents: one passing another name is enough (each is judged)', () => {
    const reasons = reasonsOf({
      [PARENT]: template({
        Resources: { A: stack('nested/image.txt'), B: stack('nested/image.txt', { Image: '/team/ami' }) },
      }),
      'infra/nested/image.txt': IMAGE_CHILD,
    });
    expect(reasons).toContain(`unseen-effect ${IMAGE_AT}`);
  });

  it('a Parameter Store parameter type passed a public name is low, a private one data-egress', () => {
    const child = template({
      Parameters: { Zones: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/aws/service/x' } },
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: {} } },
    });
    const files = (zones: string) => ({
      [PARENT]: template({ Resources: { C: stack('nested/zones.txt', { Zones: zones }) } }),
      'infra/nested/zones.txt': child,
    });
    expect(reasonsOf(files('/aws/service/global-infrastructure/regions'))).toEqual([]);
    expect(reasonsOf(files('/prod/db/password'))).toEqual([
      'data-egress infra/nested/zones.txt#Parameters.Zones',
    ]);
  });

  it("the run's upload passed on under other names is the run's upload (low); a literal bucket is not", () => {
    const child = template({
      Parameters: { Bucket: { Type: 'String' }, Key: { Type: 'String' } },
      Resources: {
        Layer: {
          Type: 'AWS::Lambda::LayerVersion',
          Properties: { Content: { S3Bucket: { Ref: 'Bucket' }, S3Key: { Ref: 'Key' } } },
        },
      },
    });
    const files = (bucket: unknown) => ({
      [PARENT]: template({
        Parameters: { CodeS3Bucket: { Type: 'String' }, CodeS3Key: { Type: 'String' } },
        Resources: { C: stack('nested/layer.txt', { Bucket: bucket, Key: { Ref: 'CodeS3Key' } }) },
      }),
      'infra/nested/layer.txt': child,
    });
    expect(reasonsOf(files({ Ref: 'CodeS3Bucket' }))).toEqual([]);
    expect(reasonsOf(files('attacker-bucket'))).toEqual([
      'unseen-effect infra/nested/layer.txt#Resources.Layer.Properties.Content',
    ]);
  });
});

describe('nestedParameterBindings', () => {
  const parameters = { P: { Type: 'String', Default: 'd' } };

  it('gives each parameter of a nested template the origins its parents pass', () => {
    const bindings = nestedParameterBindings({
      templates: [
        { path: 'a', template: { Parameters: { Q: { Type: 'String', Default: 'q' } } } },
        { path: 'b', template: { Parameters: parameters } },
      ],
      standalone: new Set(['a']),
      edges: [
        { parent: 'a', where: 'a#Resources.S', target: 'b', parameters: { P: 'literal' } },
        { parent: 'a', where: 'a#Resources.T', target: 'b', parameters: { P: { Ref: 'Q' } } },
        { parent: 'a', where: 'a#Resources.U', target: 'b', parameters: undefined },
      ],
    });
    expect(bindings.has('a')).toBe(false);
    const origins = parameterOrigins({ parameters, bindings: bindings.get('b') }, 'P');
    expect(origins).toEqual([
      { kind: 'passed', value: 'literal' },
      { kind: 'declared', name: 'Q', declaration: { Type: 'String', Default: 'q' } },
      { kind: 'declared', name: 'P', declaration: parameters.P },
    ]);
  });

  it('a template judged on its own as well keeps its declaration among the origins', () => {
    const bindings = nestedParameterBindings({
      templates: [
        { path: 'a', template: {} },
        { path: 'b', template: { Parameters: parameters } },
      ],
      standalone: new Set(['a', 'b']),
      edges: [{ parent: 'a', where: 'a#Resources.S', target: 'b', parameters: { P: 'x' } }],
    });
    expect(parameterOrigins({ parameters, bindings: bindings.get('b') }, 'P')).toEqual([
      { kind: 'declared', name: 'P', declaration: parameters.P },
      { kind: 'passed', value: 'x' },
    ]);
  });

  it('a value passed around a cycle is computed, and the search ends', () => {
    const bindings = nestedParameterBindings({
      templates: [
        { path: 'a', template: { Parameters: parameters } },
        { path: 'b', template: { Parameters: parameters } },
      ],
      standalone: new Set(),
      edges: [
        { parent: 'a', where: 'a#Resources.S', target: 'b', parameters: { P: { Ref: 'P' } } },
        { parent: 'b', where: 'b#Resources.S', target: 'a', parameters: { P: { Ref: 'P' } } },
      ],
    });
    expect(parameterOrigins({ parameters, bindings: bindings.get('a') }, 'P')).toEqual([
      { kind: 'computed', why: 'a value passed around a cycle of nested stacks' },
    ]);
  });

  it('many distinct values passed become one computed origin', () => {
    const edges = Array.from({ length: 100 }, (_, index) => ({
      parent: 'a',
      where: `a#Resources.S${index}`,
      target: 'b',
      parameters: { P: `value-${index}` },
    }));
    const bindings = nestedParameterBindings({
      templates: [
        { path: 'a', template: {} },
        { path: 'b', template: { Parameters: parameters } },
      ],
      standalone: new Set(['a']),
      edges,
    });
    expect(parameterOrigins({ parameters, bindings: bindings.get('b') }, 'P')).toEqual([
      expect.objectContaining({ kind: 'computed' }),
    ]);
  });
});

describe("the deployed template judged with the environment's configured parameters", () => {
  const IMAGE_TOP = JSON.parse(IMAGE_CHILD) as Record<string, unknown>;
  const judge = (stackParameters?: Record<string, string>) =>
    classifyRisk({
      files: [{ path: PARENT, content: JSON.stringify(IMAGE_TOP), role: 'template' }],
      templatePath: PARENT,
      targetEnvironment: 'staging',
      production: false,
      ...(stackParameters === undefined ? {} : { stackParameters }),
    }).reasons.map((reason) => `${reason.code} ${reason.where}`);
  const AT = `${PARENT}#Resources.Box.Properties.LaunchTemplateData.ImageId`;

  it('control: without configured parameters, or with others, the Default holds (low)', () => {
    expect(judge()).toEqual([]);
    expect(judge({ Other: 'x' })).toEqual([]);
    expect(judge({ Image: AL2023 })).toEqual([]);
  });

  it('a configured value replacing the Default is what is judged', () => {
    expect(judge({ Image: '/team/ami' })).toEqual([
      `unseen-effect ${AT}`,
      `data-egress ${PARENT}#Parameters.Image`,
    ]);
  });

  it('a configured CodeS3Key is not the run’s upload (the run then packages nothing)', () => {
    const content = JSON.stringify({
      Parameters: { CodeS3Bucket: { Type: 'String' }, CodeS3Key: { Type: 'String' } },
      Resources: {
        Layer: {
          Type: 'AWS::Lambda::LayerVersion',
          Properties: { Content: { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } } },
        },
      },
    });
    const reasons = (stackParameters: Record<string, string>) =>
      classifyRisk({
        files: [{ path: PARENT, content, role: 'template' }],
        templatePath: PARENT,
        targetEnvironment: 'staging',
        production: false,
        stackParameters,
      }).reasons.map((reason) => reason.where);
    expect(reasons({})).toEqual([]);
    expect(reasons({ CodeS3Key: 'shared/other.zip' })).toEqual([
      `${PARENT}#Resources.Layer.Properties.Content`,
    ]);
  });
});
