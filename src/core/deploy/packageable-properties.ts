/**
 * How an uploaded artifact's location is written back into its property, as `aws cloudformation
 * package` writes it: an `s3://bucket/key` URI, or a mapping naming the bucket and key with the
 * property's own field names.
 */
export type UploadedLocationForm = 'uri' | 'S3Bucket/S3Key' | 'Bucket/Key';

/** One resource property that may name a local path the deploy run uploads. */
export interface PackageableProperty {
  readonly property: string;
  readonly form: UploadedLocationForm;
  /**
   * How a file (not a folder) is uploaded: `zip` for what Lambda reads only as a .zip archive
   * (function code, layer content), so a file that is not one is zipped alone; `as-is` for a
   * document read as it is (an OpenAPI or state machine definition, a schema, a mapping template).
   * A folder is always zipped.
   */
  readonly file: 'zip' | 'as-is';
  /** What the path holds, for messages: "takes its code from …". */
  readonly noun: string;
  /** What the template has in files of the repository, for messages: "has Lambda code …". */
  readonly holds: string;
}

const code = (property: string, form: UploadedLocationForm): PackageableProperty => ({
  property,
  form,
  file: 'zip',
  noun: 'code',
  holds: 'Lambda code',
});
const layer = (property: string, form: UploadedLocationForm): PackageableProperty => ({
  property,
  form,
  file: 'zip',
  noun: 'layer content',
  holds: 'Lambda layer content',
});
const documentAt = (property: string, form: UploadedLocationForm, noun: string): PackageableProperty => ({
  property,
  form,
  file: 'as-is',
  noun,
  holds: `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`,
});

/**
 * The resource properties whose local paths the deploy run uploads and rewrites, from the list
 * `aws cloudformation package` packages (AWS CLI Command Reference, "cloudformation package": "This
 * command can upload local artifacts referenced in the following places"), each written back in the
 * form the AWS CLI writes it (its `artifact_exporter`: `Code`, `Content`, `BodyS3Location`,
 * `SourceBundle`, `DefinitionS3Location` of a state machine and `DefinitionUri` of a SAM state
 * machine and `Code.S3` of a CodeCommit repository as a mapping; the others as an `s3://` URI). A
 * property nested in another is named by its dotted path (`Command.ScriptLocation` of
 * `AWS::Glue::Job`, `Code.S3` of `AWS::CodeCommit::Repository`), as the AWS CLI names it. Not
 * here: the `AWS::Include` transform's `Location`, which is no resource property (`localIncludes`),
 * and nested stack templates (`localNestedTemplates`). A property left
 * unset is not packaged (the AWS CLI would upload the template's folder for some types).
 */
export const PACKAGEABLE_PROPERTIES: ReadonlyMap<string, readonly PackageableProperty[]> = new Map([
  ['AWS::Lambda::Function', [code('Code', 'S3Bucket/S3Key')]],
  ['AWS::Serverless::Function', [code('CodeUri', 'uri')]],
  ['AWS::Lambda::LayerVersion', [layer('Content', 'S3Bucket/S3Key')]],
  ['AWS::Serverless::LayerVersion', [layer('ContentUri', 'uri')]],
  ['AWS::Serverless::Api', [documentAt('DefinitionUri', 'uri', 'API definition')]],
  ['AWS::ApiGateway::RestApi', [documentAt('BodyS3Location', 'Bucket/Key', 'API definition')]],
  [
    'AWS::StepFunctions::StateMachine',
    [documentAt('DefinitionS3Location', 'Bucket/Key', 'state machine definition')],
  ],
  ['AWS::Serverless::StateMachine', [documentAt('DefinitionUri', 'Bucket/Key', 'state machine definition')]],
  ['AWS::AppSync::GraphQLSchema', [documentAt('DefinitionS3Location', 'uri', 'GraphQL schema')]],
  [
    'AWS::AppSync::Resolver',
    [
      documentAt('RequestMappingTemplateS3Location', 'uri', 'mapping template'),
      documentAt('ResponseMappingTemplateS3Location', 'uri', 'mapping template'),
    ],
  ],
  [
    'AWS::AppSync::FunctionConfiguration',
    [
      documentAt('RequestMappingTemplateS3Location', 'uri', 'mapping template'),
      documentAt('ResponseMappingTemplateS3Location', 'uri', 'mapping template'),
    ],
  ],
  [
    'AWS::ElasticBeanstalk::ApplicationVersion',
    [documentAt('SourceBundle', 'S3Bucket/S3Key', 'source bundle')],
  ],
  ['AWS::Glue::Job', [documentAt('Command.ScriptLocation', 'uri', 'Glue job script')]],
  [
    'AWS::CodeCommit::Repository',
    // The AWS CLI zips a file that is not a .zip archive (`FORCE_ZIP`): CodeCommit reads a .zip.
    [
      {
        property: 'Code.S3',
        form: 'Bucket/Key',
        file: 'zip',
        noun: 'repository content',
        holds: 'CodeCommit repository content',
      },
    ],
  ],
]);

/** The value a packageable property takes once its artifact is at `s3://bucket/key`. */
export function uploadedLocationValue(
  form: UploadedLocationForm,
  location: { readonly bucket: string; readonly key: string },
): unknown {
  switch (form) {
    case 'uri':
      return `s3://${location.bucket}/${location.key}`;
    case 'S3Bucket/S3Key':
      return { S3Bucket: location.bucket, S3Key: location.key };
    case 'Bucket/Key':
      return { Bucket: location.bucket, Key: location.key };
  }
}
