import { describe, expect, it } from '@jest/globals';
import { localArtifacts } from '../../../src/core/deploy/local-artifacts.js';
import { uploadedLocationValue } from '../../../src/core/deploy/packageable-properties.js';

// Issue #10: the deploy run packages what `aws cloudformation package` packages (AWS CLI Command
// Reference, "cloudformation package"), not only function code: layers, API and state machine
// definitions, AppSync schemas and mapping templates, Elastic Beanstalk source bundles.

const resource = (Type: string, Properties: Record<string, unknown>) => ({ Type, Properties });

describe('localArtifacts', () => {
  it('finds every packageable property naming a local path, with how it is uploaded and written back', () => {
    const template = {
      Resources: {
        Fn: resource('AWS::Lambda::Function', { Code: 'src/' }),
        SamFn: resource('AWS::Serverless::Function', { CodeUri: './handler' }),
        Layer: resource('AWS::Lambda::LayerVersion', { Content: 'layers/shared' }),
        SamLayer: resource('AWS::Serverless::LayerVersion', { ContentUri: 'layers/deps.zip' }),
        Api: resource('AWS::Serverless::Api', { StageName: 'v1', DefinitionUri: 'api/openapi.yaml' }),
        Rest: resource('AWS::ApiGateway::RestApi', { BodyS3Location: 'api/rest.json' }),
        Flow: resource('AWS::StepFunctions::StateMachine', { DefinitionS3Location: 'flows/order.asl.json' }),
        SamFlow: resource('AWS::Serverless::StateMachine', { DefinitionUri: 'flows/refund.asl.json' }),
        Schema: resource('AWS::AppSync::GraphQLSchema', { DefinitionS3Location: 'graphql/schema.graphql' }),
        Resolver: resource('AWS::AppSync::Resolver', {
          RequestMappingTemplateS3Location: 'graphql/request.vtl',
          ResponseMappingTemplateS3Location: 'graphql/response.vtl',
        }),
        Bundle: resource('AWS::ElasticBeanstalk::ApplicationVersion', { SourceBundle: 'app.zip' }),
      },
    };
    const found = localArtifacts({ templatePath: 'services/orders/template.yaml', template });
    expect(
      found.map(({ logicalId, property, path, packaging }) => [
        logicalId,
        property,
        path,
        packaging.file,
        packaging.form,
      ]),
    ).toEqual([
      ['Fn', 'Code', 'services/orders/src', 'zip', 'S3Bucket/S3Key'],
      ['SamFn', 'CodeUri', 'services/orders/handler', 'zip', 'uri'],
      ['Layer', 'Content', 'services/orders/layers/shared', 'zip', 'S3Bucket/S3Key'],
      ['SamLayer', 'ContentUri', 'services/orders/layers/deps.zip', 'zip', 'uri'],
      ['Api', 'DefinitionUri', 'services/orders/api/openapi.yaml', 'as-is', 'uri'],
      ['Rest', 'BodyS3Location', 'services/orders/api/rest.json', 'as-is', 'Bucket/Key'],
      ['Flow', 'DefinitionS3Location', 'services/orders/flows/order.asl.json', 'as-is', 'Bucket/Key'],
      ['SamFlow', 'DefinitionUri', 'services/orders/flows/refund.asl.json', 'as-is', 'Bucket/Key'],
      ['Schema', 'DefinitionS3Location', 'services/orders/graphql/schema.graphql', 'as-is', 'uri'],
      ['Resolver', 'RequestMappingTemplateS3Location', 'services/orders/graphql/request.vtl', 'as-is', 'uri'],
      [
        'Resolver',
        'ResponseMappingTemplateS3Location',
        'services/orders/graphql/response.vtl',
        'as-is',
        'uri',
      ],
      ['Bundle', 'SourceBundle', 'services/orders/app.zip', 'as-is', 'S3Bucket/S3Key'],
    ]);
  });

  it('leaves out what is already in S3, inline, computed or outside the list', () => {
    const template = {
      Resources: {
        InS3: resource('AWS::Lambda::LayerVersion', { Content: { S3Bucket: 'b', S3Key: 'k.zip' } }),
        Uri: resource('AWS::Serverless::LayerVersion', { ContentUri: 's3://b/k.zip' }),
        Inline: resource('AWS::Serverless::StateMachine', { Definition: { StartAt: 'A' } }),
        Computed: resource('AWS::Serverless::Api', { DefinitionUri: { 'Fn::Sub': 's3://${B}/api.yaml' } }),
        Https: resource('AWS::AppSync::GraphQLSchema', {
          DefinitionS3Location: 'https://example.com/s.graphql',
        }),
        GlueInS3: resource('AWS::Glue::Job', { Command: { ScriptLocation: 's3://b/etl.py' } }),
        RepoInS3: resource('AWS::CodeCommit::Repository', { Code: { S3: { Bucket: 'b', Key: 'k.zip' } } }),
        // A nested property under a value that is not a mapping names nothing.
        GlueComputed: resource('AWS::Glue::Job', { Command: { 'Fn::If': ['C', {}, {}] } }),
        Unset: resource('AWS::Serverless::Function', { Handler: 'index.handler' }),
        Other: resource('AWS::S3::Bucket', { ContentUri: 'not/packaged' }),
      },
    };
    expect(localArtifacts({ templatePath: 'template.yaml', template })).toEqual([]);
  });

  // Review #10n: the AWS CLI's entries nested in another property (`Command.ScriptLocation`,
  // `Code.S3`) reached CloudFormation as local paths.
  it('finds the properties nested in another: a Glue job script, a CodeCommit repository content', () => {
    const template = {
      Resources: {
        Glue: resource('AWS::Glue::Job', { Command: { Name: 'glueetl', ScriptLocation: 'jobs/etl.py' } }),
        Repo: resource('AWS::CodeCommit::Repository', {
          RepositoryName: 'shop',
          Code: { S3: 'seed/', BranchName: 'main' },
        }),
      },
    };
    expect(
      localArtifacts({ templatePath: 'infra/template.yaml', template }).map(
        ({ logicalId, property, path, packaging }) => [
          logicalId,
          property,
          path,
          packaging.file,
          packaging.form,
        ],
      ),
    ).toEqual([
      ['Glue', 'Command.ScriptLocation', 'infra/jobs/etl.py', 'as-is', 'uri'],
      ['Repo', 'Code.S3', 'infra/seed', 'zip', 'Bucket/Key'],
    ]);
  });

  it('names a path that leaves the repository, for the packager to refuse', () => {
    const template = {
      Resources: { L: resource('AWS::Serverless::LayerVersion', { ContentUri: '../../x' }) },
    };
    expect(localArtifacts({ templatePath: 'a/template.yaml', template })).toMatchObject([
      { logicalId: 'L', location: '../../x', path: undefined },
    ]);
  });

  it('writes an uploaded location back in the form its property takes', () => {
    const at = { bucket: 'acme', key: 'code/x.zip' };
    expect(uploadedLocationValue('uri', at)).toBe('s3://acme/code/x.zip');
    expect(uploadedLocationValue('S3Bucket/S3Key', at)).toEqual({ S3Bucket: 'acme', S3Key: 'code/x.zip' });
    expect(uploadedLocationValue('Bucket/Key', at)).toEqual({ Bucket: 'acme', Key: 'code/x.zip' });
  });
});
