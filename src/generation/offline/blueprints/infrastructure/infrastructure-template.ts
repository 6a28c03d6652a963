import type { BlueprintInput } from '../../blueprint-input.js';
import { getAtt, notEquals, ref, sub } from '../../cfn/intrinsics.js';
import type { TemplateMap } from '../../cfn/intrinsics.js';
import { renderTemplate } from '../../cfn/render-template.js';
import { standardParameters } from '../../cfn/standard-parameters.js';
import { standardTags } from '../../cfn/standard-tags.js';
import type { TemplatePart } from '../../cfn/template-part.js';
import type { InfrastructureAsks } from './infrastructure-asks.js';
import { abortMultipartDays, noncurrentVersionDays } from './infrastructure-asks.js';
import type { LifecyclePlan } from './lifecycle-plan.js';

/** Explicit key-administration and use actions for the account (which IAM policies then delegate), rather than `kms:*`. */
const ACCOUNT_KEY_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
];

function output(description: string, value: TemplateMap[string], exportSuffix: string): TemplateMap {
  return {
    Description: description,
    Value: value,
    Export: { Name: sub(`\${AWS::StackName}-${exportSuffix}`) },
  };
}

/** A customer-managed key, an encrypted private bucket and an encrypted notifications topic, exported for other stacks; retention, storage-class moves and object notifications when asked. */
export function infrastructureTemplate(
  input: BlueprintInput,
  asks: InfrastructureAsks,
  plan: LifecyclePlan,
): string {
  const { slug, pascal } = input.names;
  const bucketArn = (): TemplateMap[string] => getAtt('DataBucket', 'Arn');
  const sourceAccount = () => ({ StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } });
  return renderTemplate({
    description: `${pascal}: encrypted storage and notifications foundation (infrastructure blueprint, implementation-agent)`,
    parts: [
      standardParameters({ environment: input.environment, withFunctionCode: false }),
      {
        parameters: {
          NoncurrentVersionRetentionDays: {
            Type: 'Number',
            Default: noncurrentVersionDays(asks),
            MinValue: 1,
            Description: 'Days old object versions are kept before expiry',
          },
        },
      },
      emailPart(asks),
      {
        resources: {
          DataKey: {
            Type: 'AWS::KMS::Key',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            Properties: {
              Description: `${pascal} data key`,
              EnableKeyRotation: true,
              PendingWindowInDays: 30,
              KeyPolicy: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'AccountAdministersAndUsesKeyThroughIam',
                    Effect: 'Allow',
                    Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
                    Action: ACCOUNT_KEY_ACTIONS,
                    Resource: '*',
                  },
                  {
                    Sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
                    Effect: 'Allow',
                    Principal: { Service: 'cloudwatch.amazonaws.com' },
                    Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
                    Resource: '*',
                    Condition: sourceAccount(),
                  },
                  ...(asks.objectNotifications
                    ? [
                        {
                          Sid: 'S3NotificationsPublishToEncryptedTopic',
                          Effect: 'Allow',
                          Principal: { Service: 's3.amazonaws.com' },
                          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
                          Resource: '*',
                          Condition: sourceAccount(),
                        },
                      ]
                    : []),
                ],
              },
              Tags: standardTags(slug),
            },
          },
          DataKeyAlias: {
            Type: 'AWS::KMS::Alias',
            Properties: { AliasName: sub(`alias/${slug}-\${EnvironmentName}`), TargetKeyId: ref('DataKey') },
          },
          DataBucket: {
            Type: 'AWS::S3::Bucket',
            DeletionPolicy: 'Retain',
            UpdateReplacePolicy: 'Retain',
            // S3 checks it may publish to the topic when the notification is configured.
            ...(asks.objectNotifications ? { DependsOn: 'NotificationsTopicPolicy' } : {}),
            Properties: {
              ...objectLock(asks),
              BucketEncryption: {
                ServerSideEncryptionConfiguration: [
                  {
                    ServerSideEncryptionByDefault: {
                      SSEAlgorithm: 'aws:kms',
                      KMSMasterKeyID: getAtt('DataKey', 'Arn'),
                    },
                    BucketKeyEnabled: true,
                  },
                ],
              },
              VersioningConfiguration: { Status: 'Enabled' },
              PublicAccessBlockConfiguration: {
                BlockPublicAcls: true,
                BlockPublicPolicy: true,
                IgnorePublicAcls: true,
                RestrictPublicBuckets: true,
              },
              OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
              LifecycleConfiguration: { Rules: lifecycleRules(asks, plan) },
              ...(asks.objectNotifications
                ? {
                    NotificationConfiguration: {
                      TopicConfigurations: [objectCreatedNotification(asks)],
                    },
                  }
                : {}),
              Tags: standardTags(slug),
            },
          },
          DataBucketPolicy: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: {
              Bucket: ref('DataBucket'),
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'DenyInsecureTransport',
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 's3:*',
                    Resource: [bucketArn(), sub('${DataBucket.Arn}/*')],
                    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                  },
                ],
              },
            },
          },
          NotificationsTopic: {
            Type: 'AWS::SNS::Topic',
            Properties: { KmsMasterKeyId: ref('DataKey'), Tags: standardTags(slug) },
          },
          NotificationsTopicPolicy: {
            Type: 'AWS::SNS::TopicPolicy',
            Properties: {
              Topics: [ref('NotificationsTopic')],
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'CloudWatchAlarmsPublish',
                    Effect: 'Allow',
                    Principal: { Service: 'cloudwatch.amazonaws.com' },
                    Action: 'sns:Publish',
                    Resource: ref('NotificationsTopic'),
                    Condition: sourceAccount(),
                  },
                  ...(asks.objectNotifications
                    ? [
                        {
                          Sid: 'S3ObjectCreatedPublish',
                          Effect: 'Allow',
                          Principal: { Service: 's3.amazonaws.com' },
                          Action: 'sns:Publish',
                          Resource: ref('NotificationsTopic'),
                          Condition: sourceAccount(),
                        },
                      ]
                    : []),
                ],
              },
            },
          },
        },
        outputs: {
          DataBucketName: output('Encrypted, versioned, private bucket', ref('DataBucket'), 'DataBucketName'),
          DataBucketArn: output('ARN of the data bucket', bucketArn(), 'DataBucketArn'),
          DataKeyArn: output(
            'KMS key encrypting the bucket and topic',
            getAtt('DataKey', 'Arn'),
            'DataKeyArn',
          ),
          NotificationsTopicArn: output(
            'SNS topic for notifications and alarms',
            ref('NotificationsTopic'),
            'NotificationsTopicArn',
          ),
        },
      },
    ],
  });
}

/**
 * When someone asked to be emailed: an email subscription of the topic to NotificationEmail (the
 * request's address by default), made only when an address is set. SNS emails the address a
 * confirmation link first; nothing is delivered until it is followed
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-email-notifications.html).
 */
function emailPart(asks: InfrastructureAsks): TemplatePart {
  if (asks.email === undefined) return {};
  return {
    parameters: {
      NotificationEmail: {
        Type: 'String',
        Default: asks.email.address ?? '',
        AllowedPattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
        Description:
          'Address the notifications topic emails (it must confirm the subscription); empty for none',
      },
    },
    conditions: { HasNotificationEmail: notEquals(ref('NotificationEmail'), '') },
    resources: {
      NotificationsEmailSubscription: {
        Type: 'AWS::SNS::Subscription',
        Condition: 'HasNotificationEmail',
        Properties: {
          TopicArn: ref('NotificationsTopic'),
          Protocol: 'email',
          Endpoint: ref('NotificationEmail'),
        },
      },
    },
  };
}

/**
 * Governance-mode Object Lock keeps every version for the period the locking clause gave (else the
 * retention's), only when the request asks that objects cannot be deleted; it must be on when the bucket is made and never goes off.
 */
function objectLock(asks: InfrastructureAsks): TemplateMap {
  const lock = asks.objectLock;
  if (lock === undefined) return {};
  const period = lock.duration.unit === 'years' ? { Years: lock.duration.amount } : { Days: lock.days };
  return {
    ObjectLockEnabled: true,
    ObjectLockConfiguration: {
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', ...period } },
    },
  };
}

/**
 * Old versions expire and incomplete uploads are aborted; then one rule per prefix asked (the whole
 * bucket being one) moves its objects to colder storage and expires them, as planned. A rule asked
 * for a prefix carries it: without it the rule would act on every object of the bucket.
 */
function lifecycleRules(asks: InfrastructureAsks, plan: LifecyclePlan): TemplateMap[string][] {
  return [
    {
      Id: 'expire-old-versions',
      Status: 'Enabled',
      NoncurrentVersionExpiration: { NoncurrentDays: ref('NoncurrentVersionRetentionDays') },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: abortMultipartDays(asks) },
    },
    ...plan.rules.map((rule) => ({
      Id: rule.id,
      Status: 'Enabled',
      ...(rule.prefix === undefined ? {} : { Prefix: rule.prefix }),
      ...(rule.transitions.length === 0
        ? {}
        : {
            Transitions: rule.transitions.map((move) => ({
              StorageClass: move.storageClass,
              TransitionInDays: move.days,
            })),
          }),
      ...(rule.expiration === undefined ? {} : { ExpirationInDays: rule.expiration.days }),
    })),
  ];
}

/** New objects publish to the topic; only those under the prefix every ask to notify named, when one did. */
function objectCreatedNotification(asks: InfrastructureAsks): TemplateMap {
  return {
    Event: 's3:ObjectCreated:*',
    ...(asks.notificationPrefix === undefined
      ? {}
      : { Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: asks.notificationPrefix }] } } }),
    Topic: ref('NotificationsTopic'),
  };
}
