import type { StackResource } from '@aws-sdk/client-cloudformation';
import { findTrafficShiftingGroups } from '../../../src/aws/codedeploy/find-traffic-shifting-groups.js';
import { APPLICATION_NAME, DEPLOYMENT_GROUP_NAME, STACK_NAME, at } from './helpers/codedeploy-fixtures.js';

const STACK_ID = `arn:aws:cloudformation:ap-southeast-2:123456789012:stack/${STACK_NAME}/6a0e1d30-0a3b-11ef-9f4b-0a9d5c3e7b21`;

/** A DescribeStackResources row, as CloudFormation returns it for a completed update. */
function resource(
  logicalId: string,
  resourceType: string,
  physicalId?: string,
  status = 'UPDATE_COMPLETE',
): StackResource {
  return {
    StackName: STACK_NAME,
    StackId: STACK_ID,
    LogicalResourceId: logicalId,
    ...(physicalId === undefined ? {} : { PhysicalResourceId: physicalId }),
    ResourceType: resourceType,
    Timestamp: at(0),
    ResourceStatus: status as StackResource['ResourceStatus'],
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

const blueprintStack: StackResource[] = [
  resource('OrdersTable', 'AWS::DynamoDB::Table', `${STACK_NAME}-OrdersTable-1A2B3C4D5E6F`),
  resource('OrdersFunction', 'AWS::Lambda::Function', `${STACK_NAME}-OrdersFunction-Qw3Er5Ty7Ui9`),
  resource(
    'OrdersFunctionAlias',
    'AWS::Lambda::Alias',
    `arn:aws:lambda:ap-southeast-2:123456789012:function:${STACK_NAME}-OrdersFunction-Qw3Er5Ty7Ui9:live`,
  ),
  resource('CodeDeployApplication', 'AWS::CodeDeploy::Application', APPLICATION_NAME),
  resource('OrdersFunctionDeploymentGroup', 'AWS::CodeDeploy::DeploymentGroup', DEPLOYMENT_GROUP_NAME),
];

describe('findTrafficShiftingGroups', () => {
  it("pairs a blueprint's deployment group with the stack's application by physical ids", () => {
    expect(findTrafficShiftingGroups(blueprintStack)).toEqual({
      groups: [
        {
          applicationName: APPLICATION_NAME,
          deploymentGroupName: DEPLOYMENT_GROUP_NAME,
          logicalId: 'OrdersFunctionDeploymentGroup',
        },
      ],
      unresolved: [],
    });
  });

  it("pairs every function's group with the one application, from ListStackResources summaries too", () => {
    const summaries = [
      {
        LogicalResourceId: 'ServerlessDeploymentApplication',
        PhysicalResourceId: 'orders-ServerlessDeploymentApplication-9Z8Y7X',
        ResourceType: 'AWS::CodeDeploy::Application',
        ResourceStatus: 'CREATE_COMPLETE',
        LastUpdatedTimestamp: at(0),
      },
      {
        LogicalResourceId: 'OrdersFunctionDeploymentGroup',
        PhysicalResourceId: 'orders-OrdersFunctionDeploymentGroup-AAA111',
        ResourceType: 'AWS::CodeDeploy::DeploymentGroup',
        ResourceStatus: 'CREATE_COMPLETE',
        LastUpdatedTimestamp: at(0),
      },
      {
        LogicalResourceId: 'RefundsFunctionDeploymentGroup',
        PhysicalResourceId: 'orders-RefundsFunctionDeploymentGroup-BBB222',
        ResourceType: 'AWS::CodeDeploy::DeploymentGroup',
        ResourceStatus: 'UPDATE_COMPLETE',
        LastUpdatedTimestamp: at(0),
      },
    ];

    const { groups } = findTrafficShiftingGroups(summaries);

    expect(groups.map((group) => [group.applicationName, group.deploymentGroupName])).toEqual([
      ['orders-ServerlessDeploymentApplication-9Z8Y7X', 'orders-OrdersFunctionDeploymentGroup-AAA111'],
      ['orders-ServerlessDeploymentApplication-9Z8Y7X', 'orders-RefundsFunctionDeploymentGroup-BBB222'],
    ]);
  });

  it('finds nothing to watch in a stack without traffic shifting', () => {
    expect(findTrafficShiftingGroups(blueprintStack.slice(0, 2))).toEqual({ groups: [], unresolved: [] });
  });

  it('reports rather than guesses the application when the stack holds none or several', () => {
    const noApplication = blueprintStack.filter((row) => row.ResourceType !== 'AWS::CodeDeploy::Application');
    const twoApplications = [
      ...blueprintStack,
      resource('AdminApplication', 'AWS::CodeDeploy::Application', 'admin-app'),
    ];

    const none = findTrafficShiftingGroups(noApplication);
    const several = findTrafficShiftingGroups(twoApplications);

    expect(none.groups).toEqual([]);
    expect(none.unresolved).toEqual([
      expect.objectContaining({
        logicalId: 'OrdersFunctionDeploymentGroup',
        deploymentGroupName: DEPLOYMENT_GROUP_NAME,
      }),
    ]);
    expect(none.unresolved[0]?.reason).toMatch(/no AWS::CodeDeploy::Application/);
    expect(several.groups).toEqual([]);
    expect(several.unresolved[0]?.reason).toContain(`${APPLICATION_NAME}, admin-app`);
  });

  it('ignores rows with no physical resource behind them', () => {
    const rows = [
      ...blueprintStack,
      resource(
        'RefundsFunctionDeploymentGroup',
        'AWS::CodeDeploy::DeploymentGroup',
        undefined,
        'CREATE_FAILED',
      ),
      resource(
        'OldFunctionDeploymentGroup',
        'AWS::CodeDeploy::DeploymentGroup',
        'old-group',
        'DELETE_COMPLETE',
      ),
    ];

    expect(findTrafficShiftingGroups(rows).groups.map((group) => group.logicalId)).toEqual([
      'OrdersFunctionDeploymentGroup',
    ]);
  });
});
