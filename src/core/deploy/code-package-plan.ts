import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseTemplate } from '../cfn/parse-template.js';
import type { AgentConfig } from '../config/agent-config.js';

/** The template parameters that take a Lambda bundle's location, as the offline blueprints declare them. */
export const CODE_BUCKET_PARAMETER = 'CodeS3Bucket';
export const CODE_KEY_PARAMETER = 'CodeS3Key';

export type CodePackagePlan =
  /** The template takes no code location, or the deployment already gives one (a rollback's stored parameters). */
  | { readonly kind: 'none' }
  | { readonly kind: 'refuse'; readonly message: string }
  | {
      readonly kind: 'package';
      readonly bucket: string;
      /** The object key is this plus the zip's sha256 and `.zip`. */
      readonly keyPrefix: string;
      /** Repository-relative folder to build (the template's folder); `.` for the root. */
      readonly serviceDir: string;
    };

/**
 * Whether a deploy must build and upload the service's Lambda code first, the way `aws cloudformation
 * package` does, and where to. It must when the template declares CodeS3Key without a default and the
 * deployment's parameters do not set it. The code goes to `mirrors.deployments_bucket` when that bucket
 * is in the stack's region (Lambda reads code only from its own region), else to the environment's
 * `code_bucket`; with neither, the deploy is refused naming both settings.
 */
export function planCodePackage(params: {
  template: string;
  templatePath: string;
  parameters: Readonly<Record<string, string>>;
  config: AgentConfig;
  environment: string;
  region: string;
  /** `owner/repo`: the key prefix keeps repositories sharing a bucket apart. */
  repository: string;
}): CodePackagePlan {
  const parsed = parseTemplate(params.template);
  const needsCode =
    parsed.ok && takesCodeLocation(parsed.template) && params.parameters[CODE_KEY_PARAMETER] === undefined;
  if (!needsCode) return { kind: 'none' };
  return codeDestination({
    ...params,
    what: `${params.templatePath} takes its Lambda code from S3 (${CODE_BUCKET_PARAMETER}, ${CODE_KEY_PARAMETER})`,
  });
}

/**
 * Whether a template (parsed, long form) takes its Lambda code's location as the blueprints do:
 * it declares `CodeS3Key` without a `Default`, so whoever deploys it must pass one.
 */
export function takesCodeLocation(template: unknown): boolean {
  const key = templateParameters(template)[CODE_KEY_PARAMETER];
  return key !== undefined && !('Default' in key);
}

/**
 * Where the Lambda code of the service in the folder of `templatePath` is uploaded: the bucket
 * (`mirrors.deployments_bucket` when in `region`, Lambda reading code only from its own region; else
 * the environment's `code_bucket`) and the key prefix (`<owner/repo>/code/<folder name>/`); with
 * neither bucket, a refusal naming both settings, opening with `what` (what needs the code).
 */
export function codeDestination(params: {
  templatePath: string;
  config: AgentConfig;
  environment: string;
  region: string;
  repository: string;
  what: string;
}): Extract<CodePackagePlan, { kind: 'package' | 'refuse' }> {
  const serviceDir = params.templatePath.includes('/')
    ? params.templatePath.slice(0, params.templatePath.lastIndexOf('/'))
    : '.';
  const service = serviceDir === '.' ? 'root' : (serviceDir.split('/').pop() ?? 'root');
  const keyPrefix = `${params.repository}/code/${service}/`;
  const { deployments_bucket: deployments, region: mirrorsRegion } = params.config.mirrors;
  if (deployments !== undefined && mirrorsRegion === params.region)
    return { kind: 'package', bucket: deployments, keyPrefix, serviceDir };
  const own = params.config.environments[params.environment]?.code_bucket;
  if (own !== undefined) return { kind: 'package', bucket: own, keyPrefix, serviceDir };
  const elsewhere =
    deployments === undefined
      ? ''
      : ` (mirrors.deployments_bucket ${deployments} is in ${mirrorsRegion}, and Lambda reads code only from the stack's region)`;
  return {
    kind: 'refuse',
    message: `${params.what} and no bucket in ${params.region} is configured for it${elsewhere}: set mirrors.deployments_bucket, or environments.${params.environment}.code_bucket, in .github/implementation-agent.yml. Nothing was deployed.`,
  };
}

function templateParameters(template: unknown): Record<string, Record<string, unknown>> {
  if (!isPlainObject(template)) return {};
  const parameters = template['Parameters'];
  if (!isPlainObject(parameters)) return {};
  return Object.fromEntries(
    Object.entries(parameters).filter((entry): entry is [string, Record<string, unknown>] =>
      isPlainObject(entry[1]),
    ),
  );
}
