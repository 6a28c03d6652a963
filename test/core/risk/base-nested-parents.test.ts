// A changed nested template whose parent is only on the base branch (the change leaves the parent as
// it is) is judged with what that parent passes, read at the base, and with unknown parameters when
// no parent can be found, never with its Defaults alone.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';

const PARENT = 'infra/template.json';
const CHILD = 'infra/nested/image.json';
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

/** The change holds only the child; the parent is on the base (or not). */
const reasonsOf = (base: readonly ReviewedBaseFile[] | undefined) =>
  classifyRisk({
    files: [{ path: CHILD, content: IMAGE_CHILD, role: 'config' }],
    templatePath: PARENT,
    targetEnvironment: 'staging',
    production: false,
    ...(base === undefined ? {} : { base }),
  }).reasons.map((reason) => `${reason.code} ${reason.where}`);

describe('a changed nested template whose parent is only on the base', () => {
  it('is judged with what the base parent passes: another account’s image is high', () => {
    const reasons = reasonsOf([
      {
        path: PARENT,
        content: template({ Resources: { C: stack('nested/image.json', { Image: '/someone/else/image' }) } }),
      },
    ]);
    expect(
      reasons.some((reason) => reason.startsWith(`machine-image ${CHILD}`) || reason.includes(CHILD)),
    ).toBe(true);
  });

  it('is low when the base parent passes an Amazon Linux path, through a middle template of the base too', () => {
    expect(
      reasonsOf([
        {
          path: PARENT,
          content: template({ Resources: { C: stack('nested/image.json', { Image: AL2023 }) } }),
        },
      ]),
    ).toEqual([]);
    expect(
      reasonsOf([
        {
          path: PARENT,
          content: template({ Resources: { M: stack('nested/middle.json', { Image: AL2023 }) } }),
        },
        {
          path: 'infra/nested/middle.json',
          content: template({
            Parameters: { Image: { Type: 'String' } },
            Resources: { C: stack('image.json', { Image: { Ref: 'Image' } }) },
          }),
        },
      ]),
    ).toEqual([]);
  });

  it('has unknown parameters (high) when no parent is found: no base, a base parent nesting something else, or an unreadable base', () => {
    const unknown = (reasons: string[]) => reasons.some((reason) => reason.includes(CHILD));
    expect(unknown(reasonsOf(undefined))).toBe(true);
    expect(
      unknown(
        reasonsOf([{ path: PARENT, content: template({ Resources: { C: stack('nested/other.json') } }) }]),
      ),
    ).toBe(true);
    expect(unknown(reasonsOf([{ path: PARENT, unreadable: 'GitHub answered 502' }]))).toBe(true);
  });

  it('keeps the deployed template and a child its changed parent nests judged as before', () => {
    expect(
      classifyRisk({
        files: [
          {
            path: PARENT,
            content: template({ Resources: { C: stack('nested/image.json') } }),
            role: 'template',
          },
          { path: CHILD, content: IMAGE_CHILD, role: 'config' },
        ],
        templatePath: PARENT,
        targetEnvironment: 'staging',
        production: false,
      }).reasons,
    ).toEqual([]);
  });
});
