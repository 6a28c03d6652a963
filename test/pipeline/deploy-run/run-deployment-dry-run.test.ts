import {
  DeleteChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { describeStacksAnswer } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  SHA,
  cfnMock,
  cloudwatchMock,
  payload,
  fakeGitHub,
  run,
  scriptSuccessfulUpdate,
  resetDeployMocks,
} from './helpers/deploy-run-harness.js';

beforeEach(() => {
  resetDeployMocks();
  cfnMock.on(DeleteChangeSetCommand).resolves({});
  cfnMock.on(DescribeStacksCommand).resolves(describeStacksAnswer('UPDATE_COMPLETE'));
});

/** Every deployment status the run sent, as sent. */
function recordStatuses(github: ReturnType<typeof fakeGitHub>) {
  const sent: Array<{ state: string; auto_inactive?: boolean }> = [];
  const send = github.client.repos.createDeploymentStatus;
  github.client.repos.createDeploymentStatus = async (params) => {
    sent.push(params);
    return send(params);
  };
  return sent;
}

describe('runDeployment: a dry run changes nothing the history says is deployed', () => {
  // The example: `/deploy production --dry-run` ended `success` with `auto_inactive`, which
  // retires the real deployments before it.
  it.each(['production', 'staging'])(
    'in %s, posts the change set and retires no deployment',
    async (environment) => {
      const github = fakeGitHub();
      const sent = recordStatuses(github);

      const outcome = await run(github, { environment, payload: { ...payload, dry_run: true } });

      expect(outcome).toMatchObject({ status: 'deployed' });
      expect(cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
      expect(sent.map((status) => [status.state, status.auto_inactive])).toEqual([
        ['in_progress', false],
        ['success', false],
      ]);
    },
  );

  it('a real deploy’s success still retires the earlier deployments, and nothing else does', async () => {
    const github = fakeGitHub({ template: null });
    const sent = recordStatuses(github);

    await run(github);

    expect(sent.map((status) => [status.state, status.auto_inactive])).toEqual([
      ['in_progress', false],
      ['failure', false],
    ]);
  });

  it('a dry run refused before it starts retires nothing either', async () => {
    const github = fakeGitHub();
    const sent = recordStatuses(github);

    await run(github, { payload: { ...payload, dry_run: true, checked_sha: 'e'.repeat(40) } });

    expect(sent.map((status) => status.auto_inactive)).toEqual([false, false]);
  });

  it('an automatic rollback returns past a newer dry run to what really ran', async () => {
    const GOOD_SHA = 'b'.repeat(40);
    const PLANNED_SHA = 'c'.repeat(40);
    scriptSuccessfulUpdate();
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: SHA, states: ['in_progress'], payload },
        {
          id: 6995,
          sha: PLANNED_SHA,
          states: ['success'],
          payload: { ...payload, checked_sha: PLANNED_SHA, dry_run: true },
        },
        { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
      ],
    });

    await run(github, { staging: { bake_minutes: 10, auto_rollback: true } });

    expect(github.created).toEqual([
      { ref: GOOD_SHA, payload: expect.objectContaining({ rollback_of: 7001, rollback_to: 6990 }) },
    ]);
  });
});
