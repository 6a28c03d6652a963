import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import type {
  Change,
  DescribeChangeSetCommandOutput,
  DescribeStackEventsCommandOutput,
  DescribeStacksCommandOutput,
  Stack,
  StackEvent,
} from '@aws-sdk/client-cloudformation';

/** Answers shaped like CloudFormation's own (field names, ARNs, Dates, reason texts). */

export const REGION = 'ap-southeast-2';
export const ACCOUNT = '123456789012';
export const STACK_NAME = 'orders-api-staging';
export const STACK_ID = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${STACK_NAME}/6a0e1d30-0a3b-11ef-9f4b-0a9d5c3e7b21`;
/** The id a stack gets when it is created again after the rolled-back one was deleted. */
export const NEW_STACK_ID = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${STACK_NAME}/c41f8e70-0b12-11ef-8d3e-06f1b2a4c9d5`;
export const CHANGE_SET_NAME = 'deploy-3f9c2d1-run-42';
export const CHANGE_SET_ID = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:changeSet/${CHANGE_SET_NAME}/9b2c4e6f-1d3a-4b5c-8e7f-0a1b2c3d4e5f`;

export const EMPTY_CHANGE_SET_REASON =
  "The submitted information didn't contain changes. Submit different information to create a change set.";
export const NO_UPDATES_REASON = 'No updates are to be performed.';

const BASE_TIME = Date.parse('2024-05-01T10:00:00.000Z');
export const at = (seconds: number): Date => new Date(BASE_TIME + seconds * 1000);

export function stackWith(status: string, extra: Partial<Stack> = {}): Stack {
  return {
    StackId: STACK_ID,
    StackName: STACK_NAME,
    StackStatus: status as Stack['StackStatus'],
    CreationTime: at(-86_400),
    DisableRollback: false,
    EnableTerminationProtection: false,
    Tags: [],
    ...extra,
  };
}

export function describeStacksAnswer(
  status: string,
  extra: Partial<Stack> = {},
): DescribeStacksCommandOutput {
  return { $metadata: { httpStatusCode: 200 }, Stacks: [stackWith(status, extra)] };
}

export function awsError(name: string, message: string): CloudFormationServiceException {
  return new CloudFormationServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'f2a1c7d9-5b3e-4c8a-9d6f-1e2b3c4d5e6f' },
  });
}

export const stackDoesNotExist = (stack = STACK_NAME) =>
  awsError('ValidationError', `Stack with id ${stack} does not exist`);

export function resourceChange(
  action: 'Add' | 'Modify' | 'Remove' | 'Import',
  logicalId: string,
  resourceType: string,
  replacement?: 'True' | 'False' | 'Conditional',
): Change {
  return {
    Type: 'Resource',
    HookInvocationCount: 0,
    ResourceChange: {
      Action: action,
      LogicalResourceId: logicalId,
      ResourceType: resourceType,
      ...(action === 'Add' ? {} : { PhysicalResourceId: `${STACK_NAME}-${logicalId}-1A2B3C4D5E6F` }),
      ...(replacement === undefined ? {} : { Replacement: replacement }),
      Scope: action === 'Modify' ? ['Properties'] : [],
      Details: [],
    },
  };
}

export function changeSetAnswer(
  status: 'CREATE_PENDING' | 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'FAILED',
  extra: Partial<DescribeChangeSetCommandOutput> = {},
): DescribeChangeSetCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    ChangeSetName: CHANGE_SET_NAME,
    ChangeSetId: CHANGE_SET_ID,
    StackId: STACK_ID,
    StackName: STACK_NAME,
    CreationTime: at(0),
    ExecutionStatus: status === 'CREATE_COMPLETE' ? 'AVAILABLE' : 'UNAVAILABLE',
    Status: status,
    Changes: [],
    IncludeNestedStacks: false,
    ...extra,
  };
}

/** Resource events carry CloudFormation's "<logical id>-<status>-<time>" event ids; the stack's own events carry a UUID. */
export function stackEvent(params: {
  logicalId: string;
  resourceType: string;
  status: string;
  second: number;
  reason?: string;
}): StackEvent {
  const timestamp = at(params.second);
  const isStack = params.logicalId === STACK_NAME;
  return {
    StackId: STACK_ID,
    EventId: isStack
      ? `${params.status.toLowerCase()}-${params.second}-7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f`
      : `${params.logicalId}-${params.status}-${timestamp.toISOString()}`,
    StackName: STACK_NAME,
    LogicalResourceId: params.logicalId,
    PhysicalResourceId: isStack ? STACK_ID : `${STACK_NAME}-${params.logicalId}-1A2B3C4D5E6F`,
    ResourceType: params.resourceType,
    Timestamp: timestamp,
    ResourceStatus: params.status as StackEvent['ResourceStatus'],
    ...(params.reason === undefined ? {} : { ResourceStatusReason: params.reason }),
  };
}

export const stackItself = (status: string, second: number, reason?: string): StackEvent =>
  stackEvent({
    logicalId: STACK_NAME,
    resourceType: 'AWS::CloudFormation::Stack',
    status,
    second,
    ...(reason === undefined ? {} : { reason }),
  });

/** DescribeStackEvents lists newest first. */
export function eventsAnswer(
  events: readonly StackEvent[],
  nextToken?: string,
): DescribeStackEventsCommandOutput {
  const newestFirst = [...events].sort(
    (a, b) => (b.Timestamp?.getTime() ?? 0) - (a.Timestamp?.getTime() ?? 0),
  );
  return {
    $metadata: { httpStatusCode: 200 },
    StackEvents: newestFirst,
    ...(nextToken === undefined ? {} : { NextToken: nextToken }),
  };
}

/** The history an existing stack already has before this deploy: must never be logged again. */
export const PREVIOUS_DEPLOY_EVENTS: readonly StackEvent[] = [
  stackItself('UPDATE_IN_PROGRESS', -3_600, 'User Initiated'),
  stackEvent({
    logicalId: 'OrdersTable',
    resourceType: 'AWS::DynamoDB::Table',
    status: 'UPDATE_COMPLETE',
    second: -3_590,
  }),
  stackItself('UPDATE_COMPLETE', -3_580),
];

export const API_OUTPUTS = [
  { OutputKey: 'OrdersTableName', OutputValue: 'orders-api-staging-OrdersTable-1A2B3C4D5E6F' },
  {
    OutputKey: 'ApiUrl',
    OutputValue: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod',
    Description: 'Base URL of the Orders API',
  },
];
