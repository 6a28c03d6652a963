/**
 * Attacker pass (review #10m) on the deploy log and result (src/aws/cloudformation/deploy-stack.ts,
 * redactingLog): a NoEcho parameter's value is secret by declaration only (no scanner pattern knows
 * a password), and deployStack masks it in outputs (maskNoEchoOutputs) but not in the lines it logs
 * nor in the result's message. AWS errors and stack events' status reasons echo the value a
 * property was given (EC2's "Value (…) for parameter … is invalid", CloudFormation's parameter
 * validation), so a template that passes the NoEcho parameter to a property that rejects it puts
 * the password in the run's log, the status comment and the result. A fault is `it.failing`
 * asserting the right answer; an attack refused is an ordinary test.
 *
 * Fixed (fix10e): deployStack replaces the values passed to NoEcho parameters in every line, the
 * change set summary and the result (`withoutValues`).
 */
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

const PASSWORD = 'Zq8-vR2mL0pWx7Nt';
const TEMPLATE = JSON.stringify({
  Parameters: { DbPassword: { Type: 'String', NoEcho: true } },
  Resources: {
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { MasterUserPassword: { Ref: 'DbPassword' } } },
  },
});

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

function deploy(overrides: Partial<DeployStackParams> = {}) {
  const clock = virtualClock();
  const output = collectLog();
  const result = deployStack({
    cfn,
    stackName: STACK_NAME,
    templateBody: TEMPLATE,
    parameters: { DbPassword: PASSWORD },
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

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
  cfnMock.on(DeleteChangeSetCommand).resolves({});
});

describe('review10m attacker: a NoEcho value echoed by AWS on the way', () => {
  it('an AWS error echoing the NoEcho value is neither logged nor returned with it', async () => {
    cfnMock
      .on(CreateChangeSetCommand)
      .rejects(
        awsError(
          'ValidationError',
          `Parameter 'DbPassword' value '${PASSWORD}' failed to satisfy constraint`,
        ),
      );
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [{ status: 'UPDATE_COMPLETE' }],
    });
    const run = deploy();
    const result = await run.result;
    expect(result.finalStatus).toBe('failure');
    expect(run.lines.join('\n')).not.toContain(PASSWORD);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('a stack event status reason echoing the NoEcho value is logged without it', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          statusReason: 'The following resource(s) failed to update: [Db].',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackEvent({
              logicalId: 'Db',
              resourceType: 'AWS::RDS::DBInstance',
              status: 'UPDATE_FAILED',
              second: 20,
              reason: `Value (${PASSWORD}) for parameter MasterUserPassword is invalid`,
            }),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });
    cfnMock.on(DescribeChangeSetCommand).resolves(
      changeSetAnswer('CREATE_COMPLETE', {
        Changes: [resourceChange('Modify', 'Db', 'AWS::RDS::DBInstance')],
      }),
    );
    const run = deploy();
    const result = await run.result;
    expect(result.finalStatus).toBe('failure');
    expect(run.lines.join('\n')).not.toContain(PASSWORD);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});
