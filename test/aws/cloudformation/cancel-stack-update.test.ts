import {
  CancelUpdateStackCommand,
  CloudFormationClient,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { cancelStackUpdate } from '../../../src/aws/cloudformation/cancel-stack-update.js';
import { REGION, STACK_NAME, awsError, describeStacksAnswer } from './helpers/cloudformation-fixtures.js';

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

beforeEach(() => {
  cfnMock.reset();
});

describe('cancelStackUpdate', () => {
  it('asks CloudFormation to cancel the running update', async () => {
    cfnMock.on(CancelUpdateStackCommand).resolves({});

    const result = await cancelStackUpdate({ cfn, stackName: STACK_NAME });

    expect(result.kind).toBe('cancel-requested');
    expect(cfnMock.commandCalls(CancelUpdateStackCommand)[0]?.args[0].input).toEqual({
      StackName: STACK_NAME,
    });
  });

  it('explains that only an update in progress can be cancelled, naming the current status', async () => {
    cfnMock
      .on(CancelUpdateStackCommand)
      .rejects(awsError('ValidationError', 'CancelUpdateStack cannot be called from current stack status'));
    cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('CREATE_IN_PROGRESS'));

    const result = await cancelStackUpdate({ cfn, stackName: STACK_NAME });

    expect(result).toEqual({
      kind: 'not-cancellable',
      stackStatus: 'CREATE_IN_PROGRESS',
      message: `Stack ${STACK_NAME} is CREATE_IN_PROGRESS; only an update in progress (UPDATE_IN_PROGRESS) can be cancelled.`,
    });
  });

  it('says there is nothing to cancel when the stack does not exist', async () => {
    cfnMock
      .on(CancelUpdateStackCommand)
      .rejects(awsError('ValidationError', `Stack [${STACK_NAME}] does not exist`));

    const result = await cancelStackUpdate({ cfn, stackName: STACK_NAME });

    expect(result.kind).toBe('not-cancellable');
  });

  it('passes other errors on', async () => {
    cfnMock
      .on(CancelUpdateStackCommand)
      .rejects(awsError('AccessDenied', 'not authorized to perform: cloudformation:CancelUpdateStack'));
    await expect(cancelStackUpdate({ cfn, stackName: STACK_NAME })).rejects.toThrow('CancelUpdateStack');
  });
});
