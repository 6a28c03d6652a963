import {
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import {
  changeSetAnswer,
  describeStacksAnswer,
  resourceChange,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import {
  cfnMock,
  fakeGitHub,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from '../deploy-run/helpers/deploy-run-harness.js';

// Review #9 fourth attacker pass, automated mode (DESIGN §4: "resource replacement or deletion →
// escalate to guided"). When the PR opens, no change set exists, so the classifier cannot see that
// a template dropping a resource deletes it from the running stack. Automated mode's deploy on
// merge (payload `merge_of`) then executed whatever the change set did: a table removed or
// replaced, its data gone, with nobody asked. The change set is the first place the deletion shows:
// an automated deploy stops there (`changeSetRisks`), posts why, and a person deploys with /deploy.

const automated = { ...payload, merge_of: 42 };

function changeSetWith(...changes: Parameters<typeof resourceChange>[]) {
  cfnMock
    .on(DescribeChangeSetCommand)
    .resolves(
      changeSetAnswer('CREATE_COMPLETE', { Changes: changes.map((change) => resourceChange(...change)) }),
    );
}

beforeEach(() => {
  resetDeployMocks();
  cfnMock.on(DeleteChangeSetCommand).resolves({});
  cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
});

describe('review #9d attacks: automated deploy on merge of a change set that deletes or replaces', () => {
  it.each<[string, Parameters<typeof resourceChange>]>([
    ['removes a table', ['Remove', 'OrdersTable', 'AWS::DynamoDB::Table']],
    ['replaces a table', ['Modify', 'OrdersTable', 'AWS::DynamoDB::Table', 'True']],
    ['may replace a bucket', ['Modify', 'Uploads', 'AWS::S3::Bucket', 'Conditional']],
  ])('FAULT: a change set that %s is not executed; the deploy stops and says why', async (_name, change) => {
    scriptSuccessfulUpdate();
    changeSetWith(['Modify', 'OrdersFunction', 'AWS::Lambda::Function', 'False'], change);
    const github = fakeGitHub();

    const outcome = await run(github, { payload: automated, staging: { auto_rollback: true } });

    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(outcome.status).toBe('deploy_failed');
    expect(github.statuses.at(-1)?.state).toBe('failure');
    // Nothing ran, so nothing is rolled back either.
    expect(github.created).toEqual([]);
    expect(github.comments.join('\n')).toContain(change[1]);
    expect(github.comments.join('\n')).toMatch(/\/deploy staging/);
  });

  it('control: an automated deploy whose change set only modifies in place runs', async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub();

    const outcome = await run(github, { payload: automated });

    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(outcome.status).toBe('deployed');
  });

  it('control: a /deploy a person asked for by name runs a change set that removes a resource', async () => {
    scriptSuccessfulUpdate();
    changeSetWith(['Remove', 'OldQueue', 'AWS::SQS::Queue']);
    const github = fakeGitHub();

    const outcome = await run(github, { payload });

    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(outcome.status).toBe('deployed');
  });

  // A rollback's payload is the one of the deployment it returns to, `merge_of` included: a person
  // asked for it (`/rollback`) or an alarm did, and undoing a deploy removes what it added.
  it('control: a rollback to a deploy on merge runs a change set that removes what the failed deploy added', async () => {
    scriptSuccessfulUpdate();
    changeSetWith(['Remove', 'NewQueue', 'AWS::SQS::Queue']);
    const github = fakeGitHub();

    const outcome = await run(github, { payload: { ...automated, rollback_of: 7000, rollback_to: 6990 } });

    expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(outcome.status).toBe('deployed');
  });
});
