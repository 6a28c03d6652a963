import type { DeploymentAuthority } from '../../../../src/core/deploy/is-agent-deployment.js';
/** Shared setup for the deploy-run tests: AWS mocks, a recording GitHub, and one way to run. */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { agentConfigSchema } from '../../../../src/core/config/agent-config.js';
import type { DeploymentPayload } from '../../../../src/core/deploy/deployment-payload.js';
import type { DeployLock, DeployLockStore } from '../../../../src/core/stores/deploy-lock-store.js';
import type { DeploymentStore } from '../../../../src/core/stores/deployment-store.js';
import { runDeployment, type DeployRunClient } from '../../../../src/pipeline/deploy-run/run-deployment.js';
import type { DeployTaskRecording } from '../../../../src/pipeline/deploy-run/record-deploy-step.js';
import {
  API_OUTPUTS,
  CHANGE_SET_ID,
  PREVIOUS_DEPLOY_EVENTS,
  REGION,
  STACK_ID,
  STACK_NAME,
  changeSetAnswer,
  resourceChange,
  stackItself,
} from '../../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from '../../../aws/cloudformation/helpers/scripted-stack.js';
import { collectLog, virtualClock } from '../../../aws/cloudformation/helpers/virtual-clock.js';

export const SHA = 'd'.repeat(40);
export const cfnMock = mockClient(CloudFormationClient);
export const codedeployMock = mockClient(CodeDeployClient);
export const cloudwatchMock = mockClient(CloudWatchClient);

export const payload: DeploymentPayload = {
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
export function fakeGitHub(
  options: {
    headSha?: string;
    template?: string | null;
    history?: Array<{ id: number; sha: string; states: string[]; payload: unknown; creator?: string }>;
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
          creator: d.creator === undefined ? null : { login: d.creator },
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
    },
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (p) => {
        comments.push(p.body);
        return { data: { id: comments.length } };
      },
      updateComment: async () => ({}),
      // No issue here has a status comment: the task's board is never built.
      getComment: async () => {
        throw new Error('no status comment is read back in these deploy runs');
      },
      deleteComment: async () => ({}),
    },
    git: {
      getTree: async () => {
        throw new Error('no artifacts are re-sent in these deploy runs');
      },
      getBlob: async () => {
        throw new Error('no artifacts are re-sent in these deploy runs');
      },
    },
  };
  return { client, statuses, comments, created };
}

/** A lock store that is either free (and records acquire/release) or held by someone else. */
export function fakeLocks(heldBy?: DeployLock) {
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

export function run(
  github: ReturnType<typeof fakeGitHub>,
  overrides: {
    payload?: unknown;
    sha?: string;
    environment?: string;
    lockStore?: DeployLockStore;
    deploymentStore?: DeploymentStore;
    codeDeploy?: boolean;
    staging?: Record<string, unknown>;
    authority?: DeploymentAuthority;
    recording?: DeployTaskRecording;
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
      repositoryId: 4242,
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
    ...(overrides.authority ? { authority: overrides.authority } : {}),
    ...(overrides.recording ? { recording: overrides.recording } : {}),
    logUrl: 'https://github.com/acme/shop/actions/runs/1',
    sleep: clock.sleep,
    now: clock.now,
    log: collectLog().log,
  });
}

/** Call in `beforeEach`: fresh AWS mocks answering a change set with one modified function. */
export function resetDeployMocks(): void {
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
}

/** The stack update a deploy starts goes through and ends with the API's outputs. */
export function scriptSuccessfulUpdate(): void {
  scriptStackOperation({
    cfnMock,
    baseline: PREVIOUS_DEPLOY_EVENTS,
    steps: [
      { status: 'UPDATE_COMPLETE' },
      {
        status: 'UPDATE_COMPLETE',
        outputs: API_OUTPUTS,
        events: [stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'), stackItself('UPDATE_COMPLETE', 50)],
      },
    ],
  });
}
