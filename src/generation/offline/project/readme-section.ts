import { untrustedInline } from '../../../core/markdown/untrusted-inline.js';
import type { BlueprintInput } from '../blueprint-input.js';
import { deploymentConfigName } from '../cfn/deployment-config-name.js';
import { wordsOf } from '../naming/words-of.js';

export interface ReadmeSectionParams {
  readonly input: BlueprintInput;
  /** One paragraph of generated (not requester-written) markdown saying what this is. */
  readonly overview: string;
  /** What each story became, in the order of the stories; generated markdown. */
  readonly storyOutcomes: readonly string[];
  /** Whether the stack runs Lambda code that must be built and uploaded first. */
  readonly hasFunctionCode: boolean;
  /** Extra `Key=value` parameter overrides the deploy command needs. */
  readonly extraParameters?: readonly string[];
}

/**
 * The service's README: what it is, what each story became, and build → upload → deploy. The
 * title, description and stories are the requester's words, shown literally line by line.
 */
export function readmeSection({
  input,
  overview,
  storyOutcomes,
  hasFunctionCode,
  extraParameters = [],
}: ReadmeSectionParams): string {
  const stack = stackName(input);
  const lines = [`## ${untrustedInline(input.names.title)}`, '', overview, ''];
  if (input.description !== undefined && input.description !== '')
    lines.push(
      ...input.description.split(/\r\n?|\n/).map((line) => `> ${untrustedInline(line)}`.trimEnd()),
      '',
    );
  if (input.stories.length > 0) {
    lines.push('### User stories', '');
    input.stories.forEach((story, index) => {
      lines.push(
        `${story.number}. ${untrustedInline(story.text)} — ${storyOutcomes[index] ?? 'covered by the tests'}`,
      );
    });
    lines.push('');
  }
  lines.push(
    '### Build, test, deploy',
    '',
    `From \`${input.baseDir}/\` (needs Node 22, the AWS CLI and \`zip\`):`,
    '',
    '```sh',
    'npm install',
    'npm test',
  );
  const parameters = [`EnvironmentName=${input.environment}`, ...extraParameters];
  if (hasFunctionCode) {
    lines.push(
      'npm run package                      # esbuild bundle → function.zip',
      'KEY="' +
        input.names.slug +
        '/$(git rev-parse --short HEAD).zip"   # a new key per build publishes a new version',
      'aws s3 cp function.zip "s3://$CODE_BUCKET/$KEY"',
    );
    parameters.push('CodeS3Bucket="$CODE_BUCKET"', 'CodeS3Key="$KEY"');
  }
  lines.push(
    `aws cloudformation deploy --template-file template.yaml --stack-name ${stack} \\`,
    '  --capabilities CAPABILITY_IAM \\',
    `  --parameter-overrides ${parameters.join(' ')}`,
    '```',
  );
  if (hasFunctionCode)
    lines.push('', 'Add `AlarmTopicArn=<sns topic arn>` to be notified when an alarm fires.');
  lines.push('', strategyNote(input, hasFunctionCode), '');
  return lines.join('\n');
}

export function stackName(input: BlueprintInput): string {
  return [input.names.slug, ...wordsOf(input.environment)].join('-');
}

function strategyNote(input: BlueprintInput, hasFunctionCode: boolean): string {
  if (!hasFunctionCode) return 'Changes apply in place through CloudFormation change sets.';
  const config = deploymentConfigName(input.strategy);
  if (config === undefined) {
    return 'Deployment strategy: all-at-once — each deploy updates the function in place. Request `canary`, `linear` or `blue-green` for CodeDeploy traffic shifting with automatic rollback.';
  }
  return `Deployment strategy: ${input.strategy ?? ''} — CloudFormation publishes a new version and CodeDeploy shifts the \`live\` alias to it with \`${config}\`, rolling back automatically if the error alarm fires.`;
}
