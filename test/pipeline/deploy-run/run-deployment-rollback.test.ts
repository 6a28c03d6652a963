import { deployRunAuthority } from '../../../src/core/deploy/deploy-run-authority.js';
import { judgeDeployment } from '../../../src/core/deploy/judge-deployment.js';
import { markerKeysFrom } from '../../../src/core/state/marker-keys.js';
import { signedDeploymentPayload } from '../../fixtures/signed-deployment-payload.js';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  PREVIOUS_DEPLOY_EVENTS,
  stackItself,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { scriptStackOperation } from '../../aws/cloudformation/helpers/scripted-stack.js';

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

beforeEach(resetDeployMocks);

const AGENT = 'implementation-agent[bot]';

describe('runDeployment: bake window and automatic rollback', () => {
  const ALARM = 'arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:orders-5xx';
  const GOOD_SHA = 'b'.repeat(40);

  it('succeeds once the alarms stay quiet for the whole bake window', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'OK' }] });
    const github = fakeGitHub();

    const outcome = await run(github, { staging: { bake_minutes: 5 } });

    expect(outcome.status).toBe('deployed');
    expect(cloudwatchMock.commandCalls(DescribeAlarmsCommand).length).toBeGreaterThan(1);
    expect(github.comments.at(-1)).toContain('Baked for 5 minute(s): no alarm fired.');
  });

  it('fails the deploy when an alarm fires while baking, and rolls back to what ran before', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'OK' }] })
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: SHA, states: ['in_progress'], payload },
        { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
      ],
    });

    const outcome = await run(github, {
      staging: { bake_minutes: 10, auto_rollback: true, alarm_arns: [ALARM] },
    });

    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringContaining('orders-5xx went into ALARM'),
    });
    expect(github.created).toEqual([
      { ref: GOOD_SHA, payload: expect.objectContaining({ checked_sha: GOOD_SHA, rollback_of: 7001 }) },
    ]);
    expect(github.statuses.map((s) => `${s.deploymentId} ${s.state}`)).toEqual([
      '7001 in_progress',
      '7001 failure',
      '8001 in_progress',
      expect.stringMatching(/^8001 (success|failure)$/),
    ]);
    expect(github.comments.at(-1)).toContain(
      'Automatic rollback to `bbbbbbb` (deployment 6990) as deployment 8001',
    );
  });

  it('signs the automatic rollback and returns only to a deployment the agent signed, past forged ones', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'OK' }] })
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
    const markerKeys = markerKeysFrom({ secret: 'deploy-run-secret' });
    const authority = deployRunAuthority({
      identity: 'github-actions[bot]',
      agentLogins: [AGENT],
      markerKeys,
      repositoryId: 4242,
    });
    const goodPayload = { ...payload, checked_sha: GOOD_SHA };
    const sign = (sha: string, fields: Record<string, unknown>) =>
      signedDeploymentPayload({
        payload: fields,
        sha,
        environment: 'staging',
        markerKeys,
        repository: 'acme/shop',
      });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: SHA, states: ['in_progress'], payload: sign(SHA, payload), creator: AGENT },
        // Newer than the good one: a hand-made "success" with another stack, and a signed copy made by a person.
        {
          id: 6995,
          sha: 'e'.repeat(40),
          states: ['success'],
          payload: { ...payload, stack_name: 'evil' },
          creator: AGENT,
        },
        {
          id: 6994,
          sha: GOOD_SHA,
          states: ['success'],
          payload: sign(GOOD_SHA, goodPayload),
          creator: 'mallory',
        },
        {
          id: 6990,
          sha: GOOD_SHA,
          states: ['success'],
          payload: sign(GOOD_SHA, goodPayload),
          creator: AGENT,
        },
      ],
    });

    await run(github, { staging: { bake_minutes: 10, auto_rollback: true, alarm_arns: [ALARM] }, authority });

    expect(github.created).toEqual([
      { ref: GOOD_SHA, payload: expect.objectContaining({ rollback_of: 7001, rollback_to: 6990 }) },
    ]);
    expect(
      judgeDeployment({
        creator: 'github-actions[bot]',
        creators: authority.creators,
        payload: github.created[0]?.payload,
        place: { repository: 'acme/shop', repositoryId: 4242, sha: GOOD_SHA, environment: 'staging' },
        keys: authority.keys,
      }).trust,
    ).toBe('verified');
  });

  it('rolls back after a bake alarm even without auto_rollback', async () => {
    scriptSuccessfulUpdate();
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [{ AlarmName: 'orders-5xx', StateValue: 'ALARM' }] });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: SHA, states: ['in_progress'], payload },
        { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
      ],
    });

    const outcome = await run(github, { staging: { bake_minutes: 10 } });

    expect(outcome.status).toBe('deploy_failed');
    expect(github.created).toHaveLength(1);
  });

  it('does not roll back a failed deploy without auto_rollback', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        {
          status: 'UPDATE_ROLLBACK_COMPLETE',
          events: [
            stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated'),
            stackItself('UPDATE_ROLLBACK_COMPLETE', 60),
          ],
        },
      ],
    });
    const github = fakeGitHub({
      history: [
        { id: 7001, sha: SHA, states: ['in_progress'], payload },
        { id: 6990, sha: GOOD_SHA, states: ['success'], payload: { ...payload, checked_sha: GOOD_SHA } },
      ],
    });

    const outcome = await run(github);

    expect(outcome.status).toBe('deploy_failed');
    expect(github.created).toEqual([]);
  });

  it('ends a deploy that outlives its deadline in failure', async () => {
    scriptStackOperation({
      cfnMock,
      baseline: PREVIOUS_DEPLOY_EVENTS,
      steps: [
        { status: 'UPDATE_COMPLETE' },
        { status: 'UPDATE_IN_PROGRESS', events: [stackItself('UPDATE_IN_PROGRESS', 10, 'User Initiated')] },
      ],
    });
    const github = fakeGitHub();

    const outcome = await run(github);

    expect(outcome).toMatchObject({ status: 'deploy_failed', result: { reason: 'timed-out' } });
    expect(github.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });
});
