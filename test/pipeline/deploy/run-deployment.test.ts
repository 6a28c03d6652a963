import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import {
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  ListDeploymentsCommand,
} from '@aws-sdk/client-codedeploy';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import type { DeploymentPayload } from '../../../src/core/deploy/deployment-payload.js';
import type { DeployLock, DeployLockStore } from '../../../src/aws/dynamodb/deploy-lock.js';
import type { DeploymentStore } from '../../../src/core/deploy/deployment-store.js';
import { createLocalDeploymentStore } from '../../../src/local/local-deployment-store.js';
import { runDeployment, type DeployRunClient } from '../../../src/pipeline/deploy/run-deployment.js';
import {
  API_OUTPUTS,
  CHANGE_SET_ID,
  PREVIOUS_DEPLOY_EVENTS,
  REGION,
  STACK_ID,
  STACK_NAME,
  changeSetAnswer,
  describeStacksAnswer,
  resourceChange,
  stackEvent,
  stackItself,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from '../../aws/cloudformation/helpers/scripted-stack.js';
import { collectLog, virtualClock } from '../../aws/cloudformation/helpers/virtual-clock.js';
import {
  ALARM_MESSAGE,
  APPLICATION_NAME,
  DEPLOYMENT_GROUP_NAME,
  DEPLOYMENT_ID,
  ROLLBACK_DEPLOYMENT_ID,
  deploymentInfo,
} from '../../aws/codedeploy/helpers/codedeploy-fixtures.js';
import { scriptDeployment } from '../../aws/codedeploy/helpers/scripted-deployment.js';

const SHA = 'd'.repeat(40);
const cfnMock = mockClient(CloudFormationClient);
const codedeployMock = mockClient(CodeDeployClient);
const cloudwatchMock = mockClient(CloudWatchClient);

const payload: DeploymentPayload = {
  version: 1,
  task_id: 'acme/shop#1',
  stack_name: STACK_NAME,
  template_path: 'services/orders-api/template.yaml',
  region: REGION,
  parameters: { Stage: 'staging' },
  checked_sha: SHA,
  requested_by: 'alice',
  pull_number: 42,
  dry_run: false,
};

/** A GitHub that records deployment statuses and comments, with the PR head and the template at the sha. */
function fakeGitHub(
  options: {
    headSha?: string;
    template?: string | null;
    history?: Array<{ id: number; sha: string; states: string[]; payload: unknown }>;
  } = {},
) {
  const statuses: Array<{
    deploymentId: number;
    state: string;
    description: string;
    environment_url?: string;
  }> = [];
  const comments: string[] = [];
  const created: Array<{ ref: string; payload: unknown }> = [];
  const client: DeployRunClient = {
    repos: {
      listDeployments: async () => ({
        data: (options.history ?? []).map((d) => ({
          id: d.id,
          sha: d.sha,
          ref: d.sha,
          environment: 'staging',
          created_at: '2026-11-24T09:00:00Z',
          creator: null,
          payload: d.payload as Record<string, unknown>,
        })),
      }),
      listDeploymentStatuses: async (p) => ({
        data: (options.history?.find((d) => d.id === p.deployment_id)?.states ?? []).map((state, index) => ({
          id: index,
          state: state as 'success',
          created_at: '2026-11-24T09:00:00Z',
        })),
      }),
      createDeployment: async (p) => {
        created.push({ ref: p.ref, payload: p.payload });
        return { status: 201, data: { id: 8000 + created.length } };
      },
      createDeploymentStatus: async (p) => {
        statuses.push({
          deploymentId: p.deployment_id,
          state: p.state,
          description: p.description,
          ...(p.environment_url ? { environment_url: p.environment_url } : {}),
        });
        return {};
      },
      getContent: async (p) => {
        if (options.template === null || p.ref !== SHA)
          throw Object.assign(new Error('Not Found'), { status: 404 });
        return {
          data: {
            type: 'file',
            content: Buffer.from(options.template ?? 'Resources: {}').toString('base64'),
          },
        };
      },
    },
    pulls: {
      get: async () => ({
        data: {
          number: 42,
          state: 'open',
          merged: false,
          merge_commit_sha: null,
          head: { sha: options.headSha ?? SHA, ref: 'implementation/1-orders-api' },
          base: { ref: 'main' },
        },
      }),
      listReviews: async () => ({ data: [] }),
      listCommits: async () => ({ data: [] }),
    },
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (p) => {
        comments.push(p.body);
        return { data: { id: comments.length } };
      },
      updateComment: async () => ({}),
    },
  };
  return { client, statuses, comments, created };
}

/** A lock store that is either free (and records acquire/release) or held by someone else. */
function fakeLocks(heldBy?: DeployLock) {
  const calls: string[] = [];
  const store: DeployLockStore = {
    acquire: async (p) => {
      calls.push(`acquire ${p.environment} for ${p.holder}, ttl ${p.ttlSeconds}`);
      if (heldBy) return { acquired: false, heldBy };
      const lock: DeployLock = {
        environment: p.environment,
        repository: p.repository,
        holder: p.holder,
        ref: p.ref,
        sha: p.sha,
        acquiredAt: '2026-11-24T10:00:00Z',
        expiresAt: 0,
        token: 't-1',
      };
      return { acquired: true, lock };
    },
    release: async (p) => {
      calls.push(`release ${p.environment} with ${p.token}`);
      return 'released';
    },
    forceRelease: async () => undefined,
    current: async () => heldBy,
    heartbeat: async () => ({ extended: false }),
  };
  return { store, calls };
}

function run(
  github: ReturnType<typeof fakeGitHub>,
  overrides: {
    payload?: unknown;
    sha?: string;
    environment?: string;
    lockStore?: DeployLockStore;
    deploymentStore?: DeploymentStore;
    codeDeploy?: boolean;
    staging?: Record<string, unknown>;
  } = {},
) {
  const clock = virtualClock();
  return runDeployment({
    client: github.client,
    cloudFormationFor: () => new CloudFormationClient({ region: REGION }),
    ...(overrides.codeDeploy ? { codeDeployFor: () => new CodeDeployClient({ region: REGION }) } : {}),
    cloudWatchFor: () => new CloudWatchClient({ region: REGION }),
    event: {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      deploymentId: 7001,
      sha: overrides.sha ?? SHA,
      environment: overrides.environment ?? 'staging',
      payload: overrides.payload ?? payload,
    },
    config: agentConfigSchema.parse({
      environments: {
        staging: {
          alarm_arns: ['arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-5xx'],
          rollback_monitoring_minutes: 15,
          ...overrides.staging,
        },
        production: {},
      },
    }),
    timeoutMs: 1_800_000,
    ...(overrides.lockStore ? { lockStore: overrides.lockStore } : {}),
    ...(overrides.deploymentStore ? { deploymentStore: overrides.deploymentStore } : {}),
    logUrl: 'https://github.com/acme/shop/actions/runs/1',
    sleep: clock.sleep,
    now: clock.now,
    log: collectLog().log,
  });
}

beforeEach(() => {
  cfnMock.reset();
  codedeployMock.reset();
  cloudwatchMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
  cfnMock.on(UpdateTerminationProtectionCommand).resolves({ StackId: STACK_ID });
  cfnMock.on(DescribeChangeSetCommand).resolves(
    changeSetAnswer('CREATE_COMPLETE', {
      Changes: [resourceChange('Modify', 'OrdersFunction', 'AWS::Lambda::Function', 'False')],
    }),
  );
});

describe('runDeployment', () => {
  it('deploys the template at the checked sha and ends in success with the environment URL', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_COMPLETE',
          outputs: API_OUTPUTS,
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackItself('UPDATE_COMPLETE', 50),
          ],
        },
      ],
    });
    const github = fakeGitHub({
      template: 'Resources:\n  OrdersFunction: { Type: AWS::Lambda::Function }\n',
    });

    const outcome = await run(github);

    expect(outcome.status).toBe('deployed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(github.statuses[1]?.environment_url).toBe(
      'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
    );
    const created = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(created).toMatchObject({
      StackName: STACK_NAME,
      TemplateBody: 'Resources:\n  OrdersFunction: { Type: AWS::Lambda::Function }\n',
      ChangeSetName: 'implementation-agent-7001',
      Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'staging' }],
      RollbackConfiguration: {
        RollbackTriggers: [
          {
            Arn: 'arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-5xx',
            Type: 'AWS::CloudWatch::Alarm',
          },
        ],
        MonitoringTimeInMinutes: 15,
      },
    });
    expect(created?.Tags).toEqual(expect.arrayContaining([{ Key: 'implementation-agent:sha', Value: SHA }]));
    expect(github.comments[0]).toContain('Change set for `orders-api-staging` (staging)');
    expect(github.comments[1]).toContain('🟢 **staging**');
  });

  it('ends in failure naming the failing resource when the update rolls back', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 20,
              reason: 'Runtime nodejs14.x is no longer supported',
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });
    const github = fakeGitHub();

    const outcome = await run(github);

    expect(outcome.status).toBe('deploy_failed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.statuses[1]?.description.length).toBeLessThanOrEqual(140);
    expect(github.comments.at(-1)).toContain('Failing resource: `OrdersFunction`');
  });

  it.each([
    ['a payload that is not ours', { payload: { stack: 'x' } }, /payload cannot be used/],
    [
      'a deployment of another sha than the one checked',
      { sha: 'e'.repeat(40) },
      /was checked; nothing was deployed/,
    ],
  ])('refuses %s, ending in failure without touching AWS', async (_name, overrides, message) => {
    const github = fakeGitHub();

    const outcome = await run(github, overrides);

    expect(outcome.status).toBe('deploy_failed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.statuses[1]?.description).toMatch(message);
    expect(cfnMock.calls()).toHaveLength(0);
  });

  it('aborts when the pull request moved after the check', async () => {
    const github = fakeGitHub({ headSha: 'f'.repeat(40) });

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringMatching(/PR #42 moved to fffffff/),
    });
    expect(cfnMock.calls()).toHaveLength(0);
  });

  it('lets a rollback deploy an older sha even though the pull request has moved on', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackItself('UPDATE_COMPLETE', 50),
          ],
        },
      ],
    });
    const github = fakeGitHub({ headSha: 'f'.repeat(40) });

    const outcome = await run(github, { payload: { ...payload, rollback_of: 303 } });

    expect(outcome.status).toBe('deployed');
    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });

  it('holds the environment lock for the deploy and releases it afterwards', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackItself('UPDATE_COMPLETE', 50),
          ],
        },
      ],
    });
    const locks = fakeLocks();

    const outcome = await run(fakeGitHub(), { lockStore: locks.store });

    expect(outcome.status).toBe('deployed');
    expect(locks.calls).toEqual(['acquire staging for alice, ttl 2100', 'release staging with t-1']);
  });

  it('deploys nothing while another run holds the environment, and says who holds it', async () => {
    const github = fakeGitHub();
    const locks = fakeLocks({
      environment: 'staging',
      repository: 'acme/shop',
      holder: 'bob',
      ref: '#41',
      sha: 'e'.repeat(40),
      acquiredAt: '2026-11-24T09:50:00Z',
      expiresAt: 1_900_000_000,
      token: 'bobs',
    });

    const outcome = await run(github, { lockStore: locks.store });

    expect(outcome.status).toBe('deploy_failed');
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.comments.at(-1)).toContain('@bob');
  });

  it('reports the CodeDeploy alarm rollback of a canary release, naming the alarm', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunctionAliaslive',
              resourceType: 'AWS::Lambda::Alias',
              status: 'UPDATE_FAILED',
              second: 200,
              reason: 'CodeDeploy deployment d-ABCDEF123 failed',
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 260),
          ],
        },
      ],
    });
    cfnMock.on(ListStackResourcesCommand).resolves({
      StackResourceSummaries: [
        {
          LogicalResourceId: 'CodeDeployApplication',
          PhysicalResourceId: APPLICATION_NAME,
          ResourceType: 'AWS::CodeDeploy::Application',
          ResourceStatus: 'UPDATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
        {
          LogicalResourceId: 'OrdersFunctionDeploymentGroup',
          PhysicalResourceId: DEPLOYMENT_GROUP_NAME,
          ResourceType: 'AWS::CodeDeploy::DeploymentGroup',
          ResourceStatus: 'UPDATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
      ],
    });
    codedeployMock.on(ListDeploymentsCommand).resolves({ deployments: [DEPLOYMENT_ID] });
    codedeployMock.on(BatchGetDeploymentsCommand).resolves({
      deploymentsInfo: [
        deploymentInfo('Stopped', { createTime: new Date(Date.parse('2024-05-01T10:00:05.000Z')) }),
      ],
    });
    scriptDeployment({
      codedeployMock,
      steps: [
        {
          info: deploymentInfo('Stopped', {
            errorInformation: { code: 'ALARM_ACTIVE', message: ALARM_MESSAGE },
            rollbackInfo: {
              rollbackDeploymentId: ROLLBACK_DEPLOYMENT_ID,
              rollbackMessage: 'Automatic rollback started.',
            },
          }),
          target: { status: 'Failed', weight: 0 },
        },
      ],
    });
    const github = fakeGitHub();

    const outcome = await run(github, { payload: { ...payload, strategy: 'canary' }, codeDeploy: true });

    expect(outcome.status).toBe('deploy_failed');
    const report = github.comments.at(-1) ?? '';
    expect(report).toContain('OrdersApi-errors');
    expect(report).toContain(ROLLBACK_DEPLOYMENT_ID);
  });

  it.each([
    ['staging', 1],
    ['production', 0],
  ])(
    'recreates a stack left in ROLLBACK_COMPLETE in %s only when its config allows (%i deletes)',
    async (environment, deletes) => {
      cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('ROLLBACK_COMPLETE'));
      cfnMock.on(DeleteStackCommand).resolves({});

      const outcome = await run(fakeGitHub(), { environment, payload: { ...payload } });

      expect(cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(deletes);
      if (deletes === 0)
        expect(outcome).toMatchObject({
          status: 'deploy_failed',
          message: expect.stringContaining('ROLLBACK_COMPLETE'),
        });
    },
  );

  describe('bake window and automatic rollback', () => {
    const ALARM = 'arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-5xx';
    const GOOD_SHA = 'b'.repeat(40);
    const succeedingUpdates = () =>
      scriptStackOperation({
        cfnMock,
        baseline: PREVIOUS_DEPLOY_EVENTS,
        steps: [
          { status: 'UPDATE_COMPLETE' },
          {
            status: 'UPDATE_COMPLETE',
            events: [
              stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
              stackItself('UPDATE_COMPLETE', 50),
            ],
          },
        ],
      });

    it('succeeds once the alarms stay quiet for the whole bake window', async () => {
      succeedingUpdates();
      cloudwatchMock
        .on(DescribeAlarmsCommand)
        .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'OK' }] });
      const github = fakeGitHub();

      const outcome = await run(github, { staging: { bake_minutes: 5 } });

      expect(outcome.status).toBe('deployed');
      expect(cloudwatchMock.commandCalls(DescribeAlarmsCommand).length).toBeGreaterThan(1);
      expect(github.comments.at(-1)).toContain('Baked for 5 minute(s): no alarm fired.');
    });

    it('fails the deploy when an alarm fires while baking, and rolls back to what ran before', async () => {
      succeedingUpdates();
      cloudwatchMock
        .on(DescribeAlarmsCommand)
        .resolvesOnce({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'OK' }] })
        .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
      const github = fakeGitHub({
        history: [
          { id: 7001, sha: SHA, states: ['in_progress'], payload },
          { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
        ],
      });

      const outcome = await run(github, {
        staging: { bake_minutes: 10, auto_rollback: true, alarm_arns: [ALARM] },
      });

      expect(outcome).toMatchObject({
        status: 'deploy_failed',
        message: expect.stringContaining('orders-5xx went into ALARM'),
      });
      expect(github.created).toEqual([
        { ref: GOOD_SHA, payload: expect.objectContaining({ checked_sha: GOOD_SHA, rollback_of: 7001 }) },
      ]);
      expect(github.statuses.map((s) => `${s.deploymentId} ${s.state}`)).toEqual([
        '7001 in_progress',
        '7001 failure',
        '8001 in_progress',
        expect.stringMatching(/^8001 (success|failure)$/),
      ]);
      expect(github.comments.at(-1)).toContain(
        'Automatic rollback to `bbbbbbb` (deployment 6990) as deployment 8001',
      );
    });

    it('rolls back after a bake alarm even without auto_rollback', async () => {
      succeedingUpdates();
      cloudwatchMock
        .on(DescribeAlarmsCommand)
        .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
      const github = fakeGitHub({
        history: [
          { id: 7001, sha: SHA, states: ['in_progress'], payload },
          { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
        ],
      });

      const outcome = await run(github, { staging: { bake_minutes: 10 } });

      expect(outcome.status).toBe('deploy_failed');
      expect(github.created).toHaveLength(1);
    });

    it('does not roll back a failed deploy without auto_rollback', async () => {
      scriptStackOperation({
        cfnMock,
        baseline: PREVIOUS_DEPLOY_EVENTS,
        steps: [
          { status: 'UPDATE_COMPLETE' },
          {
            status: 'UPDATE_ROLLBACK_COMPLETE',
            events: [
              stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
              stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
            ],
          },
        ],
      });
      const github = fakeGitHub({
        history: [
          { id: 7001, sha: SHA, states: ['in_progress'], payload },
          { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
        ],
      });

      const outcome = await run(github);

      expect(outcome.status).toBe('deploy_failed');
      expect(github.created).toEqual([]);
    });

    it('ends a deploy that outlives its deadline in failure', async () => {
      scriptStackOperation({
        cfnMock,
        baseline: PREVIOUS_DEPLOY_EVENTS,
        steps: [
          { status: 'UPDATE_COMPLETE' },
          { status: 'UPDATE_IN_PROGRESS', events: [stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated')] },
        ],
      });
      const github = fakeGitHub();

      const outcome = await run(github);

      expect(outcome).toMatchObject({ status: 'deploy_failed', result: { reason: 'timed-out' } });
      expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    });
  });

  describe('the deployment store', () => {
    const storedUpdate = () =>
      scriptStackOperation({
        cfnMock,
        baseline: PREVIOUS_DEPLOY_EVENTS,
        steps: [
          { status: 'UPDATE_COMPLETE' },
          {
            status: 'UPDATE_COMPLETE',
            outputs: API_OUTPUTS,
            events: [
              stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
              stackItself('UPDATE_COMPLETE', 50),
            ],
          },
        ],
      });
    const newStore = async () => createLocalDeploymentStore(await mkdtemp(path.join(tmpdir(), 'store-')));

    it('keeps the exact template, parameters and outputs of a successful deploy', async () => {
      storedUpdate();
      const store = await newStore();

      await run(fakeGitHub({ template: 'Resources: { A: { Type: AWS::SQS::Queue } }\n' }), {
        deploymentStore: store,
      });

      expect(
        await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 7001 }),
      ).toMatchObject({
        sha: SHA,
        template: 'Resources: { A: { Type: AWS::SQS::Queue } }\n',
        parameters: { Stage: 'staging' },
        outputs: { ApiUrl: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod' },
      });
    });

    it('rolls back to the stored template and parameters rather than reading git again', async () => {
      storedUpdate();
      const store = await newStore();
      await store.save({
        repository: 'acme/shop',
        environment: 'staging',
        deploymentId: 6990,
        sha: SHA,
        stackName: STACK_NAME,
        template: 'Resources: { Stored: { Type: AWS::SQS::Queue } }\n',
        parameters: { Stage: 'as-deployed' },
        outputs: {},
      });

      await run(fakeGitHub({ template: 'Resources: { FromGit: { Type: AWS::SQS::Queue } }\n' }), {
        deploymentStore: store,
        payload: { ...payload, rollback_of: 7000, rollback_to: 6990 },
      });

      expect(cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input).toMatchObject({
        TemplateBody: 'Resources: { Stored: { Type: AWS::SQS::Queue } }\n',
        Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'as-deployed' }],
      });
    });

    it('reports a store that cannot be written without failing the deploy', async () => {
      storedUpdate();
      const broken: DeploymentStore = {
        save: async () => {
          throw new Error('disk full');
        },
        load: async () => undefined,
      };
      const github = fakeGitHub();

      const outcome = await run(github, { deploymentStore: broken });

      expect(outcome.status).toBe('deployed');
      expect(github.comments.at(-1)).toContain('The deployment record was not stored: disk full');
    });
  });

  it('fails clearly when the template is not in the repository at that sha', async () => {
    const github = fakeGitHub({ template: null });

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringContaining('services/orders-api/template.yaml does not exist'),
    });
  });

  it('still ends the deployment with a final status when the run crashes', async () => {
    const github = fakeGitHub();
    github.client.pulls.get = async () => {
      throw new Error('socket hang up');
    };

    await expect(run(github)).rejects.toThrow('socket hang up');

    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'error']);
    expect(github.statuses[1]?.description).toContain('socket hang up');
  });
});
