import { isPlainObject } from '../cfn/is-plain-object.js';
import { isLocalTemplateLocation, repositoryPathOf } from '../cfn/nested-template-location.js';

/**
 * Where each function type takes a local code path that `aws cloudformation package` uploads (AWS
 * CLI Command Reference, "cloudformation package": `Code` of `AWS::Lambda::Function`, `CodeUri` of
 * `AWS::Serverless::Function`), and how the uploaded location is written back: `Code` becomes
 * `{ S3Bucket, S3Key }`, `CodeUri` an `s3://bucket/key` URI.
 */
const CODE_PROPERTY: ReadonlyMap<string, 'Code' | 'CodeUri'> = new Map([
  ['AWS::Lambda::Function', 'Code'],
  ['AWS::Serverless::Function', 'CodeUri'],
]);

/** A function of a template whose code is a local path (a folder zipped as it is, or a zip file). */
export interface LocalFunctionCode {
  readonly logicalId: string;
  readonly property: 'Code' | 'CodeUri';
  /** The path as the template writes it. */
  readonly location: string;
  /** The repository path it names (`repositoryPathOf`); undefined when it leaves the repository. */
  readonly path: string | undefined;
}

/**
 * The functions of `template` (parsed, long form) at `templatePath` whose code is a local path
 * written as a string: what `aws cloudformation package` zips and uploads. Code already in S3 (an
 * object, an `s3://` URI), inline (`ZipFile`) or from parameters is left out. Pure.
 */
export function localFunctionCode(params: { templatePath: string; template: unknown }): LocalFunctionCode[] {
  const { template } = params;
  const resources =
    isPlainObject(template) && isPlainObject(template['Resources']) ? template['Resources'] : {};
  const found: LocalFunctionCode[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || typeof resource['Type'] !== 'string') continue;
    const property = CODE_PROPERTY.get(resource['Type']);
    const properties = resource['Properties'];
    if (property === undefined || !isPlainObject(properties)) continue;
    const location = properties[property];
    if (!isLocalTemplateLocation(location)) continue;
    found.push({ logicalId, property, location, path: repositoryPathOf(params.templatePath, location) });
  }
  return found;
}

/** The value a function's code property takes once its code is at `s3://bucket/key`. */
export function uploadedCodeValue(
  property: 'Code' | 'CodeUri',
  location: { readonly bucket: string; readonly key: string },
): unknown {
  return property === 'Code'
    ? { S3Bucket: location.bucket, S3Key: location.key }
    : `s3://${location.bucket}/${location.key}`;
}
