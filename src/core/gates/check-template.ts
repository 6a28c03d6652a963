import type { ArtifactBundle, GeneratedFile } from '../bundle/artifact-bundle.js';
import { checkTemplateStructure } from '../cfn/check-template-structure.js';
import { parseTemplate } from '../cfn/parse-template.js';
import { formatTemplateIssue } from '../cfn/template-issue.js';
import type { GateFinding } from './gate-report.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/** CloudFormation's limit for an inline TemplateBody; larger templates must be uploaded to S3 first. */
export const TEMPLATE_BODY_LIMIT_BYTES = 51_200;

/**
 * Every CloudFormation template in the bundle — the one `templatePath` names and any file whose role
 * is `template` — must parse and be structurally sound. A bundle without a template passes.
 */
export function checkTemplate(bundle: ArtifactBundle): GateFinding[] {
  return templateFiles(bundle).flatMap(checkTemplateFile);
}

function templateFiles(bundle: ArtifactBundle): GeneratedFile[] {
  const chosen = new Set<GeneratedFile>();
  for (const file of bundle.files) {
    if (file.path === bundle.templatePath || file.role === 'template') chosen.add(file);
  }
  return [...chosen];
}

function checkTemplateFile(file: GeneratedFile): GateFinding[] {
  const finding = (message: string): GateFinding => ({ gate: 'template', path: file.path, message });
  const findings: GateFinding[] = [];
  const bytes = utf8ByteLength(file.content);
  if (bytes > TEMPLATE_BODY_LIMIT_BYTES) {
    findings.push(
      finding(
        `template is ${bytes.toLocaleString('en-US')} bytes, over CloudFormation's 51,200-byte TemplateBody limit; ` +
          'it would need uploading to S3 and deploying by TemplateURL — make it smaller or split it into nested stacks',
      ),
    );
  }
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
