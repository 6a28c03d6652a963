import { ChangeSetNotFoundException, DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import {
  PREVIOUS_DEPLOY_EVENTS,
  awsError,
  changeSetAnswer,
  resourceChange,
  stackItself,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from '../../aws/cloudformation/helpers/scripted-stack.js';
import { cfnMock, fakeGitHub, resetDeployMocks, run } from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

const changeSetReady = changeSetAnswer('CREATE_COMPLETE', {
  Changes: [resourceChange('Modify', 'OrdersFunction', 'AWS::Lambda::Function', 'False')],
});

describe('runDeployment: transient AWS answers while polling are retried until the deadline', () => {
  it('waits for a change set that is not visible yet, and rides out throttling while the stack updates', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        { status: 'UPDATE_IN_PROGRESS', error: awsError('Throttling', 'Rate exceeded') },
        {
          status: 'UPDATE_IN_PROGRESS',
          error: Object.assign(awsError('InternalFailure', 'Internal error'), {
            $metadata: { httpStatusCode: 503 },
          }),
        },
        {
          status: 'UPDATE_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackItself('UPDATE_COMPLETE', 50),
          ],
        },
      ],
    });
    // CloudFormation is eventually consistent: right after CreateChangeSet it may not know the id yet.
    cfnMock
      .on(DescribeChangeSetCommand)
      .rejectsOnce(
        new ChangeSetNotFoundException({
          $metadata: { httpStatusCode: 404 },
          message: 'ChangeSet [implementation-agent-7001] does not exist',
        }),
      )
      .resolves(changeSetReady);
    const github = fakeGitHub();

    const outcome = await run(github);

    expect(outcome.status).toBe('deployed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  });

  it('still fails at once on an answer that is not transient, such as a missing permission', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_IN_PROGRESS',
          error: awsError('AccessDenied', 'not authorized to perform: cloudformation:DescribeStacks'),
        },
      ],
    });
    const github = fakeGitHub();

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringContaining('missing permission for `cloudformation:DescribeStacks`'),
    });
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });

  it('ends in failure at the deadline when throttling never stops, naming it', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [{ status: 'UPDATE_COMPLETE' }],
    });
    cfnMock.on(DescribeChangeSetCommand).rejects(awsError('Throttling', 'Rate exceeded'));
    const github = fakeGitHub();

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringContaining('timed out (the last look got Throttling: Rate exceeded)'),
    });
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });
});
