// Attacker pass 9m (test-only) on judging a changed nested template with what its parents pass
// (src/core/risk/base-nested-parents.ts, classify-risk.ts): a changed template that no template of
// the change nests is judged with what its parent on the base passes. Attacked: the same change
// also adds a decoy parent that nests the template with a harmless value, so the template counts as
// nested on the head, and the deployed parent on the base, which the change leaves as it is and
// which passes another account's image, is no longer read. Refused: the base parents are read
// whenever the change has a template nobody nests (the decoy), and every parent's values count.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';

const PARENT = 'infra/template.json';
const CHILD = 'infra/nested/image.json';
const DECOY = 'infra/examples/sandbox.json';
const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const template = (body: Record<string, unknown>) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...body });
const stack = (url: string, parameters?: unknown) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: url, ...(parameters === undefined ? {} : { Parameters: parameters }) },
});
// Boots the image its SSM-typed parameter names; the Default is Amazon Linux (low on its own).
const IMAGE_CHILD = template({
  Parameters: { Image: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: AL2023 } },
  Resources: {
    Box: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: { LaunchTemplateData: { ImageId: { Ref: 'Image' }, InstanceType: 't3.micro' } },
    },
  },
});
// The deployed parent as reviewed: it passes the child another account's image.
const BASE: ReviewedBaseFile[] = [
  {
    path: PARENT,
    content: template({ Resources: { C: stack('nested/image.json', { Image: '/someone/else/image' }) } }),
  },
];
const levelOf = (files: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    templatePath: PARENT,
    targetEnvironment: 'staging',
    production: false,
    base: BASE,
  }).level;

describe('attacker 9m: a decoy parent in the change', () => {
  it("refused: the changed child alone is judged with the base parent's value (high)", () => {
    expect(levelOf({ [CHILD]: IMAGE_CHILD })).toBe('high');
  });

  it("refused: a decoy parent of the change nesting the child with Amazon Linux does not hide the deployed base parent's other-account image", () => {
    expect(
      levelOf({
        [CHILD]: IMAGE_CHILD,
        [DECOY]: template({ Resources: { C: stack('../nested/image.json', { Image: AL2023 }) } }),
      }),
    ).toBe('high');
  });

  it('refused: a decoy cycle (the child nests the decoy under a condition that never holds) is high', () => {
    const child = JSON.parse(IMAGE_CHILD) as Record<string, Record<string, unknown>>;
    const looped = JSON.stringify({
      ...child,
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: {
        ...child['Resources'],
        Loop: { ...stack('../examples/sandbox.json', {}), Condition: 'Never' },
      },
    });
    expect(
      levelOf({
        [CHILD]: looped,
        [DECOY]: template({ Resources: { C: stack('../nested/image.json', { Image: AL2023 }) } }),
      }),
    ).toBe('high');
  });
});
