// The deploy run packages Lambda code inside nested templates, as `aws cloudformation package`
// does: a local `Code`/`CodeUri` is uploaded and replaced by its S3 location before its template is
// hashed and uploaded, and a nested template taking its code's location as the blueprints do
// (`CodeS3Bucket`, `CodeS3Key` without a Default) gets its own folder built and both passed by its
// parent. Without a code bucket, the deploy is refused naming the settings.
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import {
  packageNestedTemplates,
  type NestedTemplateSources,
} from '../../../src/pipeline/deploy-run/package-nested-templates.js';
import type { CodeRequest } from '../../../src/pipeline/deploy-run/upload-repository-code.js';

const ROOT = 'template.yaml';
const BUCKET = 'acme-deployments';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const SERVICE = `Parameters:
  CodeS3Bucket: { Type: String, MinLength: 3 }
  CodeS3Key: { Type: String, MinLength: 1 }
  EnvironmentName: { Type: String, Default: staging }
Resources:
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: handler.handler
      Code: { S3Bucket: !Ref CodeS3Bucket, S3Key: !Ref CodeS3Key }
      Role: arn:aws:iam::123456789012:role/x
`;
const SAM_CHILD = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: ./src # zipped as it is
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      Role: arn:aws:iam::123456789012:role/x
      Code: ../lib/plain.zip
`;
const PARENT = `Resources:
  Orders:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: services/orders/template.yaml
      Parameters:
        EnvironmentName: staging
  Sam:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./stacks/sam.yaml
`;

function fakeSources(files: Record<string, string>, options: { codeBucket?: boolean } = {}) {
  const staged: string[] = [];
  const requests: CodeRequest[] = [];
  const sources: NestedTemplateSources = {
    readFile: async (path) => files[path],
    stage: async (template) => {
      staged.push(template);
      return `https://s3.amazonaws.com/${BUCKET}/acme/shop/templates/${sha256(template)}.yaml`;
    },
    packageCode: async (request) => {
      requests.push(request);
      if (options.codeBucket === false)
        return {
          refusal: `${request.what} and no bucket in ap-southeast-2 is configured for it: set mirrors.deployments_bucket, or environments.staging.code_bucket, in .github/implementation-agent.yml. Nothing was deployed.`,
        };
      return {
        bucket: BUCKET,
        key: `acme/shop/code/${request.build ? 'built' : 'as-is'}/${sha256(request.path)}.zip`,
      };
    },
  };
  return { sources, staged, requests };
}

const parsed = (text: string): unknown => {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.message);
  return result.template;
};
const keyOf = (request: Pick<CodeRequest, 'path' | 'build'>) =>
  `acme/shop/code/${request.build ? 'built' : 'as-is'}/${sha256(request.path)}.zip`;

describe('packageNestedTemplates: Lambda code inside nested templates', () => {
  it("builds a nested blueprint service's folder and passes CodeS3Bucket and CodeS3Key from the parent; zips local Code/CodeUri and uploads the child naming it", async () => {
    const fake = fakeSources({
      'services/orders/template.yaml': SERVICE,
      'stacks/sam.yaml': SAM_CHILD,
    });
    const result = await packageNestedTemplates({
      template: PARENT,
      templatePath: ROOT,
      sources: fake.sources,
      log: () => undefined,
    });
    if (!('template' in result)) throw new Error(result.refusal);
    expect(fake.requests.map(({ path, build }) => ({ path, build }))).toEqual([
      { path: 'services/orders', build: true },
      { path: 'stacks/src', build: false },
      { path: 'lib/plain.zip', build: false },
    ]);
    // The SAM child was uploaded naming its uploaded code (so its hash follows the code).
    const samUploaded = fake.staged.find((text) => text.includes('Transform'));
    expect(parsed(samUploaded ?? '')).toMatchObject({
      Resources: {
        Fn: { Properties: { CodeUri: `s3://${BUCKET}/${keyOf({ path: 'stacks/src', build: false })}` } },
        Plain: {
          Properties: { Code: { S3Bucket: BUCKET, S3Key: keyOf({ path: 'lib/plain.zip', build: false }) } },
        },
      },
    });
    expect(samUploaded).toContain('# zipped as it is');
    // The blueprint child is uploaded as it is; its parent passes the code it was built into.
    expect(fake.staged).toContain(SERVICE);
    expect(parsed(result.template)).toEqual({
      Resources: {
        Orders: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: {
            TemplateURL: `https://s3.amazonaws.com/${BUCKET}/acme/shop/templates/${sha256(SERVICE)}.yaml`,
            Parameters: {
              EnvironmentName: 'staging',
              CodeS3Bucket: BUCKET,
              CodeS3Key: keyOf({ path: 'services/orders', build: true }),
            },
          },
        },
        Sam: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: {
            TemplateURL: `https://s3.amazonaws.com/${BUCKET}/acme/shop/templates/${sha256(samUploaded ?? '')}.yaml`,
          },
        },
      },
    });
  });

  it('adds Parameters to a nested stack that passes none, and builds nothing when the parent passes the code', async () => {
    const bare = `Resources:\n  Orders:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: services/orders/template.yaml\n`;
    const fake = fakeSources({ 'services/orders/template.yaml': SERVICE });
    const result = await packageNestedTemplates({
      template: bare,
      templatePath: ROOT,
      sources: fake.sources,
      log: () => undefined,
    });
    if (!('template' in result)) throw new Error(result.refusal);
    expect(parsed(result.template)).toMatchObject({
      Resources: {
        Orders: {
          Properties: {
            Parameters: { CodeS3Bucket: BUCKET, CodeS3Key: keyOf({ path: 'services/orders', build: true }) },
          },
        },
      },
    });

    const passing = `Parameters:\n  CodeS3Bucket: { Type: String }\n  CodeS3Key: { Type: String }\nResources:\n  Orders:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: services/orders/template.yaml\n      Parameters:\n        CodeS3Bucket: !Ref CodeS3Bucket\n        CodeS3Key: !Ref CodeS3Key\n`;
    const again = fakeSources({ 'services/orders/template.yaml': SERVICE });
    const passed = await packageNestedTemplates({
      template: passing,
      templatePath: ROOT,
      sources: again.sources,
      log: () => undefined,
    });
    expect(again.requests).toEqual([]);
    expect('template' in passed && parsed(passed.template)).toMatchObject({
      Resources: { Orders: { Properties: { Parameters: { CodeS3Key: { Ref: 'CodeS3Key' } } } } },
    });
  });

  it('packages local code of the top-level template too, even without nested stacks', async () => {
    const fake = fakeSources({});
    const result = await packageNestedTemplates({
      template: `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: handler/\n`,
      templatePath: 'services/api/template.yaml',
      sources: fake.sources,
      log: () => undefined,
    });
    expect(fake.requests).toMatchObject([
      { path: 'services/api/handler', build: false, templatePath: 'services/api/template.yaml' },
    ]);
    expect('template' in result && parsed(result.template)).toEqual({
      Resources: {
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: { CodeUri: `s3://${BUCKET}/${keyOf({ path: 'services/api/handler', build: false })}` },
        },
      },
    });
  });

  it('refuses, uploading no template, without a code bucket, without a code packager, or for code outside the repository', async () => {
    const noBucket = fakeSources({ 'services/orders/template.yaml': SERVICE }, { codeBucket: false });
    const refused = await packageNestedTemplates({
      template: PARENT,
      templatePath: ROOT,
      sources: noBucket.sources,
      log: () => undefined,
    });
    expect(refused).toEqual({
      refusal:
        '`services/orders/template.yaml` (nested as Orders) takes its Lambda code from S3 (CodeS3Bucket, CodeS3Key) and no bucket in ap-southeast-2 is configured for it: set mirrors.deployments_bucket, or environments.staging.code_bucket, in .github/implementation-agent.yml. Nothing was deployed.',
    });
    expect(noBucket.staged).toEqual([SERVICE]);

    const none = fakeSources({ 'stacks/sam.yaml': SAM_CHILD });
    const withoutPackager = await packageNestedTemplates({
      template: `Resources:\n  Sam:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./stacks/sam.yaml\n`,
      templatePath: ROOT,
      sources: { ...none.sources, packageCode: undefined },
      log: () => undefined,
    });
    expect(withoutPackager).toEqual({
      refusal:
        '`stacks/sam.yaml` has Lambda code in files of the repository (`./src`), and this run cannot package code. Nothing was deployed.',
    });
    expect(none.staged).toEqual([]);

    const outside = await packageNestedTemplates({
      template: `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: ../../elsewhere\n`,
      templatePath: 'a/template.yaml',
      sources: fakeSources({}).sources,
      log: () => undefined,
    });
    expect(outside).toEqual({
      refusal:
        'Fn in `a/template.yaml` takes its code from `../../elsewhere`, which is outside the repository. Nothing was deployed.',
    });
  });
});
