/**
 * Attacker pass (review #10q) on deploy events arriving late or twice
 * (src/core/task/apply-deploy-event.ts). GitHub delivers webhooks at least once and in no set
 * order, a parked step is taken late, and a mirror catching up replays what the marker holds.
 * A finish of a deployment another one has replaced is ignored, and so is a rollback of an older
 * deployment. Attacked: a START delivered late — a duplicate of the recorded deployment's own
 * start, or the start of an older deployment, each timed before the entry was last updated —
 * which today moves a `deployed` (or `rolled_back`) environment back to `deploying`, with the
 * older sha and a time earlier than the entry's: the record rolled back by event ordering. A
 * start timed after the entry (a re-run of the deploy job really deploys again) may move it. A
 * fault is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { applyDeployEvent, type EnvironmentDeploys } from '../../../src/core/task/apply-deploy-event.js';
import type { DeployEventBody } from '../../../src/core/task/apply-deploy-event.js';

const TASK = 'acme/shop#7';
const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const at = (minute: number) => `2026-12-01T06:${String(minute).padStart(2, '0')}:00.000Z`;

const apply = (environments: EnvironmentDeploys, event: DeployEventBody) =>
  applyDeployEvent({ environments, taskId: TASK, event });
const base = { task_id: TASK, environment: 'staging' } as const;
const start = (deployment_id: number, sha: string, minute: number): DeployEventBody => ({
  ...base,
  type: 'deploy_started',
  at: at(minute),
  deployment_id,
  sha,
});
const finish = (deployment_id: number, sha: string, minute: number): DeployEventBody => ({
  ...base,
  type: 'deploy_finished',
  at: at(minute),
  deployment_id,
  sha,
  succeeded: true,
});

/** Deployment 10 (OLD) started at :01 and finished at :02; deployment 20 (NEW) started at :03 and finished at :04. */
const deployed10 = apply(apply({}, start(10, OLD, 1)), finish(10, OLD, 2));
const deployed20 = apply(apply(deployed10, start(20, NEW, 3)), finish(20, NEW, 4));

describe('review10q attacker: a deploy start delivered late', () => {
  it('fixed FAULT: a duplicate of the running deployment’s start, timed before its finish, leaves it deployed', () => {
    const replayed = apply(deployed20, start(20, NEW, 3));
    expect(replayed['staging']).toEqual(deployed20['staging']);
  });

  it('fixed FAULT: the start of an older deployment, timed before the newer one finished, leaves the newer one', () => {
    const late = apply(deployed20, start(10, OLD, 1));
    expect(late['staging']).toMatchObject({ status: 'deployed', deployment_id: 20, sha: NEW });
  });

  it('fixed FAULT: a late start of a rolled-back deployment leaves it rolled back', () => {
    const rolledBack = apply(deployed20, {
      ...base,
      type: 'deploy_rolled_back',
      at: at(6),
      rollback_deployment_id: 21,
      rolled_back_deployment_id: 20,
    });
    const replayed = apply(rolledBack, start(20, NEW, 3));
    expect(replayed['staging']).toMatchObject({ status: 'rolled_back', rolled_back_by: 21 });
  });

  it('the finish of an older deployment, delivered late, leaves the newer one (control)', () => {
    const late = apply(deployed20, finish(10, OLD, 2));
    expect(late['staging']).toEqual(deployed20['staging']);
  });

  it('a rollback of an older deployment, delivered late, leaves the newer one (control)', () => {
    const late = apply(deployed20, {
      ...base,
      type: 'deploy_rolled_back',
      at: at(5),
      rollback_deployment_id: 15,
      rolled_back_deployment_id: 10,
    });
    expect(late['staging']).toEqual(deployed20['staging']);
  });

  it('a re-run of the deployment’s job, timed after its finish, moves it to deploying (allowed)', () => {
    const rerun = apply(deployed20, start(20, NEW, 9));
    expect(rerun['staging']).toMatchObject({ status: 'deploying', deployment_id: 20, updated_at: at(9) });
  });

  it('a duplicate start of the deployment still running leaves it as it is', () => {
    const running = apply(deployed10, start(20, NEW, 3));
    expect(apply(running, start(20, NEW, 3))).toEqual(running);
  });

  it('a late start of an older deployment leaves a running newer one', () => {
    const running = apply(deployed10, start(20, NEW, 3));
    expect(apply(running, start(10, OLD, 1))['staging']).toEqual(running['staging']);
  });

  it('a newer deployment’s start, timed before the entry’s last change, still moves it (it runs now)', () => {
    const newer = apply(deployed20, start(30, OLD, 3));
    expect(newer['staging']).toMatchObject({ status: 'deploying', deployment_id: 30, sha: OLD });
  });

  it('a re-run of an older deployment’s job, timed after the entry, moves it to that sha', () => {
    const rerun = apply(deployed20, start(10, OLD, 9));
    expect(rerun['staging']).toMatchObject({ status: 'deploying', deployment_id: 10, sha: OLD });
  });

  it('a start whose time does not parse leaves a known entry as it is', () => {
    const unreadable = apply(deployed20, { ...start(20, NEW, 9), at: 'not a time' });
    expect(unreadable['staging']).toEqual(deployed20['staging']);
  });

  it('the first start of an environment is taken whatever its time', () => {
    expect(apply({}, start(5, OLD, 0))['staging']).toMatchObject({ status: 'deploying', deployment_id: 5 });
  });
});
