import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEPLOY_ROLE_OPERATIONS } from '../../../src/aws/iam/deploy-role-operations.js';
import { withDeployRoleReadmeBlock } from '../../../src/aws/iam/deploy-role-readme-block.js';
import {
  DEPLOY_WORKFLOW_PATH,
  deployRoleTemplate,
  renderDeployRoleTemplate,
} from '../../../src/aws/iam/deploy-role-template.js';

const root = new URL('../../../', import.meta.url);
const TEMPLATE_FILE = new URL('infrastructure/deploy-role.yaml', root);
const read = (relative: string) => readFileSync(new URL(relative, root), 'utf8');

interface Statement {
  Sid: string;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}
type Template = {
  Resources: {
    DeployRole: {
      Properties: {
        AssumeRolePolicyDocument: { Statement: Statement[] };
        Policies: Array<{
          PolicyDocument: { Statement: Array<Statement | { 'Fn::If': [string, Statement, unknown] }> };
        }>;
      };
    };
  };
};

const template = deployRoleTemplate() as unknown as Template;
const role = template.Resources.DeployRole.Properties;
const trust = (sid: string) =>
  role.AssumeRolePolicyDocument.Statement.find((statement) => statement.Sid === sid);
const CLAIM = 'token.actions.githubusercontent.com';

describe('the deploy role template, generated from the one list of AWS operations', () => {
  it('is committed as generated (run `npm run generate:deploy-role` after changing the list)', () => {
    expect(readFileSync(TEMPLATE_FILE, 'utf8')).toBe(renderDeployRoleTemplate());
  });

  it('has the README show the policy as generated', () => {
    const readme = read('README.md');
    expect(withDeployRoleReadmeBlock(readme)).toBe(readme);
    for (const { action } of DEPLOY_ROLE_OPERATIONS) expect(readme).toContain(`"${action}"`);
  });

  it('grants exactly the listed actions', () => {
    const granted = role.Policies.flatMap((policy) =>
      policy.PolicyDocument.Statement.map((statement) =>
        'Fn::If' in statement ? statement['Fn::If'][1] : statement,
      ),
    ).flatMap((statement) => statement.Action);
    expect([...granted].sort()).toEqual(DEPLOY_ROLE_OPERATIONS.map((operation) => operation.action).sort());
  });

  it('trusts the control job by its workflow on the default branch, with no environment, so /cancel is never held back', () => {
    expect(trust('ControlJob')?.Condition).toEqual({
      StringEquals: {
        [`${CLAIM}:aud`]: 'sts.amazonaws.com',
        [`${CLAIM}:sub`]: { 'Fn::Sub': 'repo:${GitHubRepository}:ref:refs/heads/${DefaultBranch}' },
        [`${CLAIM}:job_workflow_ref`]: {
          'Fn::Sub': '${GitHubRepository}/${DeployWorkflowPath}@refs/heads/${DefaultBranch}',
        },
      },
    });
  });

  it('trusts the deploy job only in the listed environments and from the deploy workflow', () => {
    expect(trust('DeployJob')?.Condition).toEqual({
      StringEquals: {
        [`${CLAIM}:aud`]: 'sts.amazonaws.com',
        [`${CLAIM}:environment`]: { Ref: 'DeployEnvironments' },
      },
      StringLike: {
        [`${CLAIM}:sub`]: { 'Fn::Sub': 'repo:${GitHubRepository}:environment:*' },
        [`${CLAIM}:job_workflow_ref`]: { 'Fn::Sub': '${GitHubRepository}/${DeployWorkflowPath}@*' },
      },
    });
  });

  it('uses no YAML aliases, which CloudFormation refuses, and keeps dates as strings', () => {
    const text = renderDeployRoleTemplate();
    expect(text).not.toMatch(/[&*]a\d+\b/);
    expect((parse(text) as { AWSTemplateFormatVersion: unknown }).AWSTemplateFormatVersion).toBe(
      '2010-09-09',
    );
    expect(text).toContain("Version: '2012-10-17'");
  });
});

describe('the deploy workflow matches the role it assumes', () => {
  interface Job {
    environment?: string;
    steps: Array<{ uses?: string; with?: Record<string, string> }>;
  }
  const workflow = parse(read(DEPLOY_WORKFLOW_PATH)) as { jobs: { deploy: Job; control: Job } };
  const roleOf = (job: Job) =>
    job.steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials'))?.with?.[
      'role-to-assume'
    ];

  it('lives where the template says', () => {
    expect(existsSync(new URL(DEPLOY_WORKFLOW_PATH, root))).toBe(true);
  });

  it('runs the control job without an environment, and the deploy job in one', () => {
    expect(workflow.jobs.control.environment).toBeUndefined();
    expect(workflow.jobs.deploy.environment).toBe('${{ github.event.deployment.environment }}');
  });

  it('has both jobs assume the role from a repository variable, which a job without an environment can read', () => {
    expect(roleOf(workflow.jobs.deploy)).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    expect(roleOf(workflow.jobs.control)).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
  });
});

// cfn-lint is a Python tool; where it is missing the check is skipped, unless REQUIRE_CFN_LINT=1.
const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const hasCfnLint = cfnLint.status === 0;
const required = process.env.REQUIRE_CFN_LINT === '1';
const lintTitle = hasCfnLint
  ? 'cfn-lint'
  : 'cfn-lint (skipped: cfn-lint is not installed; pip install cfn-lint)';

describe(lintTitle, () => {
  (hasCfnLint || required ? it : it.skip)(
    'accepts the committed template',
    () => {
      const result = spawnSync('cfn-lint', [new URL(TEMPLATE_FILE).pathname], { encoding: 'utf8' });
      expect(result.error).toBeUndefined();
      expect(`${result.stdout}${result.stderr}`).toBe('');
      expect(result.status).toBe(0);
    },
    90_000,
  );
});
