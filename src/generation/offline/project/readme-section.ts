import type { RequirementCoverage } from '../../../core/bundle/requirement-coverage.js';
import { codeSpan } from '../../../core/markdown/code-span.js';
import { untrustedInline } from '../../../core/markdown/untrusted-inline.js';
import { untrustedInlineWithCode } from '../../../core/markdown/untrusted-inline-with-code.js';
import type { BlueprintInput } from '../blueprint-input.js';
import { wordsOf } from '../naming/words-of.js';
import { strategyNote } from './strategy-note.js';

export interface ReadmeSectionParams {
  readonly input: BlueprintInput;
  /** Generated (not requester-written) markdown saying what this is. */
  readonly overview: string;
  /** What each story and description sentence became; the PR body shows the same rows. */
  readonly coverage: readonly RequirementCoverage[];
  /** Whether the stack runs Lambda code that must be built and uploaded first. */
  readonly hasFunctionCode: boolean;
  /** Extra `Key=value` parameter overrides the deploy command needs. */
  readonly extraParameters?: readonly string[];
  /** Whether the blueprint shifts traffic even for all-at-once (the deployment blueprint always uses CodeDeploy). */
  readonly alwaysShifts?: boolean;
}

const MARK: Readonly<Record<RequirementCoverage['status'], string>> = {
  covered: '✅',
  partial: '⚠️',
  not_covered: '❌',
};

/** The service's README: what it is, what each requirement became, and build → upload → deploy. */
export function readmeSection(params: ReadmeSectionParams): string {
  const { input } = params;
  const lines = [`## ${untrustedInline(input.names.title)}`, '', params.overview, ''];
  if (input.description !== undefined && input.description !== '')
    lines.push(
      ...input.description.split(/\r\n?|\n/).map((line) => `> ${untrustedInline(line)}`.trimEnd()),
      '',
    );
  if (params.coverage.length > 0) {
    lines.push('### What the request asked, and what answers it', '');
    for (const row of params.coverage) {
      const label =
        row.source.kind === 'story'
          ? `Story ${row.source.number}`
          : row.source.kind === 'description'
            ? `Description ${row.source.sentence}`
            : row.source.name;
      const tests =
        row.tests.length === 0 ? '' : ` Tests: ${row.tests.map((test) => codeSpan(test.title)).join(', ')}.`;
      const gaps =
        row.gaps.length === 0 ? '' : ` Not covered: ${untrustedInlineWithCode(row.gaps.join('; '))}.`;
      lines.push(
        `- ${MARK[row.status]} **${label}**: ${untrustedInline(row.text)} — ${untrustedInlineWithCode(row.implementedBy ?? 'nothing generated')}.${tests}${gaps}`,
      );
    }
    lines.push('');
  }
  lines.push(
    ...deploySteps(params),
    '',
    strategyNote(input, params.hasFunctionCode, params.alwaysShifts ?? false),
    '',
  );
  return lines.join('\n');
}

function deploySteps(params: ReadmeSectionParams): string[] {
  const { input } = params;
  const stack = stackName(input);
  const parameters = [`EnvironmentName=${input.environment}`, ...(params.extraParameters ?? [])];
  const lines = [
    '### Build, test, deploy',
    '',
    `From \`${input.baseDir}/\` (Node 22):`,
    '',
    '```sh',
    'npm install',
    'npm test',
    'npm run lint',
    'npm run build',
  ];
  if (!params.hasFunctionCode) {
    lines.push(
      `aws cloudformation deploy --template-file template.yaml --stack-name ${stack} \\`,
      `  --parameter-overrides ${parameters.join(' ')}`,
      '```',
    );
    return lines;
  }
  lines.push(
    'npm run package                      # build → function.zip',
    'KEY="' +
      input.names.slug +
      '/$(sha256sum function.zip | cut -c1-64).zip"   # by content: new code, new key, new version',
    'aws s3 cp function.zip "s3://$CODE_BUCKET/$KEY"',
    `aws cloudformation deploy --template-file template.yaml --stack-name ${stack} \\`,
    '  --capabilities CAPABILITY_IAM \\',
    `  --parameter-overrides ${[...parameters, 'CodeS3Bucket="$CODE_BUCKET"', 'CodeS3Key="$KEY"'].join(' ')}`,
    '```',
    '',
    "With implementation-agent's `/deploy`, the deploy run does the same: it builds this folder, zips `dist/`, uploads the zip by its sha256 to the deployments bucket (or the environment's `code_bucket`) and passes `CodeS3Bucket` and `CodeS3Key` to the stack.",
    '',
    'Add `AlarmTopicArn=<sns topic arn>` to be notified when an alarm fires.',
  );
  return lines;
}

export function stackName(input: BlueprintInput): string {
  return [input.names.slug, ...wordsOf(input.environment)].join('-');
}
