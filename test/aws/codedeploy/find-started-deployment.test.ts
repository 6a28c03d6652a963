import {
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  ListDeploymentsCommand,
} from '@aws-sdk/client-codedeploy';
import { mockClient } from 'aws-sdk-client-mock';
import { findStartedDeployment } from '../../../src/aws/codedeploy/find-started-deployment.js';
import { virtualClock } from '../cloudformation/helpers/virtual-clock.js';
import {
  APPLICATION_NAME,
  CANARY,
  DEPLOYMENT_GROUP_NAME,
  DEPLOYMENT_ID,
  REGION,
  ROLLBACK_DEPLOYMENT_ID,
  at,
  deploymentInfo,
} from './helpers/codedeploy-fixtures.js';

const codedeployMock = mockClient(CodeDeployClient);
const codedeploy = new CodeDeployClient({ region: REGION });
const group = {
  applicationName: APPLICATION_NAME,
  deploymentGroupName: DEPLOYMENT_GROUP_NAME,
  logicalId: 'OrdersFunctionDeploymentGroup',
};
/** When the stack's UPDATE_IN_PROGRESS event says the update began. */
const since = at(10);

function run(timeoutMs = 120_000) {
  const clock = virtualClock();
  const result = findStartedDeployment({
    codedeploy,
    group,
    since,
    sleep: clock.sleep,
    now: clock.now,
    timeoutMs,
  });
  return { result, clock };
}

beforeEach(() => {
  codedeployMock.reset();
});

describe('findStartedDeployment', () => {
  it('polls until CloudFormation has started the deployment, asking only for ones created since the update began', async () => {
    codedeployMock
      .on(ListDeploymentsCommand)
      .resolvesOnce({ deployments: [] })
      .resolvesOnce({ deployments: [] })
      .resolves({ deployments: [DEPLOYMENT_ID] });
    codedeployMock.on(BatchGetDeploymentsCommand).resolves({ deploymentsInfo: [deploymentInfo('Created')] });

    const { result, clock } = run();

    expect(await result).toEqual({
      kind: 'found',
      deploymentId: DEPLOYMENT_ID,
      createTime: at(30),
      deploymentConfigName: CANARY,
    });
    expect(clock.sleeps).toEqual([2_000, 4_000]);
    expect(codedeployMock.commandCalls(ListDeploymentsCommand)[0]?.args[0].input).toEqual({
      applicationName: APPLICATION_NAME,
      deploymentGroupName: DEPLOYMENT_GROUP_NAME,
      createTimeRange: { start: since },
    });
    expect(codedeployMock.commandCalls(BatchGetDeploymentsCommand).map((call) => call.args[0].input)).toEqual(
      [{ deploymentIds: [DEPLOYMENT_ID] }],
    );
  });

  it("reads every page and picks the update's own deployment over a rollback deployment and anything older", async () => {
    codedeployMock
      .on(ListDeploymentsCommand)
      .resolvesOnce({ deployments: [ROLLBACK_DEPLOYMENT_ID], nextToken: 'page-2' })
      .resolvesOnce({ deployments: [DEPLOYMENT_ID, 'd-OLD456789'] });
    codedeployMock.on(BatchGetDeploymentsCommand).resolves({
      deploymentsInfo: [
        deploymentInfo('InProgress', {
          deploymentId: ROLLBACK_DEPLOYMENT_ID,
          creator: 'codeDeployRollback',
          createTime: at(20),
        }),
        deploymentInfo('Failed', { deploymentId: DEPLOYMENT_ID, createTime: at(30) }),
        deploymentInfo('Succeeded', { deploymentId: 'd-OLD456789', createTime: at(-600) }),
      ],
    });

    const found = await run().result;

    expect(found).toMatchObject({ kind: 'found', deploymentId: DEPLOYMENT_ID });
    expect(codedeployMock.commandCalls(ListDeploymentsCommand)[1]?.args[0].input).toMatchObject({
      nextToken: 'page-2',
    });
    expect(codedeployMock.commandCalls(BatchGetDeploymentsCommand)[0]?.args[0].input).toEqual({
      deploymentIds: [ROLLBACK_DEPLOYMENT_ID, DEPLOYMENT_ID, 'd-OLD456789'],
    });
  });

  it('answers none when no deployment starts before the deadline (the update left the alias alone)', async () => {
    codedeployMock.on(ListDeploymentsCommand).resolves({ deployments: [] });

    const { result, clock } = run(30_000);

    expect(await result).toEqual({ kind: 'none' });
    expect(clock.elapsed()).toBe(30_000);
    expect(codedeployMock.commandCalls(BatchGetDeploymentsCommand)).toHaveLength(0);
  });
});
