import type {
  BatchGetDeploymentTargetsCommandOutput,
  DeploymentInfo,
  DeploymentStatus,
  LifecycleEvent,
  LifecycleEventStatus,
  TargetStatus,
} from '@aws-sdk/client-codedeploy';

/** Answers shaped like CodeDeploy's own for a Lambda deployment that CloudFormation started. */

export const REGION = 'ap-southeast-2';
export const ACCOUNT = '123456789012';
export const STACK_NAME = 'orders-api-staging';
export const APPLICATION_NAME = `${STACK_NAME}-CodeDeployApplication-1A2B3C4D5E6F`;
export const DEPLOYMENT_GROUP_NAME = `${STACK_NAME}-OrdersFunctionDeploymentGroup-7G8H9I0J1K2L`;
export const FUNCTION_NAME = `${STACK_NAME}-OrdersFunction-Qw3Er5Ty7Ui9`;
export const DEPLOYMENT_ID = 'd-ABCDEF123';
export const ROLLBACK_DEPLOYMENT_ID = 'd-RB7K2M9QX';
/** Lambda deployment targets are named after the function and the alias being shifted. */
export const TARGET_ID = `${FUNCTION_NAME}:live`;
export const CANARY = 'CodeDeployDefault.LambdaCanary10Percent5Minutes';
export const LINEAR = 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute';

export const ALARM_MESSAGE =
  'One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <OrdersApi-errors>';

const BASE_TIME = Date.parse('2024-05-01T10:00:00.000Z');
export const at = (seconds: number): Date => new Date(BASE_TIME + seconds * 1000);

export function deploymentInfo(
  status: DeploymentStatus,
  extra: Partial<DeploymentInfo> = {},
): DeploymentInfo {
  return {
    applicationName: APPLICATION_NAME,
    deploymentGroupName: DEPLOYMENT_GROUP_NAME,
    deploymentConfigName: CANARY,
    deploymentId: DEPLOYMENT_ID,
    status,
    createTime: at(30),
    creator: 'CloudFormation',
    computePlatform: 'Lambda',
    ignoreApplicationStopFailures: false,
    updateOutdatedInstancesOnly: false,
    instanceTerminationWaitTimeStarted: false,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] },
    revision: {
      revisionType: 'AppSpecContent',
      appSpecContent: { sha256: '5f2b0c8e1d9a4b7c6e3f2a1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b' },
    },
    deploymentOverview: {
      Pending: 0,
      InProgress: status === 'InProgress' ? 1 : 0,
      Succeeded: status === 'Succeeded' ? 1 : 0,
      Failed: status === 'Failed' ? 1 : 0,
      Skipped: 0,
      Ready: 0,
    },
    ...extra,
  };
}

export function lifecycleEvent(params: {
  name: 'BeforeAllowTraffic' | 'AllowTraffic' | 'AfterAllowTraffic';
  status: LifecycleEventStatus;
  diagnostics?: LifecycleEvent['diagnostics'];
}): LifecycleEvent {
  return {
    lifecycleEventName: params.name,
    status: params.status,
    ...(params.status === 'Pending' ? {} : { startTime: at(35) }),
    ...(params.status === 'Succeeded' || params.status === 'Failed' ? { endTime: at(40) } : {}),
    ...(params.diagnostics === undefined ? {} : { diagnostics: params.diagnostics }),
  };
}

/** Where the alias stands: `weight` is the target version's share as CodeDeploy reports it. */
export interface TargetStep {
  readonly status: TargetStatus;
  readonly weight: number;
  readonly lifecycleEvents?: readonly LifecycleEvent[];
}

export function targetsAnswer(step: TargetStep): BatchGetDeploymentTargetsCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    deploymentTargets: [
      {
        deploymentTargetType: 'LambdaTarget',
        lambdaTarget: {
          deploymentId: DEPLOYMENT_ID,
          targetId: TARGET_ID,
          targetArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${TARGET_ID}`,
          status: step.status,
          lastUpdatedAt: at(40),
          lifecycleEvents: [...(step.lifecycleEvents ?? [])],
          lambdaFunctionInfo: {
            functionName: FUNCTION_NAME,
            functionAlias: 'live',
            currentVersion: '6',
            targetVersion: '7',
            targetVersionWeight: step.weight,
          },
        },
      },
    ],
  };
}
