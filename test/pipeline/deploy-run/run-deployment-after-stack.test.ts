import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFilesystemDeploymentStore } from '../../../src/filesystem/filesystem-deployment-store.js';
import { awsError } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import {
  SHA,
  cfnMock,
  cloudwatchMock,
  fakeGitHub,
  fakeLocks,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

const API_URL = 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod';
const denied = (action: string) =>
  awsError(
    'AccessDenied',
    `User: arn:aws:sts::123456789012:assumed-role/deploy/GitHubActions is not authorized to perform: ${action} on resource: arn:aws:cloudformation:ap-southeast-2:123456789012:stack/orders-api-staging/*`,
  );

describe('runDeployment: once CloudFormation has finished, later steps cannot change the outcome', () => {
  const newStore = async () => createFilesystemDeploymentStore(await mkdtemp(path.join(tmpdir(), 'store-')));

  it('reports a completed canary update as deployed, with a warning naming the missing ListStackResources permission, and stores the record', async () => {
    scriptSuccessfulUpdate();
    cfnMock.on(ListStackResourcesCommand).rejects(denied('cloudformation:ListStackResources'));
    const github = fakeGitHub();
    const store = await newStore();

    const outcome = await run(github, {
      payload: { ...payload, strategy: 'canary' },
      codeDeploy: true,
      deploymentStore: store,
    });

    expect(outcome.status).toBe('deployed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(github.statuses[1]?.environment_url).toBe(API_URL);
    const report = github.comments.at(-1) ?? '';
    expect(report).toContain('🟢 **staging**');
    expect(report).toContain('Following the CodeDeploy traffic shift failed');
    expect(report).toContain('cloudformation:ListStackResources');
    expect(outcome).toMatchObject({
      result: {
        warnings: [expect.stringContaining('missing permission for `cloudformation:ListStackResources`')],
      },
    });
    expect(
      await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 7001 }),
    ).toMatchObject({ sha: SHA, outputs: { ApiUrl: API_URL } });
  });

  it('keeps a deploy successful when the bake window cannot read the alarms, naming cloudwatch:DescribeAlarms', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock.on(DescribeAlarmsCommand).rejects(denied('cloudwatch:DescribeAlarms'));
    const github = fakeGitHub();

    const outcome = await run(github, { staging: { bake_minutes: 10 } });

    expect(outcome.status).toBe('deployed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(github.comments.at(-1)).toContain('cloudwatch:DescribeAlarms');
  });

  it('keeps a deploy successful when its lock cannot be released, saying when the lock expires', async () => {
    scriptSuccessfulUpdate();
    const locks = fakeLocks();
    locks.store.release = async () => {
      throw new Error('DynamoDB is unreachable');
    };
    const github = fakeGitHub();

    const outcome = await run(github, { lockStore: locks.store });

    expect(outcome.status).toBe('deployed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(github.comments.at(-1)).toMatch(
      /could not be released \(DynamoDB is unreachable\); it expires at .*\/unlock staging/,
    );
  });

  it('never overwrites the final status when the report cannot be posted afterwards', async () => {
    scriptSuccessfulUpdate();
    const github = fakeGitHub();
    let posts = 0;
    const post = github.client.issues.createComment;
    github.client.issues.createComment = async (p) => {
      posts += 1;
      // The change set summary goes through; the final report meets a 403.
      if (posts > 1)
        throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
      return post(p);
    };

    const outcome = await run(github);

    expect(outcome).toMatchObject({
      status: 'deployed',
      result: { warnings: [expect.stringContaining('Posting the deploy report failed')] },
    });
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  });

  it('keeps a failed deploy failed, and says so, when its automatic rollback cannot be created', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: SHA, states: ['in_progress'], payload },
        {
          id: 6990,
          sha: 'b'.repeat(40),
          states: ['success'],
          payload: { ...payload, checked_sha: 'b'.repeat(40) },
        },
      ],
    });
    github.client.repos.createDeployment = async () => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    };

    const outcome = await run(github, { staging: { bake_minutes: 10 } });

    expect(outcome.status).toBe('deploy_failed');
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(github.comments.at(-1)).toContain('The automatic rollback failed');
  });
});
