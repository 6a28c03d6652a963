import type { ArtifactBundle, GeneratedFile } from '../bundle/artifact-bundle.js';
import { checkTemplateStructure } from '../cfn/check-template-structure.js';
import { parseTemplate } from '../cfn/parse-template.js';
import { formatTemplateIssue } from '../cfn/template-issue.js';
import type { GateFinding } from './gate-report.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** CloudFormation's limit for an inline TemplateBody; larger templates must be uploaded to S3 first. */
export const TEMPLATE_BODY_LIMIT_BYTES = 51_200;

/**
 * CloudFormation's limit for a template read from S3 (`TemplateURL`): 1 MB. Source: AWS
 * CloudFormation User Guide, "Understand CloudFormation quotas" (template body size in an S3 object).
 */
export const TEMPLATE_URL_LIMIT_BYTES = 1_048_576;

/**
 * Every CloudFormation template in the bundle — the one `templatePath` names and any file whose role
 * is `template` — must parse and be structurally sound, and fit `maxTemplateBytes` (default: the
 * 51,200-byte inline limit; `TEMPLATE_URL_LIMIT_BYTES` when deploys can upload it to a deployments
 * bucket, see `gatePolicyFrom`). A bundle without a template passes.
 */
export function checkTemplate(
  bundle: ArtifactBundle,
  options: { maxTemplateBytes?: number } = {},
): GateFinding[] {
  const limit = options.maxTemplateBytes ?? TEMPLATE_BODY_LIMIT_BYTES;
  return templateFiles(bundle).flatMap((file) => checkTemplateFile(file, limit));
}

function templateFiles(bundle: ArtifactBundle): GeneratedFile[] {
  const chosen = new Set<GeneratedFile>();
  for (const file of bundle.files) {
    if (file.path === bundle.templatePath || file.role === 'template') chosen.add(file);
  }
  return [...chosen];
}

function checkTemplateFile(file: GeneratedFile, limit: number): GateFinding[] {
  const finding = (message: string): GateFinding => ({ gate: 'template', path: file.path, message });
  const findings: GateFinding[] = [];
  const bytes = utf8ByteLength(file.content);
  if (bytes > limit) findings.push(finding(overLimitMessage(bytes, limit)));
  const parsed = parseTemplate(file.content);
  if (!parsed.ok) {
    const where =
      parsed.position === undefined
        ? ''
        : ` at line ${parsed.position.line}, column ${parsed.position.column}`;
    return [...findings, finding(`${parsed.format.toUpperCase()} does not parse${where}: ${parsed.message}`)];
  }
  return [
    ...findings,
    ...checkTemplateStructure(parsed.template).map((issue) => finding(formatTemplateIssue(issue))),
  ];
}

function overLimitMessage(bytes: number, limit: number): string {
  const size = `template is ${bytes.toLocaleString('en-US')} bytes`;
  if (limit < TEMPLATE_URL_LIMIT_BYTES) {
    return (
      `${size}, over CloudFormation's 51,200-byte TemplateBody limit; ` +
      'it would need uploading to S3 and deploying by TemplateURL — configure `mirrors.deployments_bucket`, make it smaller or split it into nested stacks'
    );
  }
  return `${size}, over CloudFormation's 1,048,576-byte TemplateURL limit — make it smaller or split it into nested stacks`;
}
