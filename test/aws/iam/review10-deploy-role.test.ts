import { DEPLOY_ROLE_OPERATIONS } from '../../../src/aws/iam/deploy-role-operations.js';
import { deployRoleTemplate, renderDeployRoleTemplate } from '../../../src/aws/iam/deploy-role-template.js';

/**
 * The deploy run writes the mirrors it is configured with (README "Mirrors": the deploy workflow's
 * steps go through the task's status board, then "the mirrors and the event bus"), under the role
 * `infrastructure/deploy-role.yaml` makes. What that role must allow for those writes to succeed on
 * real AWS (moto does not enforce IAM, so test:aws cannot see these).
 */
const actions = () => new Set<string>(DEPLOY_ROLE_OPERATIONS.map((operation) => operation.action));

describe('review10: the deploy role against what the deploy run writes', () => {
  it('the deploy role has events:PutEvents, so with mirrors.event_bus the Deploy Started/Succeeded/Failed of the deploy run are taken', () => {
    expect(actions().has('events:PutEvents')).toBe(true);
    expect(renderDeployRoleTemplate()).toContain('events:PutEvents');
  });

  it('the deploy role has s3:ListBucket, so S3 answers HEAD of a not-yet-uploaded code zip with 404 and the first packaged deploy uploads it', () => {
    // AWS S3 docs (HeadObject): without s3:ListBucket a missing key answers 403 Forbidden, not 404;
    // upload-by-content-hash.ts `exists` only treats 404/NotFound as missing. The README's mirror
    // section itself lists ListBucket as needed.
    expect(actions().has('s3:ListBucket')).toBe(true);
  });

  it('with mirrors.kms_key_id the deploy role grants kms:GenerateDataKey to put SSE-KMS objects and kms:Decrypt to read templates back', () => {
    expect(actions().has('kms:GenerateDataKey')).toBe(true);
    expect(actions().has('kms:Decrypt')).toBe(true);
  });

  const policy = () =>
    (
      deployRoleTemplate() as {
        Resources: {
          DeployRole: {
            Properties: { Policies: Array<{ PolicyDocument: { Statement: unknown[] } }> };
          };
        };
      }
    ).Resources.DeployRole.Properties.Policies[0]!.PolicyDocument.Statement as Array<{
      'Fn::If': [string, { Sid: string; Action: string[]; Resource: unknown }, unknown];
    }>;
  const statement = (sid: string) => policy().find((entry) => entry['Fn::If']?.[1].Sid === sid)?.['Fn::If'];

  it('grants ListBucket on the buckets themselves (the action applies to the bucket, not its objects), only when each is configured', () => {
    expect(statement('ListCodeBucket')).toEqual([
      'HasCodeBucket',
      {
        Sid: 'ListCodeBucket',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${CodeBucketName}' },
      },
      { Ref: 'AWS::NoValue' },
    ]);
    expect(statement('ListDeploymentsBucket')?.[0]).toBe('HasDeploymentsBucket');
  });

  it('grants PutEvents on the configured bus only, and the KMS actions on the configured key only', () => {
    expect(statement('LifecycleEvents')).toEqual([
      'HasEventBus',
      {
        Sid: 'LifecycleEvents',
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:events:*:${AWS::AccountId}:event-bus/${EventBusName}' },
      },
      { Ref: 'AWS::NoValue' },
    ]);
    expect(statement('MirrorKmsKey')).toEqual([
      'HasKmsKey',
      {
        Sid: 'MirrorKmsKey',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: { Ref: 'KmsKeyArn' },
      },
      { Ref: 'AWS::NoValue' },
    ]);
  });
});
