/**
 * Attacker pass (review #10p) on unstartable deploys kept as `last_attempt` beside what runs
 * (src/core/task/apply-deploy-event.ts, merge-environment-deploys.ts, render/deploy-section.ts).
 * Attacked: events out of order — an older deployment's start (or its finish, its start never
 * recorded) arriving after a newer deployment that could not start was kept — which must not
 * drop the newer attempt ("a later start supersedes it", not an earlier one); the running
 * deployment's own finish and rollback after an attempt; merging a record and a mirror that each
 * hold a different attempt; rendering. A fault is `it.failing` asserting the right answer; an
 * attack refused is an ordinary test.
 */
import { renderDeploySection } from '../../../src/core/render/deploy-section.js';
import { applyDeployEvent, type EnvironmentDeploys } from '../../../src/core/task/apply-deploy-event.js';
import type { DeployEventBody } from '../../../src/core/task/apply-deploy-event.js';
import { mergeEnvironmentDeploys } from '../../../src/core/task/merge-environment-deploys.js';

const TASK = 'acme/shop#7';
const RUNNING = 'a'.repeat(40);
const QUEUED = 'b'.repeat(40);
const REFUSED = 'c'.repeat(40);
const at = (minute: number) => `2026-12-01T05:${String(minute).padStart(2, '0')}:00.000Z`;

const apply = (environments: EnvironmentDeploys, event: DeployEventBody) =>
  applyDeployEvent({ environments, taskId: TASK, event });
const base = { task_id: TASK, environment: 'staging' } as const;
/** Staging runs deployment 10; deployment 12 is queued (its run waits for a runner); 13 could not start. */
const RUNS_10: EnvironmentDeploys = {
  staging: { status: 'deployed', deployment_id: 10, sha: RUNNING, updated_at: at(0) },
};
const unstartable13 = (environments: EnvironmentDeploys) =>
  apply(environments, {
    ...base,
    type: 'deploy_finished',
    at: at(3),
    deployment_id: 13,
    sha: REFUSED,
    succeeded: false,
    unstartable: true,
  });

describe('review10p attacker: an unstartable deploy kept beside what runs, events out of order', () => {
  it('fixed FAULT: the start of an older deployment (12) arriving after the kept attempt (13) keeps the attempt', () => {
    const kept = unstartable13(RUNS_10);
    const started = apply(kept, {
      ...base,
      type: 'deploy_started',
      at: at(4),
      deployment_id: 12,
      sha: QUEUED,
    });
    expect(started['staging']).toMatchObject({ status: 'deploying', deployment_id: 12 });
    expect(started['staging']?.last_attempt?.deployment_id).toBe(13);
  });

  it('fixed FAULT: the finish of an older deployment (12) whose start was never recorded keeps the attempt (13)', () => {
    const kept = unstartable13(RUNS_10);
    const finished = apply(kept, {
      ...base,
      type: 'deploy_finished',
      at: at(5),
      deployment_id: 12,
      sha: QUEUED,
      succeeded: true,
    });
    expect(finished['staging']).toMatchObject({ status: 'deployed', deployment_id: 12 });
    expect(finished['staging']?.last_attempt?.deployment_id).toBe(13);
  });

  it('the running deployment’s own finish and its rollback keep the attempt', () => {
    const deploying: EnvironmentDeploys = {
      staging: { status: 'deploying', deployment_id: 10, sha: RUNNING, updated_at: at(0) },
    };
    const finished = apply(unstartable13(deploying), {
      ...base,
      type: 'deploy_finished',
      at: at(4),
      deployment_id: 10,
      sha: RUNNING,
      succeeded: true,
    });
    expect(finished['staging']).toMatchObject({ status: 'deployed', last_attempt: { deployment_id: 13 } });
    const rolledBack = apply(finished, {
      ...base,
      type: 'deploy_rolled_back',
      at: at(6),
      rollback_deployment_id: 14,
      rolled_back_deployment_id: 10,
    });
    expect(rolledBack['staging']).toMatchObject({ status: 'rolled_back', rolled_back_by: 14 });
  });

  it('a later start (14) supersedes the attempt (13)', () => {
    const started = apply(unstartable13(RUNS_10), {
      ...base,
      type: 'deploy_started',
      at: at(6),
      deployment_id: 14,
      sha: QUEUED,
    });
    expect(started['staging']?.last_attempt).toBeUndefined();
  });

  it('merging a record and a mirror that hold different attempts keeps the newest, either way round', () => {
    const with13 = unstartable13(RUNS_10);
    const with11 = apply(RUNS_10, {
      ...base,
      type: 'deploy_finished',
      at: at(1),
      deployment_id: 11,
      sha: REFUSED,
      succeeded: false,
      unstartable: true,
    });
    for (const [left, right] of [
      [with13, with11],
      [with11, with13],
      [RUNS_10, with13],
      [with13, RUNS_10],
    ] as const)
      expect(mergeEnvironmentDeploys(left, right)?.['staging']).toMatchObject({
        deployment_id: 10,
        status: 'deployed',
        last_attempt: { deployment_id: 13 },
      });
  });

  it('renders what runs and, beside it, the attempt that could not start', () => {
    const section = renderDeploySection(unstartable13(RUNS_10));
    expect(section).toContain('`aaaaaaa`');
    expect(section).toMatch(/deployment 13 \(`ccccccc`\) could not start/);
  });
});
