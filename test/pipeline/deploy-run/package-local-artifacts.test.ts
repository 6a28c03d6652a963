// Issue #10: SAM layers (and the other local artifacts `aws cloudformation package` uploads) were
// not packaged: a template whose `AWS::Serverless::LayerVersion` `ContentUri` or
// `AWS::Lambda::LayerVersion` `Content` named a folder of the repository reached CloudFormation with
// that path. The deploy run now uploads each one and writes its S3 location back in the form its
// property takes, in the top-level template and in nested ones alike.
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import {
  packageNestedTemplates,
  type NestedTemplateSources,
} from '../../../src/pipeline/deploy-run/package-nested-templates.js';
import type { CodeRequest } from '../../../src/pipeline/deploy-run/upload-repository-code.js';

const BUCKET = 'acme-deployments';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const keyOf = (path: string) => `acme/shop/code/${sha256(path)}`;

const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/deps/ # the shared node_modules
      CompatibleRuntimes: [nodejs22.x]
  Shared:
    Type: AWS::Lambda::LayerVersion
    Properties:
      Content: layers/shared.zip
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: src/
      Layers: [!Ref Deps, !Ref Shared]
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      DefinitionUri: api/openapi.yaml
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: flows/order.asl.json
  Resolver:
    Type: AWS::AppSync::Resolver
    Properties:
      ApiId: !GetAtt GraphApi.ApiId
      TypeName: Query
      FieldName: order
      RequestMappingTemplateS3Location: graphql/request.vtl
      ResponseMappingTemplateS3Location: graphql/response.vtl
`;

function fakeSources(files: Record<string, string> = {}) {
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
      return { bucket: BUCKET, key: keyOf(request.path) };
    },
  };
  return { sources, staged, requests };
}

const parsed = (text: string): unknown => {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.message);
  return result.template;
};

describe('packageNestedTemplates: layers and the other local artifacts', () => {
  it('uploads layer content, definitions and mapping templates, and writes each location back as its property takes it', async () => {
    const fake = fakeSources();
    const result = await packageNestedTemplates({
      template: SAM,
      templatePath: 'template.yaml',
      sources: fake.sources,
      log: () => undefined,
    });
    if (!('template' in result)) throw new Error(result.refusal);

    expect(fake.requests.map(({ path, build, file }) => ({ path, build, file }))).toEqual([
      { path: 'layers/deps', build: false, file: 'zip' },
      { path: 'layers/shared.zip', build: false, file: 'zip' },
      { path: 'src', build: false, file: 'zip' },
      { path: 'api/openapi.yaml', build: false, file: 'as-is' },
      { path: 'flows/order.asl.json', build: false, file: 'as-is' },
      { path: 'graphql/request.vtl', build: false, file: 'as-is' },
      { path: 'graphql/response.vtl', build: false, file: 'as-is' },
    ]);
    expect(parsed(result.template)).toMatchObject({
      Resources: {
        Deps: { Properties: { ContentUri: `s3://${BUCKET}/${keyOf('layers/deps')}` } },
        Shared: { Properties: { Content: { S3Bucket: BUCKET, S3Key: keyOf('layers/shared.zip') } } },
        Fn: {
          Properties: {
            CodeUri: `s3://${BUCKET}/${keyOf('src')}`,
            Layers: [{ Ref: 'Deps' }, { Ref: 'Shared' }],
          },
        },
        Api: {
          Properties: { StageName: 'v1', DefinitionUri: `s3://${BUCKET}/${keyOf('api/openapi.yaml')}` },
        },
        Flow: { Properties: { DefinitionUri: { Bucket: BUCKET, Key: keyOf('flows/order.asl.json') } } },
        Resolver: {
          Properties: {
            RequestMappingTemplateS3Location: `s3://${BUCKET}/${keyOf('graphql/request.vtl')}`,
            ResponseMappingTemplateS3Location: `s3://${BUCKET}/${keyOf('graphql/response.vtl')}`,
          },
        },
      },
    });
    // The YAML keeps its comments and short-form tags elsewhere.
    expect(result.template).toContain('Layers: [!Ref Deps, !Ref Shared]');
    expect(result.template).toContain('ApiId: !GetAtt GraphApi.ApiId');
  });

  // Review #10n: `Command.ScriptLocation` and `Code.S3` sit inside another property; only the
  // nested value is replaced, its siblings and the rest of the YAML stay.
  it('uploads a Glue job script and a CodeCommit repository content and writes the nested locations back', async () => {
    const fake = fakeSources();
    const template = `Resources:
  Etl:
    Type: AWS::Glue::Job
    Properties:
      Role: !Ref GlueRole # the job's role
      Command:
        Name: glueetl
        ScriptLocation: jobs/etl.py
  Repo:
    Type: AWS::CodeCommit::Repository
    Properties:
      RepositoryName: shop
      Code:
        BranchName: main
        S3: seed/
`;
    const result = await packageNestedTemplates({
      template,
      templatePath: 'template.yaml',
      sources: fake.sources,
      log: () => undefined,
    });
    if (!('template' in result)) throw new Error(result.refusal);

    expect(fake.requests.map(({ path, build, file }) => ({ path, build, file }))).toEqual([
      { path: 'jobs/etl.py', build: false, file: 'as-is' },
      { path: 'seed', build: false, file: 'zip' },
    ]);
    expect(parsed(result.template)).toEqual({
      Resources: {
        Etl: {
          Type: 'AWS::Glue::Job',
          Properties: {
            Role: { Ref: 'GlueRole' },
            Command: { Name: 'glueetl', ScriptLocation: `s3://${BUCKET}/${keyOf('jobs/etl.py')}` },
          },
        },
        Repo: {
          Type: 'AWS::CodeCommit::Repository',
          Properties: {
            RepositoryName: 'shop',
            Code: { BranchName: 'main', S3: { Bucket: BUCKET, Key: keyOf('seed') } },
          },
        },
      },
    });
    expect(result.template).toContain("Role: !Ref GlueRole # the job's role");
  });

  // Review #10n: an `AWS::Include` transform's local `Location` is uploaded as it is and written
  // back as an `s3://` URI (AWS CLI `include_transform_export_handler`).
  it('uploads the file an AWS::Include names and writes its s3:// URI back', async () => {
    const fake = fakeSources();
    const template = `Resources:
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: snippets/queues.yaml # shared queues
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Code: src/
`;
    const result = await packageNestedTemplates({
      template,
      templatePath: 'infra/template.yaml',
      sources: fake.sources,
      log: () => undefined,
    });
    if (!('template' in result)) throw new Error(result.refusal);
    expect(fake.requests.map(({ path, file, fileOnly }) => ({ path, file, fileOnly }))).toEqual([
      { path: 'infra/src', file: 'zip', fileOnly: undefined },
      // Review 14b: a folder here is refused by the upload, as the AWS CLI refuses it.
      { path: 'infra/snippets/queues.yaml', file: 'as-is', fileOnly: true },
    ]);
    expect(parsed(result.template)).toEqual({
      Resources: {
        'Fn::Transform': {
          Name: 'AWS::Include',
          Parameters: { Location: `s3://${BUCKET}/${keyOf('infra/snippets/queues.yaml')}` },
        },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: { Code: { S3Bucket: BUCKET, S3Key: keyOf('infra/src') } },
        },
      },
    });
    expect(result.template).toContain('# shared queues');
  });

  it('refuses an AWS::Include whose location leaves the repository, uploading nothing', async () => {
    const fake = fakeSources();
    const template = `Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters:\n      Location: ../../etc/snippet.yaml\n`;
    const result = await packageNestedTemplates({
      template,
      templatePath: 'template.yaml',
      sources: fake.sources,
      log: () => undefined,
    });
    expect(result).toMatchObject({ refusal: expect.stringContaining('outside the repository') });
    expect(fake.requests).toEqual([]);
  });

  it('packages a layer inside a nested template before uploading it, so the upload names the layer in S3', async () => {
    const fake = fakeSources({ 'stacks/sam.yaml': SAM });
    const parent = `Resources:\n  Sam:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: stacks/sam.yaml\n`;
    const result = await packageNestedTemplates({
      template: parent,
      templatePath: 'template.yaml',
      sources: fake.sources,
      log: () => undefined,
    });
    if (!('template' in result)) throw new Error(result.refusal);
    expect(fake.requests.map((request) => request.path)).toContain('stacks/layers/deps');
    expect(parsed(fake.staged[0] ?? '')).toMatchObject({
      Resources: { Deps: { Properties: { ContentUri: `s3://${BUCKET}/${keyOf('stacks/layers/deps')}` } } },
    });
  });

  it('refuses a layer outside the repository, and one this run cannot package, saying it is layer content', async () => {
    const outside = await packageNestedTemplates({
      template: `Resources:\n  L:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: ../../elsewhere\n`,
      templatePath: 'a/template.yaml',
      sources: fakeSources().sources,
      log: () => undefined,
    });
    expect(outside).toEqual({
      refusal:
        'L in `a/template.yaml` takes its layer content from `../../elsewhere`, which is outside the repository. Nothing was deployed.',
    });

    const cannot = await packageNestedTemplates({
      template: `Resources:\n  L:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: layers/x\n`,
      templatePath: 'template.yaml',
      sources: { ...fakeSources().sources, packageCode: undefined },
      log: () => undefined,
    });
    expect(cannot).toEqual({
      refusal:
        '`template.yaml` has Lambda layer content in files of the repository (`layers/x`), and this run cannot package code. Nothing was deployed.',
    });
  });
});
