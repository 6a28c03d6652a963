import { CHANGE_SET_NAME_PREFIX } from '../cloudformation/change-set-name.js';
import { DEPLOY_ROLE_OPERATIONS, type DeployRoleScope } from './deploy-role-operations.js';

export interface PolicyStatement<R> {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: R;
}

/** One statement per scope, in this order, each named for what it allows. */
const STATEMENTS: ReadonlyArray<{ readonly scope: DeployRoleScope; readonly sid: string }> = [
  { scope: 'stack', sid: 'DeployStacks' },
  { scope: 'read-any', sid: 'FollowTrafficShiftsAndAlarms' },
  { scope: 'lock-table', sid: 'DeployLock' },
  { scope: 'code-bucket', sid: 'PackagedCode' },
  { scope: 'task-tables', sid: 'TaskMirror' },
  { scope: 'deployments-bucket', sid: 'DeploymentRecords' },
  { scope: 'code-bucket-listing', sid: 'ListCodeBucket' },
  { scope: 'deployments-bucket-listing', sid: 'ListDeploymentsBucket' },
  { scope: 'event-bus', sid: 'LifecycleEvents' },
  { scope: 'kms-key', sid: 'MirrorKmsKey' },
];

/**
 * The deploy role's permission statements, generated from `DEPLOY_ROLE_OPERATIONS`: one per scope,
 * with the `Resource` the caller gives for that scope (CloudFormation intrinsics for the template,
 * placeholders for the README). Actions are sorted so the output is stable.
 */
export function deployRolePolicyStatements<R>(resources: {
  readonly [Scope in DeployRoleScope]: R;
}): Array<PolicyStatement<R> & { readonly scope: DeployRoleScope }> {
  return STATEMENTS.map(({ scope, sid }) => ({
    scope,
    Sid: sid,
    Effect: 'Allow' as const,
    Action: DEPLOY_ROLE_OPERATIONS.filter((operation) => operation.scope === scope)
      .map((operation) => operation.action)
      .sort(),
    Resource: resources[scope],
  }));
}

/** The policy as the README shows it: placeholders where the template fills in its parameters. */
export function documentedDeployRolePolicy(): string {
  const statements = deployRolePolicyStatements({
    stack: [
      'arn:aws:cloudformation:*:<account-id>:stack/<stack-name-pattern>/*',
      `arn:aws:cloudformation:*:<account-id>:changeSet/${CHANGE_SET_NAME_PREFIX}*/*`,
    ],
    'read-any': ['*'],
    'lock-table': ['arn:aws:dynamodb:*:<account-id>:table/<locks-table>'],
    'code-bucket': ['arn:aws:s3:::<code-bucket>/<owner>/<repo>/code/*'],
    'task-tables': [
      'arn:aws:dynamodb:*:<account-id>:table/<tasks-table>',
      'arn:aws:dynamodb:*:<account-id>:table/<tasks-table>/index/*',
      'arn:aws:dynamodb:*:<account-id>:table/<results-table>',
    ],
    'deployments-bucket': ['arn:aws:s3:::<deployments-bucket>/<owner>/<repo>/*'],
    'code-bucket-listing': ['arn:aws:s3:::<code-bucket>'],
    'deployments-bucket-listing': ['arn:aws:s3:::<deployments-bucket>'],
    'event-bus': ['arn:aws:events:*:<account-id>:event-bus/<event-bus>'],
    'kms-key': ['<kms-key-arn>'],
  }).map(({ scope: _scope, ...statement }) => statement);
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
