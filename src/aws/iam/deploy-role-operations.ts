/**
 * What an operation may touch, which decides the `Resource` of its policy statement:
 * - `stack`: the deployed stacks and the change sets this agent names (`implementation-agent-*`);
 * - `read-any`: reads whose resources the deploy cannot know in advance (the CodeDeploy groups a
 *   stack created, the environment's alarms), granted on `*`;
 * - `lock-table`: the DynamoDB deploy lock table, only when one is configured;
 * - `code-bucket`: the repository's packaged Lambda code (`<bucket>/<owner>/<repo>/code/*`), only when
 *   a code bucket is configured;
 * - `task-tables`: the task mirror's tables (`mirrors.tasks_table` with its indexes,
 *   `mirrors.results_table`), where deploy runs move the task's deploy state, only when configured;
 * - `deployments-bucket`: the repository's deployment records (`<bucket>/<owner>/<repo>/*`), only
 *   when `mirrors.deployments_bucket` is configured;
 * - `code-bucket-listing`, `deployments-bucket-listing`: the bucket itself (`s3:ListBucket` is
 *   granted on the bucket, not its objects), so that S3 answers a read of a key that is not there
 *   with 404 rather than 403 (S3 API Reference, HeadObject and GetObject, "Permissions");
 * - `event-bus`: `mirrors.event_bus`, where deploy runs send Deploy Started/Succeeded/Failed and
 *   Rolled Back, only when configured;
 * - `kms-key`: the key of `mirrors.kms_key_id`, under which the deploy run writes and reads back
 *   SSE-KMS objects, only when configured.
 * An action may appear under several scopes; each (action, scope) pair once.
 */
export type DeployRoleScope =
  | 'stack'
  | 'read-any'
  | 'lock-table'
  | 'code-bucket'
  | 'code-bucket-listing'
  | 'task-tables'
  | 'deployments-bucket'
  | 'deployments-bucket-listing'
  | 'event-bus'
  | 'kms-key';

export interface DeployRoleOperation {
  /** The IAM action, `service:Operation`; for these services it is the API operation's own name. */
  readonly action: `${'cloudformation' | 'codedeploy' | 'cloudwatch' | 'dynamodb' | 's3' | 'events' | 'kms'}:${string}`;
  readonly scope: DeployRoleScope;
  /** Which step of the deploy path calls it, for people reading the policy. */
  readonly usedFor: string;
}

/**
 * Every AWS operation the deploy path calls (`mode: deploy`: deployments, `/cancel`, `/unlock`), and
 * the permissions those calls need besides their own (`s3:ListBucket` for an honest 404, KMS for
 * SSE-KMS objects), the one list the deploy role's policy is generated from
 * (`infrastructure/deploy-role.yaml`, the README). Tests derive what the deploy path's code can send
 * (every file the deploy entry point imports) and check it against this list, both ways.
 * Action names and resource types: AWS Service Authorization Reference, "Actions, resources, and
 * condition keys" for AWS CloudFormation, AWS CodeDeploy, Amazon CloudWatch, Amazon DynamoDB and
 * Amazon S3 (where `HeadObject` is authorised as `s3:GetObject`), Amazon EventBridge and AWS KMS;
 * S3 User Guide, "Using server-side encryption with AWS KMS keys" (an SSE-KMS upload needs
 * `kms:GenerateDataKey` on the key, a download `kms:Decrypt`).
 */
export const DEPLOY_ROLE_OPERATIONS: readonly DeployRoleOperation[] = [
  { action: 'cloudformation:DescribeStacks', scope: 'stack', usedFor: 'stack status, outputs, polling' },
  {
    action: 'cloudformation:DescribeStackEvents',
    scope: 'stack',
    usedFor: 'the event log and failing resource',
  },
  { action: 'cloudformation:CreateChangeSet', scope: 'stack', usedFor: 'every deploy and dry run' },
  { action: 'cloudformation:DescribeChangeSet', scope: 'stack', usedFor: 'the change set summary' },
  { action: 'cloudformation:ExecuteChangeSet', scope: 'stack', usedFor: 'running the change set' },
  { action: 'cloudformation:DeleteChangeSet', scope: 'stack', usedFor: 'dry runs and empty change sets' },
  {
    action: 'cloudformation:DeleteStack',
    scope: 'stack',
    usedFor: 'a stack left in ROLLBACK_COMPLETE, and the shell a dry run of a new stack reserves',
  },
  {
    action: 'cloudformation:UpdateTerminationProtection',
    scope: 'stack',
    usedFor: '`termination_protection`',
  },
  { action: 'cloudformation:CancelUpdateStack', scope: 'stack', usedFor: '`/cancel <env>`' },
  {
    action: 'cloudformation:ListStackResources',
    scope: 'stack',
    usedFor: 'finding the CodeDeploy groups of a traffic-shifting stack',
  },
  { action: 'codedeploy:ListDeployments', scope: 'read-any', usedFor: 'the traffic shift an update started' },
  {
    action: 'codedeploy:BatchGetDeployments',
    scope: 'read-any',
    usedFor: 'the traffic shift an update started',
  },
  { action: 'codedeploy:GetDeployment', scope: 'read-any', usedFor: 'following the traffic shift' },
  {
    action: 'codedeploy:ListDeploymentTargets',
    scope: 'read-any',
    usedFor: 'the Lambda alias being shifted',
  },
  {
    action: 'codedeploy:BatchGetDeploymentTargets',
    scope: 'read-any',
    usedFor: 'traffic weights and failed hooks',
  },
  { action: 'cloudwatch:DescribeAlarms', scope: 'read-any', usedFor: 'the bake window (`bake_minutes`)' },
  { action: 'dynamodb:GetItem', scope: 'lock-table', usedFor: 'the deploy lock (`mirrors.locks_table`)' },
  { action: 'dynamodb:PutItem', scope: 'lock-table', usedFor: 'taking the deploy lock' },
  { action: 'dynamodb:UpdateItem', scope: 'lock-table', usedFor: 'extending the deploy lock' },
  { action: 'dynamodb:DeleteItem', scope: 'lock-table', usedFor: 'releasing the lock, `/unlock <env>`' },
  { action: 's3:GetObject', scope: 'code-bucket', usedFor: 'whether packaged code is uploaded (HeadObject)' },
  { action: 's3:PutObject', scope: 'code-bucket', usedFor: 'uploading packaged Lambda code by content hash' },
  {
    action: 'dynamodb:GetItem',
    scope: 'task-tables',
    usedFor: "the task's record and whether an event is kept",
  },
  {
    action: 'dynamodb:PutItem',
    scope: 'task-tables',
    usedFor: "the task's deploy state (conditional on its version) and its deploy events",
  },
  {
    action: 'dynamodb:Query',
    scope: 'task-tables',
    usedFor: "a task's events and tasks by status (the task stores' reads)",
  },
  {
    action: 's3:GetObject',
    scope: 'deployments-bucket',
    usedFor:
      'rollbacks read the exact template and parameters back; whether a nested template is uploaded (HeadObject)',
  },
  {
    action: 's3:PutObject',
    scope: 'deployments-bucket',
    usedFor:
      "each deployment's template, parameters and outputs; templates over 51,200 bytes for TemplateURL; nested stack templates by content hash",
  },
  {
    action: 's3:ListBucket',
    scope: 'code-bucket-listing',
    usedFor: 'S3 answers 404, not 403, for code not uploaded yet (HeadObject)',
  },
  {
    action: 's3:ListBucket',
    scope: 'deployments-bucket-listing',
    usedFor: 'S3 answers 404, not 403, for a deployment never recorded (GetObject)',
  },
  {
    action: 'events:PutEvents',
    scope: 'event-bus',
    usedFor: 'Deploy Started/Succeeded/Failed/Rolled Back on `mirrors.event_bus`',
  },
  {
    action: 'kms:GenerateDataKey',
    scope: 'kms-key',
    usedFor: 'writing SSE-KMS objects under `mirrors.kms_key_id`',
  },
  {
    action: 'kms:Decrypt',
    scope: 'kms-key',
    usedFor: 'reading SSE-KMS templates and parameters back (rollbacks)',
  },
];
