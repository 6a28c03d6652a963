import { localResourceLocations, type LocalResourceLocation } from '../cfn/local-resource-locations.js';

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
export type LocalFunctionCode = LocalResourceLocation<'Code' | 'CodeUri'>;

/**
 * The functions of `template` (parsed, long form) at `templatePath` whose code is a local path
 * written as a string: what `aws cloudformation package` zips and uploads. Code already in S3 (an
 * object, an `s3://` URI), inline (`ZipFile`) or from parameters is left out. Pure.
 */
export function localFunctionCode(params: { templatePath: string; template: unknown }): LocalFunctionCode[] {
  return localResourceLocations(params, CODE_PROPERTY);
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
