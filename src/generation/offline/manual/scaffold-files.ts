import type { GeneratedFile } from '../../../core/bundle/artifact-bundle.js';

/**
 * The scaffolding of a manual-mode service beside the blueprint's project files: a CloudFormation
 * skeleton with one placeholder resource (`AWS::CloudFormation::WaitConditionHandle`, which
 * creates nothing billable, since a template must declare at least one resource:
 * docs.aws.amazon.com, *Template anatomy*) and a Lambda handler stub that answers
 * 501 Not Implemented. `title` is already safe for prose (`serviceNames`).
 */
export function scaffoldFiles(params: {
  readonly baseDir: string;
  readonly title: string;
  readonly specification: string;
}): { readonly templatePath: string; readonly files: readonly GeneratedFile[] } {
  const templatePath = `${params.baseDir}/template.yaml`;
  const description = `${params.title}: skeleton (manual mode); replace the placeholder with the resources of ${params.specification}.`;
  const template = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: ${JSON.stringify(description)}`,
    'Resources:',
    '  # Placeholder: a template needs one resource. Remove it once the real ones are here.',
    '  Placeholder:',
    '    Type: AWS::CloudFormation::WaitConditionHandle',
    '',
  ].join('\n');
  const handler = [
    `/** Manual mode: implement this handler as ${params.specification} specifies. */`,
    'export async function handler(): Promise<{ statusCode: number; body: string }> {',
    "  return { statusCode: 501, body: JSON.stringify({ message: 'not implemented' }) };",
    '}',
    '',
  ].join('\n');
  return {
    templatePath,
    files: [
      { path: templatePath, role: 'template', content: template },
      { path: `${params.baseDir}/src/handler.ts`, role: 'source', content: handler },
    ],
  };
}
