/**
 * Attacker pass (review #10o) on deploy state per environment when a deployment no workflow run
 * can start (src/pipeline/deploy/unstartable-deploy-steps.ts, landed last session) meets one that
 * is still running (src/core/task/apply-deploy-event.ts). The merge's deploy to staging
 * (deployment 100, made with the App's token) is running; a `/deploy staging` handled by a
 * workflow holding only `GITHUB_TOKEN` makes deployment 101, which GitHub will never start: it is
 * ended `error` at once ("nothing was deployed"), and the task records `deploy_finished`
 * (failed, 101) for staging, taken as 101's start and end. Deployment 100 then finishes: what runs
 * on staging is 100's code. Its finish is dropped as "a deployment another one has since
 * replaced", though 101 replaced nothing, and a later automatic rollback of 100 is dropped the
 * same way (`replacedBy` names 100, the entry is 101). The record, the status comment and every
 * mirror say staging's deploy failed while 100 runs, and never that 100 was rolled back. A fault is
 * `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { applyDeployEvent, type EnvironmentDeploys } from '../../../src/core/task/apply-deploy-event.js';
import type { DeployEventBody } from '../../../src/core/task/apply-deploy-event.js';
import { unstartableDeploySteps } from '../../../src/pipeline/deploy/unstartable-deploy-steps.js';
import type { TaskStep } from '../../../src/pipeline/task/task-step.js';

type DeployStep = Extract<TaskStep, { type: DeployEventBody['type'] }>;

const TASK = 'acme/shop#7';
const SHA = 'c'.repeat(40);
let clock = Date.parse('2026-12-01T05:00:00.000Z');
const at = () => new Date((clock += 1000)).toISOString();

const apply = (environments: EnvironmentDeploys, event: DeployStep) =>
  applyDeployEvent({
    environments,
    taskId: TASK,
    event: { ...event, task_id: TASK, at: at() } as DeployEventBody,
  });

/** Staging while the merge's deployment 100 runs, then `/deploy staging` made 101, unstartable. */
function afterUnstartable(): EnvironmentDeploys {
  const running = apply({}, { type: 'deploy_started', environment: 'staging', deployment_id: 100, sha: SHA });
  const steps = unstartableDeploySteps({
    status: 'deploy_failed',
    reasonCode: 'deployment_unstartable',
    deploymentId: 101,
    environment: 'staging',
    sha: SHA,
    taskId: TASK,
    message: 'Deployment 101 to staging was created with the workflow’s GITHUB_TOKEN; nothing was deployed.',
  });
  expect(steps).toHaveLength(1);
  return steps.reduce((environments, step) => apply(environments, step as DeployStep), running);
}

describe('review10o attacker: an unstartable deployment over one still running', () => {
  it('fixed FAULT: deployment 100 finishing after the unstartable 101 leaves staging deployed (100)', () => {
    const finished = apply(afterUnstartable(), {
      type: 'deploy_finished',
      environment: 'staging',
      deployment_id: 100,
      sha: SHA,
      succeeded: true,
      environment_url: 'https://staging.shop.example',
    });
    expect(finished['staging']).toMatchObject({ status: 'deployed', deployment_id: 100 });
  });

  it('fixed FAULT: an automatic rollback of 100 (alarm while baking) marks staging rolled_back', () => {
    const rolledBack = apply(afterUnstartable(), {
      type: 'deploy_rolled_back',
      environment: 'staging',
      rollback_deployment_id: 102,
      rolled_back_deployment_id: 100,
    });
    expect(rolledBack['staging']).toMatchObject({ status: 'rolled_back' });
  });
});

describe('review10o attacker: unstartable deployments (refused)', () => {
  it('the unstartable deployment itself is recorded beside the running one, as its failed last attempt', () => {
    expect(afterUnstartable()['staging']).toMatchObject({
      status: 'deploying',
      deployment_id: 100,
      last_attempt: { deployment_id: 101, sha: SHA, status: 'deploy_failed' },
    });
  });

  it('a later deploy after the unstartable one moves staging on (it blocks nothing)', () => {
    const later = apply(afterUnstartable(), {
      type: 'deploy_started',
      environment: 'staging',
      deployment_id: 103,
      sha: SHA,
    });
    expect(later['staging']).toMatchObject({ status: 'deploying', deployment_id: 103 });
  });

  it('a dry run that could not start records nothing', () => {
    expect(
      unstartableDeploySteps({
        status: 'deploy_failed',
        deploymentId: 104,
        environment: 'staging',
        sha: SHA,
        dryRun: true,
        message: 'nothing was deployed',
      }),
    ).toEqual([]);
  });
});
