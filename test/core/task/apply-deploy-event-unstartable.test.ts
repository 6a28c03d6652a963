import { renderDeploySection } from '../../../src/core/render/deploy-section.js';
import type { DeployState } from '../../../src/core/state/deploy-state.js';
import { applyDeployEvent, type EnvironmentDeploys } from '../../../src/core/task/apply-deploy-event.js';
import { mergeEnvironmentDeploys } from '../../../src/core/task/merge-environment-deploys.js';

const TASK = 'acme/shop#7';
const SHA = 'c'.repeat(40);
const OTHER = 'd'.repeat(40);
const AT = '2026-12-01T05:00:00.000Z';

const entry = (status: DeployState, deployment_id = 100): EnvironmentDeploys => ({
  staging: { status, deployment_id, sha: SHA, updated_at: AT },
});
const unstartable = (environments: EnvironmentDeploys, deployment_id = 101) =>
  applyDeployEvent({
    environments,
    taskId: TASK,
    event: {
      type: 'deploy_finished',
      task_id: TASK,
      at: '2026-12-01T05:01:00.000Z',
      environment: 'staging',
      deployment_id,
      sha: OTHER,
      succeeded: false,
      unstartable: true,
    },
  });
const ATTEMPT = { deployment_id: 101, sha: OTHER, status: 'deploy_failed', at: '2026-12-01T05:01:00.000Z' };

describe('a deployment that never started, over each deploy state', () => {
  it('in an environment never deployed to, is its entry: deploy_failed with its id', () => {
    expect(unstartable({})['staging']).toMatchObject({
      status: 'deploy_failed',
      deployment_id: 101,
      sha: OTHER,
    });
  });

  it.each(['deploying', 'deployed', 'deploy_failed', 'rolled_back'] as const)(
    'over %s, keeps the entry (what runs) and records the attempt beside it',
    (status) => {
      expect(unstartable(entry(status))['staging']).toEqual({
        ...entry(status)['staging'],
        last_attempt: ATTEMPT,
      });
    },
  );

  it('an older attempt than the one kept leaves it; a newer one replaces it', () => {
    const once = unstartable(entry('deployed'));
    expect(unstartable(once, 99)).toBe(once);
    expect(unstartable(once, 104)['staging']?.last_attempt?.deployment_id).toBe(104);
  });

  it('a later deploy that starts supersedes the attempt', () => {
    const started = applyDeployEvent({
      environments: unstartable(entry('deployed')),
      taskId: TASK,
      event: {
        type: 'deploy_started',
        task_id: TASK,
        at: AT,
        environment: 'staging',
        deployment_id: 103,
        sha: SHA,
      },
    });
    expect(started['staging']).toEqual({ status: 'deploying', deployment_id: 103, sha: SHA, updated_at: AT });
  });

  it('merging a record and a mirror keeps the newest attempt newer than the entry chosen', () => {
    const withAttempt = unstartable(entry('deploying'));
    expect(mergeEnvironmentDeploys(withAttempt, entry('deployed'))?.['staging']).toEqual({
      ...entry('deployed')['staging'],
      last_attempt: ATTEMPT,
    });
    expect(mergeEnvironmentDeploys(withAttempt, entry('deploying', 105))?.['staging']).toEqual(
      entry('deploying', 105)['staging'],
    );
  });

  it('the status comment shows the attempt beside what runs', () => {
    expect(renderDeploySection(unstartable(entry('deployed')))).toContain(
      '🟢 deployed · deployment 100 · `ccccccc` · 🔴 deploy failed: deployment 101 (`ddddddd`) could not start',
    );
  });
});
