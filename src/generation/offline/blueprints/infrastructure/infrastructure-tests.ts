import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { readTemplateFile } from '../../project/read-template-file.js';
import type { InfrastructureAsks } from './infrastructure-asks.js';
import { abortMultipartDays, expirationDays } from './infrastructure-asks.js';
import {
  OBJECT_NOTIFICATIONS_TITLE,
  OUTPUTS_TEST_FILE,
  TEMPLATE_TEST_FILE,
  TITLES,
  EMAIL_TITLE,
  abortMultipartTitle,
  expirationTitle,
  noncurrentTitle,
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
export function infrastructureTests(baseDir: string, asks: InfrastructureAsks): GeneratedFile[] {
  const asked: string[] = [];
  for (const move of asks.transitions) {
    asked.push(`  it(${codeLiteral(transitionTitle(move))}, () => {
    expect(bucket().Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Status: 'Enabled', Transitions: expect.arrayContaining([{ StorageClass: ${codeLiteral(move.storageClass)}, TransitionInDays: ${move.days} }]) }),
    );
  });
`);
  }
  const expiresAfter = expirationDays(asks);
  if (asks.retention !== undefined) {
    const period =
      asks.retention.duration.unit === 'years'
        ? `{ Years: ${asks.retention.duration.amount} }`
        : `{ Days: ${asks.retention.days} }`;
    asked.push(`  it(${codeLiteral(retentionTitle(asks.retention))}, () => {
    const properties = bucket().Properties;
    expect(properties.ObjectLockEnabled).toBe(true);
    expect(properties.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', ...${period} } } });
${
  expiresAfter === undefined
    ? `    // Kept, not deleted: nothing asked to delete objects when the retention ends.
    expect(properties.LifecycleConfiguration.Rules.filter((rule: { ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined)).toEqual([]);`
    : `    expect(properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpirationInDays: ${expiresAfter} }));`
}
  });
`);
  }
  if (asks.expiration !== undefined && expiresAfter !== undefined) {
    const prefix = asks.expiration.prefix;
    asked.push(`  it(${codeLiteral(expirationTitle(expiresAfter, prefix))}, () => {
    const expiring = bucket().Properties.LifecycleConfiguration.Rules.filter((rule: { ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined);
    expect(expiring).toEqual([expect.objectContaining({ Status: 'Enabled', ${prefix === undefined ? '' : `Prefix: ${codeLiteral(prefix)}, `}ExpirationInDays: ${expiresAfter} })]);
  });
`);
  }
  const abortDays = abortMultipartDays(asks);
  asked.push(`  it(${codeLiteral(abortMultipartTitle(abortDays))}, () => {
    expect(bucket().Properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: ${abortDays} } }));
  });
`);
  if (asks.noncurrentDays !== undefined) {
    asked.push(`  it(${codeLiteral(noncurrentTitle(asks.noncurrentDays))}, () => {
    expect(readTemplate().Parameters?.['NoncurrentVersionRetentionDays']?.Default).toBe(${asks.noncurrentDays});
    expect(bucket().Properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'NoncurrentVersionRetentionDays' } } }));
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

  it(${codeLiteral(TITLES.tls)}, () => {
    expect(statements('DataBucketPolicy', 'PolicyDocument')).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it(${codeLiteral(TITLES.versioned)}, () => {
    expect(bucket().Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket().Properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'NoncurrentVersionRetentionDays' } } }));
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
