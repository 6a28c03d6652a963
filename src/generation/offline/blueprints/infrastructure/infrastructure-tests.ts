import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { readTemplateFile } from '../../project/read-template-file.js';
import type { InfrastructureAsks } from './infrastructure-asks.js';
import { abortMultipartDays, noncurrentVersionDays } from './infrastructure-asks.js';
import type { ObjectLockAsk, RetentionAsk } from './lifecycle-asks.js';
import type { LifecyclePlan } from './lifecycle-plan.js';
import {
  OBJECT_NOTIFICATIONS_TITLE,
  OUTPUTS_TEST_FILE,
  TEMPLATE_TEST_FILE,
  TITLES,
  EMAIL_TITLE,
  abortMultipartTitle,
  expirationTitle,
  noncurrentTitle,
  objectLockTitle,
  retentionTitle,
  transitionTitle,
} from './infrastructure-test-titles.js';

const FIXTURE = `const OUTPUTS = [
  { OutputKey: 'DataBucketName', OutputValue: 'foundation-data-bucket' },
  { OutputKey: 'DataBucketArn', OutputValue: 'arn:aws:s3:::foundation-data-bucket' },
  { OutputKey: 'DataKeyArn', OutputValue: 'arn:aws:kms:ap-southeast-2:123456789012:key/0000' },
  { OutputKey: 'NotificationsTopicArn', OutputValue: 'arn:aws:sns:ap-southeast-2:123456789012:topic' },
];
`;

const STACK_OUTPUTS_TEST = `import { objectKey } from '../src/object-keys';
import { readFoundationOutputs } from '../src/stack-outputs';

${FIXTURE}
describe('readFoundationOutputs', () => {
  it(${codeLiteral(TITLES.outputs)}, () => {
    expect(readFoundationOutputs(OUTPUTS)).toEqual({
      dataBucketName: 'foundation-data-bucket',
      dataBucketArn: 'arn:aws:s3:::foundation-data-bucket',
      dataKeyArn: 'arn:aws:kms:ap-southeast-2:123456789012:key/0000',
      notificationsTopicArn: 'arn:aws:sns:ap-southeast-2:123456789012:topic',
    });
  });

  it('names every missing output', () => {
    expect(() => readFoundationOutputs(OUTPUTS.slice(0, 2))).toThrow('DataKeyArn is missing; NotificationsTopicArn is missing');
  });

  it('rejects an ARN output that is not an ARN', () => {
    const outputs = OUTPUTS.map((output) => (output.OutputKey === 'DataKeyArn' ? { ...output, OutputValue: 'key-0000' } : output));
    expect(() => readFoundationOutputs(outputs)).toThrow('DataKeyArn is not an ARN');
  });
});

describe('objectKey', () => {
  it('files objects under their area by date', () => {
    expect(objectKey({ area: 'reports', name: 'daily.csv', date: new Date('2030-02-03T10:00:00Z') })).toBe('reports/2030/02/03/daily.csv');
  });

  it('refuses segments that could escape the area', () => {
    for (const name of ['../secrets', 'a/b', '', '.hidden']) {
      expect(() => objectKey({ area: 'reports', name, date: new Date(0) })).toThrow('invalid key segment');
    }
  });
});
`;

/** Jest suites: reading outputs, key layout, and the template's promises, one test per requirement. */
export function infrastructureTests(
  baseDir: string,
  asks: InfrastructureAsks,
  plan: LifecyclePlan,
): GeneratedFile[] {
  const asked: string[] = [];
  for (const rule of plan.rules) {
    // The rule is found by its Id and must carry its prefix: a dropped prefix acts on every object.
    const findRule = `const rule = rules().find((one: { Id?: string }) => one.Id === ${codeLiteral(rule.id)});
    expect(rule?.Status).toBe('Enabled');
    expect(rule?.Prefix).toBe(${rule.prefix === undefined ? 'undefined' : codeLiteral(rule.prefix)});`;
    for (const move of rule.transitions)
      asked.push(`  it(${codeLiteral(transitionTitle(move))}, () => {
    ${findRule}
    expect(rule?.Transitions).toContainEqual({ StorageClass: ${codeLiteral(move.storageClass)}, TransitionInDays: ${move.days} });
    const days = (rule?.Transitions ?? []).map((transition: { TransitionInDays: number }) => transition.TransitionInDays);
    expect(days).toEqual([...days].sort((left: number, right: number) => left - right));
  });
`);
    if (rule.expiration !== undefined)
      asked.push(`  it(${codeLiteral(expirationTitle(rule.expiration.days, rule.prefix))}, () => {
    ${findRule}
    expect(rule?.ExpirationInDays).toBe(${rule.expiration.days});
    for (const transition of rule?.Transitions ?? []) expect(transition.TransitionInDays).toBeLessThan(${rule.expiration.days});
  });
`);
  }
  if (asks.retention !== undefined)
    asked.push(retentionTest(asks.retention, asks.noncurrentDays === undefined, asks.objectLock));
  if (asks.objectLock !== undefined && asks.retention?.locked !== true)
    asked.push(objectLockTest(asks.objectLock));
  const abortDays = abortMultipartDays(asks);
  asked.push(`  it(${codeLiteral(abortMultipartTitle(abortDays))}, () => {
    expect(rules()).toContainEqual(expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: ${abortDays} } }));
  });
`);
  if (asks.noncurrentDays !== undefined) {
    asked.push(`  it(${codeLiteral(noncurrentTitle(asks.noncurrentDays))}, () => {
    expect(readTemplate().Parameters?.['NoncurrentVersionRetentionDays']?.Default).toBe(${noncurrentVersionDays(asks)});
    expect(rules()).toContainEqual(expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'NoncurrentVersionRetentionDays' } } }));
  });
`);
  }
  if (asks.objectNotifications) {
    asked.push(`  it(${codeLiteral(OBJECT_NOTIFICATIONS_TITLE)}, () => {
    const { Resources } = readTemplate();
    expect(bucket().Properties.NotificationConfiguration).toEqual({ TopicConfigurations: [{ Event: 's3:ObjectCreated:*', ${
      asks.notificationPrefix === undefined
        ? ''
        : `Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: ${codeLiteral(asks.notificationPrefix)} }] } }, `
    }Topic: { Ref: 'NotificationsTopic' } }] });
    expect(bucket().DependsOn).toBe('NotificationsTopicPolicy');
    expect(statements('NotificationsTopicPolicy', 'PolicyDocument')).toContainEqual(expect.objectContaining({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sns:Publish' }));
    expect(statements('DataKey', 'KeyPolicy')).toContainEqual(expect.objectContaining({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' } }));
    expect(Resources['NotificationsTopic']?.Properties.KmsMasterKeyId).toEqual({ Ref: 'DataKey' });
  });
`);
  }
  if (asks.email !== undefined) {
    asked.push(`  it(${codeLiteral(EMAIL_TITLE)}, () => {
    const { Parameters, Conditions, Resources } = readTemplate();
    expect(Parameters?.['NotificationEmail']?.Default).toBe(${codeLiteral(asks.email.address ?? '')});
    expect(Conditions?.['HasNotificationEmail']).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'NotificationEmail' }, ''] }] });
    expect(Resources['NotificationsEmailSubscription']).toEqual({
      Type: 'AWS::SNS::Subscription',
      Condition: 'HasNotificationEmail',
      Properties: { TopicArn: { Ref: 'NotificationsTopic' }, Protocol: 'email', Endpoint: { Ref: 'NotificationEmail' } },
    });
  });
`);
  }
  const template = `import { readTemplate } from './read-template';

function bucket() {
  const resource = readTemplate().Resources['DataBucket'];
  if (resource === undefined) throw new Error('the template has no DataBucket');
  return resource;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lifecycle rules, checked by the assertions
function rules(): any[] {
  return bucket().Properties.LifecycleConfiguration.Rules;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- policy statements, checked by the assertions
function statements(id: string, documentProperty: string): any[] {
  return readTemplate().Resources[id]?.Properties[documentProperty]?.Statement ?? [];
}

describe('the foundation template', () => {
  it(${codeLiteral(TITLES.encrypted)}, () => {
    const { Resources } = readTemplate();
    expect(bucket().Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['DataKey', 'Arn'] } }, BucketKeyEnabled: true },
    ]);
    expect(Resources['DataKey']?.Properties.EnableKeyRotation).toBe(true);
  });

  it(${codeLiteral(TITLES.private)}, () => {
    expect(bucket().Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket().Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it(${codeLiteral(TITLES.retained)}, () => {
    const { Resources } = readTemplate();
    for (const id of ['DataBucket', 'DataKey']) {
      expect(Resources[id]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  it(${codeLiteral(TITLES.tls)}, () => {
    expect(statements('DataBucketPolicy', 'PolicyDocument')).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it(${codeLiteral(TITLES.versioned)}, () => {
    expect(bucket().Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(rules()).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'NoncurrentVersionRetentionDays' } } }));
  });

  it(${codeLiteral(TITLES.alarms)}, () => {
    expect(statements('NotificationsTopicPolicy', 'PolicyDocument')).toContainEqual(expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }));
    expect(statements('DataKey', 'KeyPolicy')).toContainEqual(expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' } }));
  });
});

describe('what the request asked of the template', () => {
${asked.length === 0 ? "  it('asked for nothing beyond the foundation', () => {\n    expect(bucket().Properties.ObjectLockEnabled).toBeUndefined();\n  });\n" : asked.join('\n')}});
`;
  return [
    { path: `${baseDir}/${OUTPUTS_TEST_FILE}`, role: 'test', content: STACK_OUTPUTS_TEST },
    readTemplateFile(baseDir),
    { path: `${baseDir}/${TEMPLATE_TEST_FILE}`, role: 'test', content: template },
  ];
}

/** Governance-mode Object Lock with the period asked. */
function objectLockTest(lock: ObjectLockAsk): string {
  const period =
    lock.duration.unit === 'years' ? `{ Years: ${lock.duration.amount} }` : `{ Days: ${lock.days} }`;
  return `  it(${codeLiteral(objectLockTitle(lock))}, () => {
    const properties = bucket().Properties;
    expect(properties.ObjectLockEnabled).toBe(true);
    expect(properties.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', ...${period} } } });
  });
`;
}

/**
 * Object Lock for a retention asked to be locked; otherwise the floor: no expiry of the retention's
 * scope comes sooner, and old versions stay at least as long, so a deleted object can be restored.
 */
function retentionTest(retention: RetentionAsk, versionsFollow: boolean, lock?: ObjectLockAsk): string {
  if (retention.locked) return objectLockTest(retention);
  const scoped =
    retention.prefix === undefined
      ? ''
      : ` && (rule.Prefix === undefined || ${codeLiteral(retention.prefix)}.startsWith(rule.Prefix))`;
  return `  it(${codeLiteral(retentionTitle(retention))}, () => {
    const expiring = rules().filter((rule: { Prefix?: string; ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined${scoped});
    for (const rule of expiring) expect(rule.ExpirationInDays).toBeGreaterThanOrEqual(${retention.days});${
      lock === undefined
        ? `
    expect(bucket().Properties.ObjectLockEnabled).toBeUndefined();`
        : ''
    }${
      versionsFollow
        ? `
    expect(readTemplate().Parameters?.['NoncurrentVersionRetentionDays']?.Default).toBeGreaterThanOrEqual(${retention.days});`
        : ''
    }
  });
`;
}
