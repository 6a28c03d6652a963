// Review 9i: an EC2 instance or launch template boots an image; one AWS does not build (a literal
// AMI id, another vendor's public parameter, a mapping, a parameter chosen at deploy time) runs code
// this change does not hold, like a Lambda image from another registry.
import { describe, expect, it } from '@jest/globals';
import { machineImageRisks } from '../../../src/core/risk/machine-image-risks.js';

const where = 'infra/template.json#Resources.I';
const instance = (ImageId: unknown, parameters: Record<string, unknown> = {}) =>
  machineImageRisks({
    logicalId: 'I',
    type: 'AWS::EC2::Instance',
    properties: { ImageId, InstanceType: 't3.micro' },
    where,
    context: { parameters },
  });
const launchTemplate = (ImageId: unknown) =>
  machineImageRisks({
    logicalId: 'L',
    type: 'AWS::EC2::LaunchTemplate',
    properties: { LaunchTemplateData: { ImageId } },
    where,
    context: { parameters: {} },
  });

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

describe('machineImageRisks', () => {
  it.each([
    ['a literal AMI id', 'ami-0123456789abcdef0'],
    ['a marketplace public parameter', '{{resolve:ssm:/aws/service/marketplace/prod-abc/latest}}'],
    [
      'a Canonical public parameter',
      '{{resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id}}',
    ],
    ['a parameter of someone else', '{{resolve:ssm:/team/golden-ami}}'],
    ['a path climbing out', `{{resolve:ssm:/aws/service/ami-amazon-linux-latest/../../../team/x}}`],
    ['a mapping', { 'Fn::FindInMap': ['Images', { Ref: 'AWS::Region' }, 'Id'] }],
    ['a condition', { 'Fn::If': ['C', `{{resolve:ssm:${AL2023}}}`, 'ami-0123456789abcdef0'] }],
  ])('an instance booting %s is unseen-effect at ImageId', (_name, image) => {
    expect(instance(image)).toEqual([
      expect.objectContaining({ code: 'unseen-effect', where: `${where}.Properties.ImageId` }),
    ]);
  });

  it('a launch template booting a literal AMI id is unseen-effect at LaunchTemplateData.ImageId', () => {
    expect(launchTemplate('ami-0123456789abcdef0')).toEqual([
      expect.objectContaining({ where: `${where}.Properties.LaunchTemplateData.ImageId` }),
    ]);
  });

  it.each([
    ['a dynamic reference to Amazon Linux', `{{resolve:ssm:${AL2023}}}`],
    [
      'an ECS-optimized image',
      '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id}}',
    ],
    ['a Bottlerocket image', '{{resolve:ssm:/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id}}'],
  ])('%s stays low', (_name, image) => {
    expect(instance(image)).toEqual([]);
  });

  // The dynamic reference is read with the one syntax every reader shares (dynamic-reference-syntax.ts).
  it.each([
    ['in capitals', `{{RESOLVE:SSM:${AL2023}}}`],
    ['with spaces around its parts', `{{ resolve : ssm : ${AL2023} }}`],
  ])('a reference to an AWS image spelt %s stays low, as every reader reads it', (_name, image) => {
    expect(instance(image)).toEqual([]);
  });

  it.each([
    ['a secure string', `{{resolve:ssm-secure:${AL2023}}}`],
    ['a version (as review 9j decided)', `{{ Resolve:ssm:${AL2023}:3}}`],
    ['text after the braces', `{{resolve:ssm:${AL2023}}}x`],
    ['a second reference after it', `{{resolve:ssm:${AL2023}}}{{resolve:ssm:/team/golden-ami}}`],
    ['an oddly spelt second reference', `{{ RESOLVE:ssm:${AL2023}}}{{resolve:ssm:/team/x}}`],
  ])('a reference with %s is not an AWS image', (_name, image) => {
    expect(instance(image)).toHaveLength(1);
  });

  it("a launch template's resolve:ssm: form of an AWS image stays low", () => {
    expect(launchTemplate(`resolve:ssm:${AL2023}`)).toEqual([]);
  });

  it('a parameter typed as a Parameter Store image stays low only when every value it may take is an AWS image', () => {
    const typed = (extra: Record<string, unknown>) => ({
      Image: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: AL2023, ...extra },
    });
    expect(instance({ Ref: 'Image' }, typed({}))).toEqual([]);
    expect(instance({ Ref: 'Image' }, typed({ AllowedValues: [AL2023, '/team/golden-ami'] }))).toHaveLength(
      1,
    );
    expect(
      instance({ Ref: 'Image' }, { Image: { Type: 'AWS::EC2::Image::Id', Default: 'ami-0123' } }),
    ).toHaveLength(1);
    expect(
      instance({ Ref: 'Image' }, { Image: { Type: 'AWS::SSM::Parameter::Value<String>' } }),
    ).toHaveLength(1);
  });

  it('another type, or no ImageId, is not judged here', () => {
    expect(
      machineImageRisks({
        logicalId: 'Q',
        type: 'AWS::SQS::Queue',
        properties: { ImageId: 'ami-1' },
        where,
        context: { parameters: {} },
      }),
    ).toEqual([]);
    expect(launchTemplate(undefined)).toEqual([]);
  });
});
