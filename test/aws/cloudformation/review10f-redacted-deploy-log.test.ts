import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { deployStack } from '../../../src/aws/cloudformation/deploy-stack.js';
import type { DeployStackParams } from '../../../src/aws/cloudformation/deploy-stack.js';
import {
  CHANGE_SET_ID,
  CHANGE_SET_NAME,
  PREVIOUS_DEPLOY_EVENTS,
  REGION,
  STACK_ID,
  STACK_NAME,
  awsError,
  changeSetAnswer,
  resourceChange,
  stackEvent,
  stackItself,
} from './helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from './helpers/scripted-stack.js';
import { collectLog, virtualClock } from './helpers/virtual-clock.js';
import {
  FAKE_AWS_ACCESS_KEY_ID,
  FAKE_GITHUB_CLASSIC_TOKEN,
  FAKE_SLACK_WEBHOOK_URL,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

/**
 * The deploy log is shown to everyone who can read the run. The job summary's copy of the change
 * set was redacted (`redactedFullChangeSet`) while the log line of the same text was not, nor were
 * stack events' status reasons or AWS errors, which repeat what the template and parameters chose.
 */
const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

function deploy(overrides: Partial<DeployStackParams> = {}) {
  const clock = virtualClock();
  const output = collectLog();
  const result = deployStack({
    cfn,
    stackName: STACK_NAME,
    templateBody: '{"Resources":{"OrdersQueue":{"Type":"AWS::SQS::Queue"}}}',
    parameters: { Stage: 'staging' },
    tags: {},
    recreateRolledBackStack: false,
    terminationProtection: false,
    changeSetName: CHANGE_SET_NAME,
    dryRun: false,
    timeoutMs: 1_800_000,
    sleep: clock.sleep,
    now: clock.now,
    log: output.log,
    ...overrides,
  });
  return { result, lines: output.lines };
}

/** A change whose logical id is an access key id (alphanumeric, as logical ids are) the template chose. */
function secretChange() {
  return resourceChange('Add', FAKE_AWS_ACCESS_KEY_ID, 'AWS::SNS::Topic');
}

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
  cfnMock.on(DeleteChangeSetCommand).resolves({});
});

describe('review10f: every deploy log line derived from the template or parameters is redacted', () => {
  it('FAULT: the change set logged in full names no secret', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [{ status: 'UPDATE_COMPLETE' }],
    });
    cfnMock
      .on(DescribeChangeSetCommand)
      .resolves(changeSetAnswer('CREATE_COMPLETE', { Changes: [secretChange()] }));
    const run = deploy({ dryRun: true });
    const result = await run.result;
    expect(result.reason).toBe('dry-run');
    const logged = run.lines.join('\n');
    expect(logged).toContain('Add       [REDACTED:aws-access-key-id]  AWS::SNS::Topic');
    expect(logged).not.toContain(FAKE_AWS_ACCESS_KEY_ID);
  });

  it('FAULT: a stack event’s status reason holding a token is logged redacted, in order', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          statusReason: 'The following resource(s) failed to update: [OrdersFunction].',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'OrdersFunction',
              resourceType: 'AWS::Lambda::Function',
              status: 'UPDATE_FAILED',
              second: 20,
              reason: `Environment variable GITHUB_TOKEN=${FAKE_GITHUB_CLASSIC_TOKEN} exceeds the size limit`,
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Modify', 'OrdersFunction', 'AWS::Lambda::Function')],
      }),
    );
    const run = deploy();
    expect((await run.result).finalStatus).toBe('failure');
    const logged = run.lines.join('\n');
    expect(logged).not.toContain(FAKE_GITHUB_CLASSIC_TOKEN);
    const failed = run.lines.findIndex((line) => line.includes('UPDATE_FAILED'));
    expect(run.lines[failed]).toContain('[REDACTED:github-token]');
    // Lines keep their order through the scan: the failure comes after the update began.
    expect(failed).toBeGreaterThan(run.lines.findIndex((line) => line.includes('UPDATE_IN_PROGRESS')));
  });

  it('an AWS error echoing a parameter value is logged redacted', async () => {
    cfnMock
      .on(CreateChangeSetCommand)
      .rejects(awsError('ValidationError', `Parameter 'Hook' value '${FAKE_SLACK_WEBHOOK_URL}' is invalid`));
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [{ status: 'UPDATE_COMPLETE' }],
    });
    const run = deploy();
    expect((await run.result).finalStatus).toBe('failure');
    expect(run.lines.join('\n')).not.toContain(FAKE_SLACK_WEBHOOK_URL);
    expect(run.lines.some((line) => line.includes('ValidationError'))).toBe(true);
  });
});
