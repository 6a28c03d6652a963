import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { projectFiles } from '../../project/project-files.js';
import { readmeSection } from '../../project/readme-section.js';
import { FOUNDATION_OUTPUTS, foundationRequirements } from './foundation-requirements.js';
import { infrastructureSource } from './infrastructure-source.js';
import { infrastructureTemplate } from './infrastructure-template.js';
import { infrastructureTests } from './infrastructure-tests.js';

/** A foundation stack (KMS key, private encrypted bucket, encrypted topic) and a typed helper for the stacks that use it. */
export function infrastructureBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const requirements = foundationRequirements(input.stories, names);
  const templatePath = `${baseDir}/template.yaml`;
  const readme = readmeSection({
    input,
    overview: `A foundation stack: a customer-managed KMS key with rotation, a private, versioned S3 bucket encrypted with it (TLS-only policy, old versions expire), and an encrypted SNS topic CloudWatch alarms can publish to. Outputs are exported as \`<stack>-DataBucketName\`, \`<stack>-DataBucketArn\`, \`<stack>-DataKeyArn\` and \`<stack>-NotificationsTopicArn\`; \`src/load-foundation-outputs.ts\` reads them into typed values.`,
    storyOutcomes: requirements.slice(0, input.stories.length).map(({ needs, intent }) => {
      const outputs = needs.map((need) => `\`${FOUNDATION_OUTPUTS[need]}\``).join(', ');
      return `needs ${outputs}, checked by test \`${intent.testTitle}\``;
    }),
    hasFunctionCode: false,
  });
  return {
    summary: `${names.title}: encrypted storage and notifications foundation (KMS key, S3 bucket, SNS topic) with a typed outputs helper and a check per user story.`,
    plan: [
      'Create a customer-managed KMS key with rotation and an alias per environment.',
      'Create a private, versioned S3 bucket encrypted with the key, with a TLS-only policy and version expiry.',
      'Create an SNS topic encrypted with the key that CloudWatch alarms may publish to.',
      'Export the outputs and add a TypeScript helper that reads them, lays out object keys and checks each story is met.',
    ],
    files: [
      { path: templatePath, role: 'template', content: infrastructureTemplate(input) },
      ...infrastructureSource(baseDir, requirements),
      ...infrastructureTests(baseDir, requirements),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: [],
        dependencies: { '@aws-sdk/client-cloudformation': '^3.600.0' },
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Key policy: the account root may administer and use the key through IAM; CloudWatch may use it only to publish alarms to the topic.',
      'Data stores: the KMS key and the S3 bucket are retained when the stack is deleted or they are replaced; a retained key keeps costing until scheduled for deletion.',
      'The bucket denies non-TLS access and blocks public access; objects are versioned and old versions expire after NoncurrentVersionRetentionDays.',
    ],
  };
}
