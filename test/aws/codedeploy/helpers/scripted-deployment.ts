import {
  BatchGetDeploymentTargetsCommand,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import type { CodeDeployClient, DeploymentInfo } from '@aws-sdk/client-codedeploy';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { TARGET_ID, targetsAnswer } from './codedeploy-fixtures.js';
import type { TargetStep } from './codedeploy-fixtures.js';

/** What one GetDeployment poll sees, and where the alias's traffic stands at that moment. */
export interface DeploymentStep {
  readonly info: DeploymentInfo;
  /** Absent while CodeDeploy has not yet listed the alias as a target (Created, Queued). */
  readonly target?: TargetStep;
}

/**
 * Plays a Lambda deployment the way CodeDeploy shows it: each GetDeployment call moves one step
 * on (the last step repeats); ListDeploymentTargets and BatchGetDeploymentTargets answer for the
 * step last seen.
 */
export function scriptDeployment(params: {
  codedeployMock: AwsClientStub<CodeDeployClient>;
  steps: readonly DeploymentStep[];
}): void {
  const { codedeployMock, steps } = params;
  let current = -1;
  const step = (): DeploymentStep => {
    const found = steps[Math.max(current, 0)];
    if (found === undefined) throw new Error('scriptDeployment needs at least one step');
    return found;
  };
  codedeployMock.on(GetDeploymentCommand).callsFake(() => {
    current = Math.min(current + 1, steps.length - 1);
    return { $metadata: { httpStatusCode: 200 }, deploymentInfo: step().info };
  });
  codedeployMock.on(ListDeploymentTargetsCommand).callsFake(() => ({
    $metadata: { httpStatusCode: 200 },
    targetIds: step().target === undefined ? [] : [TARGET_ID],
  }));
  codedeployMock.on(BatchGetDeploymentTargetsCommand).callsFake(() => {
    const target = step().target;
    return target === undefined ? { deploymentTargets: [] } : targetsAnswer(target);
  });
}
