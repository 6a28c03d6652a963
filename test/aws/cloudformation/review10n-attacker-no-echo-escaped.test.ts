/**
 * Attacker pass (review #10n) on NoEcho values removed from the deploy's result
 * (src/aws/cloudformation/deploy-stack.ts `withheld`, src/core/secrets/without-values.ts). The
 * result's message is built with `untrustedInline`, which escapes Markdown (`*` → `\*`, `[` → `\[`,
 * `<` → `&lt;`, `@` → `@` + a zero-width space) *before* `withoutValues` looks for the NoEcho value
 * as written or JSON-escaped. A password holding one of those characters is then no longer found,
 * and the message (the status comment, the Action's `result`) carries it with one escape in it,
 * which GitHub renders back as the password. A fault is `it.failing` asserting the right answer;
 * an attack refused is an ordinary test. Also: `withoutValues` replaces a NoEcho value inside every
 * string of the result, its machine fields too, so a short value (a NoEcho DB user `orders`)
 * rewrites the result's `stackName`.
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

const TEMPLATE = JSON.stringify({
  Parameters: { DbPassword: { Type: 'String', NoEcho: true } },
  Resources: {
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { MasterUserPassword: { Ref: 'DbPassword' } } },
  },
});

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

/** What a reader of the rendered Markdown sees: escapes and zero-width spaces gone, `&lt;` a `<`. */
const rendered = (text: string) =>
  text.replaceAll('\u200b', '').replaceAll('&lt;', '<').replaceAll('&amp;', '&').replace(/\\(.)/g, '$1');

function deploy(password: string) {
  const clock = virtualClock();
  const output = collectLog();
  const result = deployStack({
    cfn,
    stackName: STACK_NAME,
    templateBody: TEMPLATE,
    parameters: { DbPassword: password },
    tags: {},
    recreateRolledBackStack: false,
    terminationProtection: false,
    changeSetName: CHANGE_SET_NAME,
    dryRun: false,
    timeoutMs: 1_800_000,
    sleep: clock.sleep,
    now: clock.now,
    log: output.log,
  });
  return { result, lines: output.lines };
}

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
  cfnMock.on(DeleteChangeSetCommand).resolves({});
});

function rejectWithEcho(password: string) {
  cfnMock
    .on(CreateChangeSetCommand)
    .rejects(
      awsError('ValidationError', `Parameter 'DbPassword' value '${password}' failed to satisfy constraint`),
    );
  scriptStackOperation({ cfnMock, baseline: PREVIOUS_DEPLOY_EVENTS, steps: [{ status: 'UPDATE_COMPLETE' }] });
}

function failWithEchoingEvent(password: string) {
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
            reason: `Value (${password}) for parameter MasterUserPassword is invalid`,
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
}

describe('review10n attacker: a NoEcho value Markdown-escaped before it is looked for', () => {
  it.each([['Zq8*vR2mL0pWx7Nt'], ['Zq8[vR2mL0]pWx7'], ['Zq8<vR2mL0pWx7Nt'], ['p@ssW0rd-Long-1x']])(
    'fixed FAULT: an AWS error echoing the NoEcho value %s: the result message does not carry it escaped',
    async (password) => {
      rejectWithEcho(password);
      const result = await deploy(password).result;
      expect(result.finalStatus).toBe('failure');
      expect(rendered(result.message)).not.toContain(password);
    },
  );

  it('fixed FAULT: a stack event status reason echoing `Zq8*vR2mL0pWx7Nt`: the result message does not carry it escaped', async () => {
    const password = 'Zq8*vR2mL0pWx7Nt';
    failWithEchoingEvent(password);
    const result = await deploy(password).result;
    expect(result.finalStatus).toBe('failure');
    expect(rendered(result.message)).not.toContain(password);
  });
});

describe('review10n attacker: a short NoEcho value replaced inside the result’s own fields', () => {
  it('fixed FAULT: a NoEcho DB user `orders` (AWS’s own NoEcho DBUser example) leaves the result’s stackName intact', async () => {
    rejectWithEcho('unrelated');
    const result = await deploy('orders').result;
    expect(result.stackName).toBe(STACK_NAME);
  });
});

describe('review10n attacker: NoEcho values found (refused)', () => {
  it('the same escaped-character password is not in the log lines (logged raw, then withheld)', async () => {
    const password = 'Zq8*vR2mL0pWx7Nt';
    rejectWithEcho(password);
    const run = deploy(password);
    await run.result;
    expect(rendered(run.lines.join('\n'))).not.toContain(password);
  });

  it('a password of plain letters, digits and dashes is not in the message', async () => {
    const password = 'Zq8-vR2mL0pWx7Nt';
    failWithEchoingEvent(password);
    const result = await deploy(password).result;
    expect(rendered(result.message)).not.toContain(password);
  });

  it('a password with a quote, echoed JSON-escaped in a status reason, is not in the log', async () => {
    const password = 'Zq8"vR2mL0pWx7Nt';
    failWithEchoingEvent(JSON.stringify(password).slice(1, -1));
    const run = deploy(password);
    await run.result;
    expect(run.lines.join('\n')).not.toContain(JSON.stringify(password).slice(1, -1));
  });
});
