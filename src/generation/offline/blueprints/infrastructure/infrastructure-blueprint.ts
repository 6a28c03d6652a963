import { generatedPackages } from '../../../../core/bundle/generated-packages.js';
import type { ArtifactBundle } from '../../../../core/bundle/artifact-bundle.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import { projectFiles } from '../../project/project-files.js';
import { READ_TEMPLATE_DEV_DEPENDENCIES } from '../../project/read-template-file.js';
import { readmeSection } from '../../project/readme-section.js';
import { infrastructureAsks } from './infrastructure-asks.js';
import { lifecyclePlan } from './lifecycle-plan.js';
import type { LifecyclePlan } from './lifecycle-plan.js';
import type { InfrastructureAsks } from './infrastructure-asks.js';
import { infrastructureCoverage } from './infrastructure-coverage.js';
import { infrastructureSource } from './infrastructure-source.js';
import { infrastructureTemplate } from './infrastructure-template.js';
import { infrastructureTests } from './infrastructure-tests.js';

/** A foundation stack (KMS key, private encrypted bucket, encrypted topic) shaped by what the request asks, and a typed helper for the stacks that use it. */
export function infrastructureBlueprint(input: BlueprintInput): ArtifactBundle {
  const { baseDir, names } = input;
  const asks = infrastructureAsks(input);
  const plan = lifecyclePlan(asks);
  const coverage = infrastructureCoverage(input, asks, plan);
  const templatePath = `${baseDir}/template.yaml`;
  const extras = [
    ...retentionExtras(asks),
    ...lifecycleExtras(plan),
    ...(asks.abortMultipartDays === undefined
      ? []
      : [`incomplete multipart uploads are aborted after ${asks.abortMultipartDays} days`]),
    ...(asks.noncurrentDays === undefined ? [] : [`old versions expire after ${asks.noncurrentDays} days`]),
    ...(asks.objectNotifications
      ? [
          `every new object${asks.notificationPrefix === undefined ? '' : ` under \`${asks.notificationPrefix}\``} publishes to the topic`,
        ]
      : []),
    ...(asks.email === undefined
      ? []
      : [
          `the topic emails \`NotificationEmail\` (${asks.email.address === undefined ? 'empty by default: set it at deploy time' : `default \`${asks.email.address}\``}), once the address follows the confirmation link SNS sends it`,
        ]),
  ];
  const readme = readmeSection({
    input,
    overview: `A foundation stack: a customer-managed KMS key with rotation, a private, versioned S3 bucket encrypted with it (TLS-only policy, old versions expire${extras.length === 0 ? '' : `; ${extras.join('; ')}`}), and an encrypted SNS topic CloudWatch alarms can publish to. Outputs are exported as \`<stack>-DataBucketName\`, \`<stack>-DataBucketArn\`, \`<stack>-DataKeyArn\` and \`<stack>-NotificationsTopicArn\`; \`src/load-foundation-outputs.ts\` reads them into typed values. \`test/template.test.ts\` checks every promise above against \`template.yaml\`.`,
    coverage,
    hasFunctionCode: false,
  });
  return {
    summary: `${names.title}: encrypted storage and notifications foundation (KMS key, S3 bucket, SNS topic)${extras.length === 0 ? '' : ` where ${extras.join(', ')}`}, with a typed outputs helper and template tests.`,
    plan: [
      'Create a customer-managed KMS key with rotation and an alias per environment.',
      'Create a private, versioned S3 bucket encrypted with the key, with a TLS-only policy and version expiry.',
      ...extras.map((extra) => `Make sure ${extra}.`),
      'Create an SNS topic encrypted with the key that CloudWatch alarms may publish to.',
      'Export the outputs and add a TypeScript helper that reads them and lays out object keys; test every promise against the template.',
    ],
    files: [
      { path: templatePath, role: 'template', content: infrastructureTemplate(input, asks, plan) },
      ...infrastructureSource(baseDir),
      ...infrastructureTests(baseDir, asks, plan),
      ...projectFiles({
        baseDir,
        slug: names.slug,
        entryPoints: [],
        dependencies: generatedPackages('@aws-sdk/client-cloudformation'),
        devDependencies: READ_TEMPLATE_DEV_DEPENDENCIES,
      }),
      { path: `${baseDir}/README.md`, role: 'doc', content: readme },
    ],
    templatePath,
    riskNotes: [
      'Key policy: the account root may administer and use the key through IAM; CloudWatch' +
        (asks.objectNotifications ? ' and S3' : '') +
        ' may use it only to publish to the topic.',
      'Data stores: the KMS key and the S3 bucket are retained when the stack is deleted or they are replaced; a retained key keeps costing until scheduled for deletion.',
      'The bucket denies non-TLS access and blocks public access; objects are versioned and old versions expire after NoncurrentVersionRetentionDays.',
      ...(asks.objectLock === undefined
        ? []
        : [
            `Object Lock is enabled on the bucket and cannot be turned off: in governance mode no version can be deleted or overwritten for ${asks.objectLock.duration.amount} ${asks.objectLock.duration.unit} without s3:BypassGovernanceRetention.`,
          ]),
    ],
    coverage,
  };
}

/** How long objects are kept: Object Lock when asked that they cannot be deleted, else a lifecycle floor. */
function retentionExtras(asks: InfrastructureAsks): string[] {
  const retention = asks.retention;
  if (retention === undefined) return [];
  const period = `${retention.duration.amount} ${retention.duration.unit}`;
  const under = retention.prefix === undefined ? 'object' : `object under \`${retention.prefix}\``;
  return [
    retention.locked
      ? `every ${under} is kept ${period} (Object Lock, governance mode)${asks.expirations.length === 0 ? '; nothing deletes it afterwards' : ''}`
      : `no lifecycle rule deletes an ${under} before it is ${period} old, and a deleted or overwritten one stays recoverable as an old version for \`NoncurrentVersionRetentionDays\``,
    ...(asks.objectLock === undefined || retention.locked
      ? []
      : [
          `every object version is kept ${asks.objectLock.duration.amount} ${asks.objectLock.duration.unit} (Object Lock, governance mode)`,
        ]),
  ];
}

/** Each planned lifecycle rule in words: its prefix, its moves in order, its expiry. */
function lifecycleExtras(plan: LifecyclePlan): string[] {
  return plan.rules.map((rule) => {
    const subject = rule.prefix === undefined ? 'objects' : `objects under \`${rule.prefix}\``;
    const steps = [
      ...rule.transitions.map((move) => `move to ${move.storageClass} after ${move.days} days`),
      ...(rule.expiration === undefined
        ? []
        : [`expire ${rule.expiration.days} days after they were written`]),
    ];
    return `${subject} ${steps.join(', then ')}`;
  });
}
