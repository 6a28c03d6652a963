import { isPlainObject } from '../cfn/is-plain-object.js';
import { CODE_BUCKET_PARAMETER, CODE_KEY_PARAMETER } from '../deploy/code-package-plan.js';
import { parameterOrigins } from './parameter-origins.js';
import { isThisAccount, readTemplateValue, type TemplateValueContext } from './read-template-value.js';
import type { RiskReason } from './risk-assessment.js';
import type { ResourceRiskInput } from './resource-risk-input.js';

/**
 * Where each type takes the code it runs (AWS CloudFormation Template Reference, "AWS::Lambda::Function
 * Code", "AWS::Lambda::LayerVersion Content"; AWS SAM Developer Guide, "AWS::Serverless::Function"
 * `CodeUri`/`ImageUri`, "AWS::Serverless::LayerVersion" `ContentUri`): an S3 object as a mapping
 * (`bucket`/`key` its property names), a SAM URI (`s3://bucket/key`, or a local path SAM packages
 * from the repository), or a container image.
 */
const CODE_SOURCES: ReadonlyMap<string, readonly CodeSource[]> = new Map([
  [
    'AWS::Lambda::Function',
    [
      { property: 'Code', form: 'object', bucket: 'S3Bucket', key: 'S3Key' },
      { property: 'Code', form: 'image', image: 'ImageUri' },
    ],
  ],
  ['AWS::Lambda::LayerVersion', [{ property: 'Content', form: 'object', bucket: 'S3Bucket', key: 'S3Key' }]],
  [
    'AWS::Serverless::Function',
    [
      { property: 'CodeUri', form: 'uri', bucket: 'Bucket', key: 'Key' },
      { property: 'ImageUri', form: 'image' },
    ],
  ],
  ['AWS::Serverless::LayerVersion', [{ property: 'ContentUri', form: 'uri', bucket: 'Bucket', key: 'Key' }]],
]);

type CodeSource =
  | {
      readonly property: string;
      readonly form: 'object' | 'uri';
      readonly bucket: string;
      readonly key: string;
    }
  /** `image` names the key below `property` holding the image URI; absent when `property` is the URI. */
  | { readonly property: string; readonly form: 'image'; readonly image?: string };

/** The one SAM URI the deploy run's own upload makes (`s3://<bucket>/<key>` from its parameters). */
const OWN_URI = `s3://\${${CODE_BUCKET_PARAMETER}}/\${${CODE_KEY_PARAMETER}}`;

/**
 * `unseen-effect` for function or layer code this change does not hold: an S3 object other than the
 * one the deploy run builds from the change and uploads (`Ref: CodeS3Bucket` and `Ref: CodeS3Key`,
 * with `CodeS3Key` declared without a `Default`, so the run packages and passes both:
 * `planCodePackage`; in a nested template, parameters its parents pass those on: `isOwnUpload`) — another bucket, a literal key (in the shared deployments bucket, another
 * repository's code), a parameter set at deploy time — and a container image in a registry not
 * written as `${AWS::AccountId}` (another account chooses it and may replace it under the same tag;
 * AWS Lambda Developer Guide, "Cross-account permissions" for container images). Inline code
 * (`ZipFile`, `InlineCode`) and a SAM local path are in the change. Every `Fn::If` branch is judged.
 * `where` is `<file>#Resources.<Id>.Properties.<property>` (`.ImageUri` below `Code`).
 */
export function codeSourceRisks(params: ResourceRiskInput): RiskReason[] {
  const properties = isPlainObject(params.properties) ? params.properties : {};
  return (CODE_SOURCES.get(params.type) ?? []).flatMap((source) =>
    branches(properties[source.property], source.property).flatMap(({ value, at }) =>
      sourceRisks({ ...params, source, value, at }),
    ),
  );
}

function sourceRisks(
  params: ResourceRiskInput & { source: CodeSource; value: unknown; at: string },
): RiskReason[] {
  const { source, value, at, logicalId, type, context } = params;
  const reason = (where: string, what: string): RiskReason[] => [
    {
      code: 'unseen-effect',
      where: `${params.where}.Properties.${where}`,
      message: `${logicalId} (${type}) runs ${what}: code this change does not hold, so what it does cannot be judged.`,
    },
  ];
  if (source.form === 'image') {
    const image = source.image === undefined ? value : isPlainObject(value) ? value[source.image] : undefined;
    const where = source.image === undefined ? at : `${at}.${source.image}`;
    return image === undefined || inThisAccountRegistry(image, context)
      ? []
      : reason(where, "a container image from a registry not known to be this account's");
  }
  if (source.form === 'uri' && typeof value === 'string')
    return isRemoteUri(value) ? reason(at, `code from ${JSON.stringify(value)}`) : [];
  if (source.form === 'uri' && isOwnUri(value, context)) return [];
  if (!isPlainObject(value) || isIntrinsic(value))
    return reason(at, 'code from a location computed at deploy time');
  // A mapping without a bucket holds inline code or an image, judged above.
  if (value[source.bucket] === undefined && source.form === 'object') return [];
  return isOwnUpload(value[source.bucket], value[source.key], context)
    ? []
    : reason(
        at,
        `code from an S3 object other than the deploy run's upload of this change (${CODE_BUCKET_PARAMETER}, ${CODE_KEY_PARAMETER})`,
      );
}

/**
 * `Ref`s to parameters holding the deploy run's upload: every origin of the bucket's value
 * (`parameterOrigins`) a declared `CodeS3Bucket`, and of the key's a declared `CodeS3Key` without a
 * `Default`, which the run passes to the stack it deploys. A nested template holds them only as
 * its parents pass them on; a literal or computed value a parent passes is another object.
 */
function isOwnUpload(bucket: unknown, key: unknown, context: TemplateValueContext): boolean {
  const holds = (value: unknown, parameter: string, withoutDefault: boolean): boolean => {
    const name = isPlainObject(value) && Object.keys(value).length === 1 ? value['Ref'] : undefined;
    if (typeof name !== 'string') return false;
    const origins = parameterOrigins(context, name);
    return (
      origins.length > 0 &&
      origins.every(
        (origin) =>
          origin.kind === 'declared' &&
          origin.name === parameter &&
          !(withoutDefault && 'Default' in origin.declaration),
      )
    );
  };
  return holds(bucket, CODE_BUCKET_PARAMETER, false) && holds(key, CODE_KEY_PARAMETER, true);
}

function isOwnUri(value: unknown, context: TemplateValueContext): boolean {
  return (
    isPlainObject(value) &&
    Object.keys(value).length === 1 &&
    value['Fn::Sub'] === OWN_URI &&
    isOwnUpload({ Ref: CODE_BUCKET_PARAMETER }, { Ref: CODE_KEY_PARAMETER }, context)
  );
}

/** A URI with a scheme (`s3://`, `https://`) or SAM's `s3:` form; a local path has none. */
function isRemoteUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text.trim());
}

function inThisAccountRegistry(value: unknown, context: TemplateValueContext): boolean {
  const read = readTemplateValue(value, context);
  return read.known && read.texts.every((text) => isThisAccount(text.split('.')[0] ?? ''));
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((key) => key === 'Ref' || key.startsWith('Fn::'));
}

/** Every value an `Fn::If` may take (nested ones too); `Ref: AWS::NoValue` and a left-out property are no value. */
function branches(value: unknown, at: string): { value: unknown; at: string }[] {
  if (value === undefined) return [];
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return [{ value, at }];
  if (value['Ref'] === 'AWS::NoValue') return [];
  const choice = value['Fn::If'];
  if (!Array.isArray(choice) || choice.length !== 3) return [{ value, at }];
  return [...branches(choice[1], `${at}.Fn::If[1]`), ...branches(choice[2], `${at}.Fn::If[2]`)];
}
