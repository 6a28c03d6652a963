import type { RequirementCoverage, TestEvidence } from '../../../../core/bundle/requirement-coverage.js';
import type { BlueprintInput } from '../../blueprint-input.js';
import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { withoutLinks } from '../../naming/link-spans.js';
import { wordsOf } from '../../naming/words-of.js';
import { anyOf } from '../../coverage/capability.js';
import type { Capability } from '../../coverage/capability.js';
import { answering, mostSpecificAskedBy } from '../../coverage/capability.js';
import { combine, describeSentences } from '../../coverage/describe-coverage.js';
import { strategyCoverage } from '../../coverage/strategy-coverage.js';
import type { InfrastructureAsks } from './infrastructure-asks.js';
import { publicOpposed, versioningOpposed } from './opposite-asks.js';
import { accessRuleOpposed } from './access-rule-asked.js';
import { objectPrefixIn } from './object-prefix.js';
import { OTHER_RESOURCE_WORDS, aboutOtherResourceOnly, otherResourcesNamed } from './other-resources.js';
import { ARRIVAL_WORDS, NOTIFY_WORDS, abortMultipartDays } from './infrastructure-asks.js';
import { EXPIRY_WORDS } from './lifecycle-asks.js';
import { lifecycleCapabilities } from './lifecycle-capabilities.js';
import type { LifecyclePlan } from './lifecycle-plan.js';
import {
  OBJECT_NOTIFICATIONS_TITLE,
  OUTPUTS_TEST_FILE,
  TEMPLATE_TEST_FILE,
  TITLES,
  EMAIL_TITLE,
  abortMultipartTitle,
  noncurrentTitle,
} from './infrastructure-test-titles.js';

/**
 * Log delivery by AWS services needs a bucket policy for each service principal, e.g. CloudTrail's
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html);
 * the foundation generates none, so a request for it is said, not counted met.
 */
const LOG_DELIVERY_NOT_GENERATED =
  'no bucket policy lets an AWS service deliver its logs here: CloudTrail (cloudtrail.amazonaws.com), AWS Config (config.amazonaws.com), VPC flow logs and load balancer logs (delivery.logs.amazonaws.com) each need statements in the bucket policy for their service principal, ' +
  'e.g. for CloudTrail s3:GetBucketAcl on the bucket and s3:PutObject on AWSLogs/<account id>/* with s3:x-amz-acl bucket-owner-full-control, both conditioned on aws:SourceArn (the trail) and aws:SourceAccount; add them to DataBucketPolicy';

/** What each story, description sentence and the strategy became in the foundation, with the tests that prove it. */
export function infrastructureCoverage(
  input: BlueprintInput,
  asks: InfrastructureAsks,
  plan: LifecyclePlan,
): RequirementCoverage[] {
  const capabilities = infrastructureCapabilities(input, asks, plan);
  const stories = input.stories.map((intent) => {
    const words = intent.text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const about = aboutTheirResource(words, capabilities);
    return combine({
      source: { kind: 'story', number: intent.number },
      text: intent.text,
      parts: [{ text: intent.text, capabilities: answering(words, mostSpecificAskedBy(words, about)) }],
    });
  });
  return [
    ...stories,
    ...input.descriptionSentences.map(linkFree).flatMap((sentence) =>
      describeSentences(
        [sentence],
        aboutTheirResource(
          sentence.clauses.flatMap((clause) => clause.words),
          capabilities,
        ),
      ),
    ),
    ...strategyCoverage(input, {
      applied: false,
      reason:
        'the foundation has no Lambda function whose traffic could shift; CloudFormation change sets apply every change in place',
    }),
  ];
}

/**
 * A sentence whose clauses' words leave out links: a word inside a URL asks nothing (the `https` of
 * `Allow CORS from https://app.example.com` is no ask for TLS).
 */
function linkFree(sentence: DescriptionSentence): DescriptionSentence {
  return {
    ...sentence,
    clauses: sentence.clauses.map((clause) => ({ ...clause, words: wordsOf(withoutLinks(clause.text)) })),
  };
}

const REDIRECT_WORDS = ['redirect', 'redirects', 'redirected', 'redirecting'];
/** Only CloudFront (ViewerProtocolPolicy) or a load balancer's listener answers HTTP with a redirect. */
const REDIRECT_NOT_GENERATED =
  'no redirect is generated: the bucket is private and answers no HTTP request with a redirect (its policy refuses requests without TLS); a CloudFront distribution with ViewerProtocolPolicy redirect-to-https, or a load balancer listener on port 80 with a redirect action, would redirect';

/** The origins a CORS ask names (`from https://app.example.com`), said in why no CORS rule is generated. */
function corsNotGenerated(input: BlueprintInput): string {
  const origins = [
    ...new Set(
      input.descriptionSentences
        .filter((sentence) => /\bcors\b|cross.origin/i.test(sentence.text))
        .flatMap(
          (sentence) => sentence.text.match(/https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?/g) ?? [],
        ),
    ),
  ];
  const named = origins.length === 0 ? 'the origin' : origins.join(', ');
  return `no CORS rule is generated: the bucket has no CorsConfiguration, so a browser page from ${named} cannot read or upload to it directly; add a CorsRule with AllowedOrigins [${named}], the methods it needs (GET, PUT) and AllowedHeaders to DataBucket`;
}

/** Rotation more often than yearly, or asked with a number of days other than 365: the key rotates yearly. */
function otherRotationPeriod(words: readonly string[]): string | undefined {
  const other = [
    'daily',
    'weekly',
    'monthly',
    'quarterly',
    'day',
    'days',
    'week',
    'weeks',
    'month',
    'months',
  ];
  if (!words.some((word) => other.includes(word)) || words.includes('365')) return undefined;
  return 'the key rotates every 365 days only: EnableKeyRotation is on with the default period; set RotationPeriodInDays (90 to 2560 days) on DataKey for another period';
}

/** Words asking who reads (`Only the security team role can read the bucket`). */
const READ_WORDS = ['read', 'reads', 'access', 'accessed', 'accesses'];
/** Principals a read may be limited to: a role, team, group, user, account or service. */
const PRINCIPAL_WORDS = [
  'role',
  'roles',
  'team',
  'teams',
  'group',
  'groups',
  'user',
  'users',
  'account',
  'accounts',
  'service',
  'services',
  'admins',
  'administrators',
];

/**
 * The capabilities that can answer a text, by the resource it is about: one naming a resource the
 * foundation does not generate (a queue, a table) is told so, and one about that resource only is
 * answered by nothing else (`encrypt both queues` is not met by the bucket's key).
 */
function aboutTheirResource(words: readonly string[], capabilities: readonly Capability[]): Capability[] {
  const others = otherResourcesNamed(words);
  if (others.length === 0) return [...capabilities];
  const notGenerated: Capability = {
    when: OTHER_RESOURCE_WORDS,
    implementedBy: '',
    tests: [],
    resources: [],
    notGenerated: `no ${others.join(' or ')} is generated: this foundation is a KMS key, a private S3 bucket and an SNS topic, and what is asked of the ${others.join(' or ')} applies to none of them; add it to template.yaml (or ask the blueprint that generates it)`,
  };
  return aboutOtherResourceOnly(words) ? [notGenerated] : [notGenerated, ...capabilities];
}

function infrastructureCapabilities(
  input: BlueprintInput,
  asks: InfrastructureAsks,
  plan: LifecyclePlan,
): Capability[] {
  const test = (title: string, file = TEMPLATE_TEST_FILE): TestEvidence => ({
    path: `${input.baseDir}/${file}`,
    title,
  });
  const pairs = (left: readonly string[], right: readonly string[]): string[][] =>
    left.flatMap((one) => right.map((other) => [one, other]));
  const capabilities: Capability[] = [
    {
      when: anyOf('encrypt', 'encrypted', 'encryption', 'kms', 'cmk', 'own key', 'keys'),
      implementedBy: 'a customer-managed KMS key with rotation encrypts the bucket and the topic',
      tests: [test(TITLES.encrypted)],
      resources: ['DataKey', 'DataBucket'],
    },
    {
      when: anyOf(
        's3',
        'bucket',
        'buckets',
        'store',
        'stores',
        'storage',
        'upload',
        'file',
        'files',
        'artifact',
        'artifacts',
        'document',
        'documents',
        'backup',
        'backups',
        'object',
        'objects',
        'data',
        'save',
      ),
      implementedBy: 'a private, versioned S3 bucket, its name and ARN exported',
      tests: [test(TITLES.private), test(TITLES.outputs, OUTPUTS_TEST_FILE)],
      resources: ['DataBucket'],
      // `Only the referrals role can write to the bucket`: a private bucket limits no principal of the account.
      opposedBy: accessRuleOpposed,
    },
    {
      when: anyOf('public'),
      implementedBy: 'public access blocked on the bucket',
      tests: [test(TITLES.private)],
      resources: ['DataBucket'],
      opposedBy: (words) => accessRuleOpposed(words) ?? publicOpposed(words),
    },
    {
      when: anyOf('tls', 'https', 'ssl', 'transit', 'secure transport'),
      implementedBy: 'a bucket policy denying requests without TLS',
      tests: [test(TITLES.tls)],
      resources: ['DataBucketPolicy'],
      // A refusal is no redirect: `Redirect HTTP to HTTPS` asks for an endpoint that answers HTTP.
      opposedBy: (words) =>
        words.some((word) => REDIRECT_WORDS.includes(word)) ? REDIRECT_NOT_GENERATED : undefined,
    },
    {
      when: anyOf(...REDIRECT_WORDS),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: REDIRECT_NOT_GENERATED,
    },
    {
      when: anyOf('cors', 'cross origin', 'allowed origin', 'allowed origins'),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: corsNotGenerated(input),
    },
    {
      // EnableKeyRotation rotates the key material every 365 days, KMS's default RotationPeriodInDays
      // (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html).
      when: anyOf('rotate', 'rotates', 'rotated', 'rotation', 'rotating'),
      implementedBy:
        'the KMS key rotates its key material every 365 days (1 year: EnableKeyRotation, the default period)',
      tests: [test(TITLES.encrypted)],
      resources: ['DataKey'],
      opposedBy: otherRotationPeriod,
    },
    {
      when: anyOf('acl', 'acls', 'object ownership', 'bucket owner', 'owner enforced'),
      implementedBy:
        'ACLs are disabled: the bucket owner owns every object (ObjectOwnership BucketOwnerEnforced)',
      tests: [test(TITLES.private)],
      resources: ['DataBucket'],
      // `Grant the partner account read access with an ACL` asks for the ACLs that are disabled.
      opposedBy: (words) =>
        words.some((word) =>
          ['grant', 'grants', 'granted', 'enable', 'enabled', 'allow', 'via', 'using'].includes(word),
        )
          ? 'no ACL grants anything: ACLs are disabled (ObjectOwnership BucketOwnerEnforced), so S3 ignores them; a bucket policy statement for the account or role would grant the access'
          : undefined,
    },
    {
      // `Keep the bucket if the stack is deleted`: both the key and the bucket have DeletionPolicy Retain.
      when: pairs(
        ['keep', 'kept', 'retain', 'retained', 'survive', 'survives'],
        ['stack', 'teardown', 'cloudformation'],
      ),
      implementedBy:
        'the bucket and its key are kept when the stack is deleted or replaces them (DeletionPolicy and UpdateReplacePolicy Retain)',
      tests: [test(TITLES.retained)],
      resources: ['DataBucket', 'DataKey'],
    },
    {
      when: anyOf('version', 'versions', 'versioned', 'versioning', 'unversioned'),
      implementedBy: 'versioning, with old versions expiring after NoncurrentVersionRetentionDays',
      tests: [test(TITLES.versioned)],
      resources: ['DataBucket'],
      opposedBy: versioningOpposed,
    },
    {
      when: pairs(NOTIFY_WORDS, ['alarm', 'alarms', 'alarmed', 'fire', 'fires', 'breach', 'breaches']),
      implementedBy: 'an encrypted SNS topic CloudWatch alarms may publish to',
      tests: [test(TITLES.alarms)],
      resources: ['NotificationsTopic', 'NotificationsTopicPolicy'],
    },
    {
      when: anyOf(...NOTIFY_WORDS, 'sns', 'topic'),
      implementedBy: 'an encrypted SNS topic (NotificationsTopic) to subscribe to',
      tests: [test(TITLES.alarms)],
      resources: ['NotificationsTopic'],
      gaps: [
        'only CloudWatch alarms (and new objects, when asked) publish to the topic; nothing else was named',
      ],
    },
    {
      // Only new objects are sent (s3:ObjectCreated:*): a deletion asked to notify is said, not met by the bare topic.
      when: pairs(NOTIFY_WORDS, ['delete', 'deleted', 'deletes', 'deletion', 'remove', 'removed', 'removes']),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'no deletion is published: the bucket sends only new objects (s3:ObjectCreated:*) to the topic, when asked; an s3:ObjectRemoved:* notification would send deletions',
    },
    {
      // `Only the security team role can read the bucket`: the bucket's policy denies only non-TLS
      // requests. A principal must be named: `TLS-only access` limits how, not who.
      when: pairs(['only'], READ_WORDS).flatMap((pair) =>
        PRINCIPAL_WORDS.map((principal) => [...pair, principal]),
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated:
        'no bucket policy limits who reads the bucket: any principal of the account whose IAM policy allows s3:GetObject reads it; a Deny on s3:GetObject for every aws:PrincipalArn but the role would',
    },
    {
      when: anyOf('replicate', 'replicated', 'replication', 'cross region', 'region', 'regions'),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: 'no replication is generated: the bucket lives in one region',
    },
    {
      when: anyOf(
        'access logs',
        'access log',
        'access logging',
        'access logged',
        'access is logged',
        'log access',
        'logs access',
        'server access',
        // `a bucket for audit logs` says what it holds; asking who read it is `access is audited`.
        'audited',
        'audit access',
        'access audit',
        'audit reads',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: 'no access logging is generated for the bucket',
    },
    {
      // An AWS service writing its logs here is log delivery, granted by a bucket policy for the
      // service's principal, not server access logging (which records who read the bucket).
      when: anyOf(
        'cloudtrail',
        'flow log',
        'flow logs',
        'aws config',
        'config snapshots',
        'config history',
        'load balancer logs',
        'alb logs',
        'elb logs',
        'log delivery',
        'deliver logs',
        'delivers logs',
      ),
      implementedBy: '',
      tests: [],
      resources: [],
      notGenerated: LOG_DELIVERY_NOT_GENERATED,
    },
  ];
  if (asks.objectNotifications) {
    capabilities.unshift({
      when: pairs(NOTIFY_WORDS, ARRIVAL_WORDS),
      implementedBy: `every new object${asks.notificationPrefix === undefined ? '' : ` under ${asks.notificationPrefix}`} (s3:ObjectCreated:*) publishes to the encrypted notifications topic`,
      tests: [test(OBJECT_NOTIFICATIONS_TITLE)],
      resources: ['DataBucket', 'NotificationsTopicPolicy'],
      gaps: notificationPrefixGaps(input, asks),
    });
  }
  const expiryAsks = pairs(EXPIRY_WORDS, ['after', 'days', 'day', 'months', 'month', 'years', 'year']);
  capabilities.unshift({
    when: anyOf('multipart', 'incomplete upload', 'incomplete uploads'),
    implementedBy: `a lifecycle rule aborts incomplete multipart uploads after ${abortMultipartDays(asks)} days`,
    tests: [test(abortMultipartTitle(abortMultipartDays(asks)))],
    resources: ['DataBucket'],
  });
  if (asks.noncurrentDays !== undefined) {
    capabilities.unshift({
      // With the expiry words too, so `noncurrent versions expire after 30 days` is this, not also the objects' expiry.
      when: [
        ['noncurrent'],
        ...pairs(['previous', 'prior', 'old', 'older', 'earlier', 'overwritten'], ['version', 'versions']),
      ].flatMap((versions) => [versions, ...expiryAsks.map((expiry) => [...versions, ...expiry])]),
      implementedBy: `old versions expire after ${asks.noncurrentDays} days (parameter NoncurrentVersionRetentionDays)`,
      tests: [test(noncurrentTitle(asks.noncurrentDays))],
      resources: ['DataBucket'],
    });
  }
  capabilities.unshift(...lifecycleCapabilities({ asks, plan, test }));
  return asks.email === undefined ? capabilities : capabilities.map((one) => emailed(one, asks, test));
}

/**
 * A capability that publishes to the topic also emails, when someone asked to be emailed: the
 * topic's email subscription is what reaches them, so a text asking for an email is met by it.
 */
function emailed(
  capability: Capability,
  asks: InfrastructureAsks,
  test: (title: string) => TestEvidence,
): Capability {
  const address = asks.email?.address;
  if (!capability.resources.some((resource) => resource.startsWith('NotificationsTopic'))) return capability;
  return {
    ...capability,
    implementedBy: `${capability.implementedBy}, which emails NotificationEmail (${address ?? 'set at deploy time'}) once the address confirms the subscription`,
    tests: [...capability.tests, test(EMAIL_TITLE)],
    resources: [...capability.resources, 'NotificationsEmailSubscription'],
    channels: ['email'],
    gaps: [
      ...(capability.gaps ?? []),
      ...(address === undefined
        ? ['nobody is emailed until NotificationEmail is set at deploy time: the request named no address']
        : []),
    ],
  };
}

/**
 * Prefixes asks to notify named that the notification does not filter on (they named different
 * prefixes, or some named none): every new object publishes, so the row says so.
 */
function notificationPrefixGaps(input: BlueprintInput, asks: InfrastructureAsks): string[] {
  if (asks.notificationPrefix !== undefined) return [];
  const texts = [
    ...input.descriptionSentences.flatMap((sentence) => sentence.clauses.map((clause) => clause.text)),
    ...input.stories.map((story) => story.text),
  ];
  const named = [...new Set(texts.flatMap((text) => objectPrefixIn(text) ?? []))];
  return named.length === 0
    ? []
    : [
        `the notification is not limited to ${named.join(', ')}: the asks to notify named different prefixes (or none), so every new object publishes; add a Filter (S3Key prefix) to the TopicConfiguration for one`,
      ];
}
