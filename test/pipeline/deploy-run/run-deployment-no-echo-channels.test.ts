import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { awsError } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import {
  cfnMock,
  cloudwatchMock,
  fakeGitHub,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

// Review 14b (issue #10): the deploy withheld NoEcho values from the change set and stack text
// only; the steps after the stack (the traffic shift, the bake window) read AWS text too, and their
// errors reached the report and the result as AWS wrote them.

const SECRET = 'Sup3r-Secret-Passw0rd';
const TEMPLATE = [
  'Parameters:',
  '  Stage: {Type: String}',
  '  DbPassword: {Type: String, NoEcho: true}',
  'Resources: {}',
].join('\n');
const withSecret = { ...payload, parameters: { Stage: 'staging', DbPassword: SECRET } };
const echoing = (action: string) =>
  awsError('AccessDenied', `not authorized to perform: ${action} (${SECRET})`);

beforeEach(resetDeployMocks);

describe('runDeployment: every channel after the stack withholds NoEcho values', () => {
  it('the traffic shift step: its error reaches neither the report nor the result', async () => {
    scriptSuccessfulUpdate();
    cfnMock.on(ListStackResourcesCommand).rejects(echoing('cloudformation:ListStackResources'));
    const github = fakeGitHub({ template: TEMPLATE });

    const outcome = await run(github, { payload: { ...withSecret, strategy: 'canary' }, codeDeploy: true });

    expect(outcome.status).toBe('deployed');
    const report = github.comments.at(-1) ?? '';
    expect(report).toContain('cloudformation:ListStackResources');
    expect(report).not.toContain(SECRET);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it('the bake window: its error reaches neither the report nor the result', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock.on(DescribeAlarmsCommand).rejects(echoing('cloudwatch:DescribeAlarms'));
    const github = fakeGitHub({ template: TEMPLATE });

    const outcome = await run(github, { payload: withSecret, staging: { bake_minutes: 10 } });

    expect(outcome.status).toBe('deployed');
    const report = github.comments.at(-1) ?? '';
    expect(report).toContain('cloudwatch:DescribeAlarms');
    expect(report).not.toContain(SECRET);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});
