import { Document, isScalar, visit } from 'yaml';
import { CHANGE_SET_NAME_PREFIX } from '../cloudformation/change-set-name.js';
import { deployRolePolicyStatements } from './deploy-role-policy.js';

/** The deploy workflow the role trusts; the README tells people to copy it under this path. */
export const DEPLOY_WORKFLOW_PATH = '.github/workflows/implementation-deploy.yml';
/** GitHub's OIDC issuer and the audience `aws-actions/configure-aws-credentials` asks for. */
const GITHUB_OIDC_URL = 'https://token.actions.githubusercontent.com';
const CLAIM = 'token.actions.githubusercontent.com';
const AUDIENCE = 'sts.amazonaws.com';

const sub = (text: string) => ({ 'Fn::Sub': text });
/** Statements granted only when their resource is configured: scope → the template condition. */
const OPTIONAL_SCOPES: Readonly<Partial<Record<string, string>>> = {
  'lock-table': 'HasLockTable',
  'code-bucket': 'HasCodeBucket',
  'task-tables': 'HasTaskTables',
  'deployments-bucket': 'HasDeploymentsBucket',
  'code-bucket-listing': 'HasCodeBucket',
  'deployments-bucket-listing': 'HasDeploymentsBucket',
  'event-bus': 'HasEventBus',
  'kms-key': 'HasKmsKey',
};
const ref = (name: string) => ({ Ref: name });

/**
 * The CloudFormation template for the deploy role and GitHub's OIDC provider, built from the one
 * list of operations (`DEPLOY_ROLE_OPERATIONS`). Two trust statements:
 * - the `deploy` job, which runs in a GitHub Environment (its protection rules apply): the token's
 *   `environment` is one of `DeployEnvironments` and it comes from the deploy workflow;
 * - the `control` job (`/cancel`, `/unlock`), which has no environment, so no reviewer or wait timer
 *   holds a cancel back: trusted by its workflow (`job_workflow_ref`) on the default branch, where
 *   `repository_dispatch` runs it.
 * AWS STS checks GitHub's `environment` and `job_workflow_ref` claims as condition keys ("AWS STS
 * supports validation of identity provider specific claims", AWS What's New, 2026-02).
 */
export function deployRoleTemplate(): Record<string, unknown> {
  const statements = deployRolePolicyStatements<unknown>({
    stack: [
      sub('arn:${AWS::Partition}:cloudformation:*:${AWS::AccountId}:stack/${StackNamePattern}/*'),
      sub(
        `arn:\${AWS::Partition}:cloudformation:*:\${AWS::AccountId}:changeSet/${CHANGE_SET_NAME_PREFIX}*/*`,
      ),
    ],
    'read-any': '*',
    'lock-table': sub('arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/${LockTableName}'),
    'code-bucket': sub('arn:${AWS::Partition}:s3:::${CodeBucketName}/${GitHubRepository}/code/*'),
    'task-tables': [
      sub('arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/${TasksTableName}'),
      sub('arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/${TasksTableName}/index/*'),
      sub('arn:${AWS::Partition}:dynamodb:*:${AWS::AccountId}:table/${ResultsTableName}'),
    ],
    'deployments-bucket': sub('arn:${AWS::Partition}:s3:::${DeploymentsBucketName}/${GitHubRepository}/*'),
    'code-bucket-listing': sub('arn:${AWS::Partition}:s3:::${CodeBucketName}'),
    'deployments-bucket-listing': sub('arn:${AWS::Partition}:s3:::${DeploymentsBucketName}'),
    'event-bus': sub('arn:${AWS::Partition}:events:*:${AWS::AccountId}:event-bus/${EventBusName}'),
    'kms-key': ref('KmsKeyArn'),
  }).map(({ scope, ...statement }) => {
    const condition = OPTIONAL_SCOPES[scope];
    return condition === undefined ? statement : { 'Fn::If': [condition, statement, ref('AWS::NoValue')] };
  });
  const federated = {
    'Fn::If': ['CreateOidcProvider', ref('GitHubOidcProvider'), ref('ExistingOidcProviderArn')],
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'implementation-agent: the IAM role its deploy workflow assumes through GitHub OIDC, and the OIDC provider',
    Parameters: PARAMETERS,
    Conditions: {
      CreateOidcProvider: { 'Fn::Equals': [ref('ExistingOidcProviderArn'), ''] },
      HasLockTable: { 'Fn::Not': [{ 'Fn::Equals': [ref('LockTableName'), ''] }] },
      HasCodeBucket: { 'Fn::Not': [{ 'Fn::Equals': [ref('CodeBucketName'), ''] }] },
      // Both tables or neither: deploy runs record the task only with both.
      HasTaskTables: {
        'Fn::And': [
          { 'Fn::Not': [{ 'Fn::Equals': [ref('TasksTableName'), ''] }] },
          { 'Fn::Not': [{ 'Fn::Equals': [ref('ResultsTableName'), ''] }] },
        ],
      },
      HasDeploymentsBucket: { 'Fn::Not': [{ 'Fn::Equals': [ref('DeploymentsBucketName'), ''] }] },
      HasEventBus: { 'Fn::Not': [{ 'Fn::Equals': [ref('EventBusName'), ''] }] },
      HasKmsKey: { 'Fn::Not': [{ 'Fn::Equals': [ref('KmsKeyArn'), ''] }] },
      HasTemplateResourcePolicies: {
        'Fn::Not': [{ 'Fn::Equals': [{ 'Fn::Join': ['', ref('TemplateResourcePolicyArns')] }, ''] }],
      },
    },
    Resources: {
      GitHubOidcProvider: {
        Type: 'AWS::IAM::OIDCProvider',
        Condition: 'CreateOidcProvider',
        Properties: { Url: GITHUB_OIDC_URL, ClientIdList: [AUDIENCE] },
      },
      DeployRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: sub(
            'Deploys ${GitHubRepository} through implementation-agent (${DeployWorkflowPath})',
          ),
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DeployJob',
                Effect: 'Allow',
                Principal: { Federated: federated },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringEquals: {
                    [`${CLAIM}:aud`]: AUDIENCE,
                    [`${CLAIM}:environment`]: ref('DeployEnvironments'),
                  },
                  StringLike: {
                    [`${CLAIM}:sub`]: sub('repo:${GitHubRepository}:environment:*'),
                    [`${CLAIM}:job_workflow_ref`]: sub('${GitHubRepository}/${DeployWorkflowPath}@*'),
                  },
                },
              },
              {
                Sid: 'ControlJob',
                Effect: 'Allow',
                Principal: { Federated: federated },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringEquals: {
                    [`${CLAIM}:aud`]: AUDIENCE,
                    [`${CLAIM}:sub`]: sub('repo:${GitHubRepository}:ref:refs/heads/${DefaultBranch}'),
                    [`${CLAIM}:job_workflow_ref`]: sub(
                      '${GitHubRepository}/${DeployWorkflowPath}@refs/heads/${DefaultBranch}',
                    ),
                  },
                },
              },
            ],
          },
          ManagedPolicyArns: {
            'Fn::If': ['HasTemplateResourcePolicies', ref('TemplateResourcePolicyArns'), ref('AWS::NoValue')],
          },
          Policies: [
            {
              PolicyName: 'implementation-agent-deploy',
              PolicyDocument: { Version: '2012-10-17', Statement: statements },
            },
          ],
        },
      },
    },
    Outputs: {
      DeployRoleArn: {
        Description:
          'Set this as the repository variable AWS_DEPLOY_ROLE_ARN (the control job has no environment)',
        Value: { 'Fn::GetAtt': ['DeployRole', 'Arn'] },
      },
      OidcProviderArn: {
        Description: "GitHub's OIDC provider in this account",
        Value: federated,
      },
    },
  };
}

const PARAMETERS = {
  GitHubRepository: {
    Type: 'String',
    Description: 'The repository that deploys, as owner/name',
    AllowedPattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$',
  },
  DefaultBranch: {
    Type: 'String',
    Default: 'main',
    Description: "The repository's default branch, where /cancel and /unlock run the control job",
  },
  DeployWorkflowPath: {
    Type: 'String',
    Default: DEPLOY_WORKFLOW_PATH,
    Description: 'Where the deploy workflow lives in the repository',
  },
  DeployEnvironments: {
    Type: 'CommaDelimitedList',
    Default: 'development,staging,production',
    Description: 'The GitHub Environments the deploy job may deploy to (the environments of your config)',
  },
  StackNamePattern: {
    Type: 'String',
    Default: '*',
    Description:
      'The stacks the role may deploy, as a name pattern (e.g. orders-*); * for any stack in the account',
  },
  LockTableName: {
    Type: 'String',
    Default: '',
    Description: 'The DynamoDB table of mirrors.locks_table, if you use one; empty for none',
  },
  CodeBucketName: {
    Type: 'String',
    Default: '',
    Description:
      'The bucket packaged Lambda code is uploaded to (mirrors.deployments_bucket or an environment code_bucket); empty for none',
  },
  TasksTableName: {
    Type: 'String',
    Default: '',
    Description: 'The DynamoDB table of mirrors.tasks_table, if you use one; empty for none',
  },
  ResultsTableName: {
    Type: 'String',
    Default: '',
    Description: 'The DynamoDB table of mirrors.results_table, if you use one; empty for none',
  },
  DeploymentsBucketName: {
    Type: 'String',
    Default: '',
    Description:
      'The bucket of mirrors.deployments_bucket, if you use one (deployment records, templates over 51,200 bytes, nested stack templates); empty for none',
  },
  EventBusName: {
    Type: 'String',
    Default: '',
    Description:
      'The name of the EventBridge bus of mirrors.event_bus (in this account), if you use one; empty for none',
    AllowedPattern: '^[/.\\-_A-Za-z0-9]{0,256}$',
  },
  KmsKeyArn: {
    Type: 'String',
    Default: '',
    Description:
      'The ARN of the KMS key of mirrors.kms_key_id (a key ARN, not an alias: IAM grants KMS use on the key), if you use one; empty for none',
    AllowedPattern: '^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+)?$',
  },
  TemplateResourcePolicyArns: {
    Type: 'CommaDelimitedList',
    Default: '',
    Description:
      'Managed policies for what your templates create (CloudFormation creates it with this role), e.g. Lambda, API Gateway, DynamoDB, IAM',
  },
  ExistingOidcProviderArn: {
    Type: 'String',
    Default: '',
    Description:
      "The ARN of GitHub's OIDC provider if this account already has one (an account holds one per URL); empty to create it",
  },
};

/** The template as committed in `infrastructure/deploy-role.yaml`. */
export function renderDeployRoleTemplate(): string {
  const header = [
    '# Generated by `npm run generate:deploy-role` from src/aws/iam/deploy-role-operations.ts, the one',
    '# list of AWS operations the deploy path calls. Do not edit by hand; a test keeps it current.',
    '#',
    '# aws cloudformation deploy --template-file infrastructure/deploy-role.yaml \\',
    '#   --stack-name implementation-agent-deploy-role --capabilities CAPABILITY_IAM \\',
    '#   --parameter-overrides GitHubRepository=<owner>/<repo>',
  ].join('\n');
  // No anchors or aliases (CloudFormation rejects them), and dates quoted so that YAML 1.1
  // readers keep `2012-10-17` a string, as IAM and the template format version need.
  const document = new Document(deployRoleTemplate(), { aliasDuplicateObjects: false });
  visit(document, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value))
        node.type = 'QUOTE_SINGLE';
    },
  });
  return `${header}\n${document.toString({ lineWidth: 0 })}`;
}
