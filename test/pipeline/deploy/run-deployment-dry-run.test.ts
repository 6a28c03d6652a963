import {
  DeleteChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { describeStacksAnswer } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { cfnMock, payload, fakeGitHub, run, resetDeployMocks } from './helpers/deploy-run-harness.js';

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
});
