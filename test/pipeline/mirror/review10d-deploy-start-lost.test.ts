import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';
import { recordDeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';

const TASK_ID = 'acme/shop#7';
const SHA_1 = '1'.repeat(40);
const SHA_2 = '2'.repeat(40);
const at = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, '0')}:00.000Z`;

function received(): TaskRecord {
  return applyTaskEvent(undefined, { type: 'task_received', task_id: TASK_ID, repo: 'acme/shop', at: at(0) })
    .record;
}

describe('review10d: a deploy whose start step was never recorded (the mirror or GitHub failed at the start)', () => {
  it('FAULT: its successful finish after a failed staging deploy moves staging to deployed, with its own deployment and sha', () => {
    let record = received();
    for (const event of [
      { type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: SHA_1 },
      { type: 'deploy_finished', environment: 'staging', deployment_id: 501, succeeded: false },
    ] as const)
      record = applyTaskEvent(record, { ...event, task_id: TASK_ID, at: at(1) }).record;
    expect(record.environments['staging']?.status).toBe('deploy_failed');

    // Deployment 502's start was lost; its finish names its sha.
    const next = applyTaskEvent(record, {
      type: 'deploy_finished',
      task_id: TASK_ID,
      at: at(5),
      environment: 'staging',
      deployment_id: 502,
      succeeded: true,
      sha: SHA_2,
    }).record;
    expect(next.environments['staging']).toMatchObject({
      status: 'deployed',
      deployment_id: 502,
      sha: SHA_2,
      updated_at: at(5),
    });
  });

  it("FAULT: the first deploy's finish is taken when its start was lost", () => {
    const next = applyTaskEvent(received(), {
      type: 'deploy_finished',
      task_id: TASK_ID,
      at: at(5),
      environment: 'qa',
      deployment_id: 9,
      succeeded: false,
      sha: SHA_2,
    }).record;
    expect(next.environments['qa']).toMatchObject({ status: 'deploy_failed', deployment_id: 9, sha: SHA_2 });
  });

  it('a late finish of an older deployment still leaves the newer one as it is', () => {
    let record = received();
    record = applyTaskEvent(record, {
      type: 'deploy_started',
      task_id: TASK_ID,
      at: at(1),
      environment: 'staging',
      deployment_id: 502,
      sha: SHA_2,
    }).record;
    const late = applyTaskEvent(record, {
      type: 'deploy_finished',
      task_id: TASK_ID,
      at: at(2),
      environment: 'staging',
      deployment_id: 501,
      succeeded: true,
      sha: SHA_1,
    }).record;
    expect(late.environments['staging']).toMatchObject({
      status: 'deploying',
      deployment_id: 502,
      sha: SHA_2,
    });
  });

  it("FAULT: a deploy run's finished step names its sha, so the record takes it when the start step was lost", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10d-deploy-')));
    await openTaskJournal({ taskId: TASK_ID, log: mirror }).record([
      { type: 'task_received', task_id: TASK_ID, repo: 'acme/shop', at: at(0) },
    ]);
    const event: DeployEvent = {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 502,
      sha: SHA_2,
      environment: 'staging',
      payload: {},
    };
    const payload = deploymentPayloadSchema.parse({
      version: 1,
      task_id: TASK_ID,
      stack_name: 'shop-staging',
      template_path: 'template.yaml',
      region: 'us-east-1',
      parameters: {},
      checked_sha: SHA_2,
      requested_by: 'octocat',
    });
    // No status comment is read (no trust): the task moves in the mirror's own record.
    const warnings = await recordDeployStep({
      recording: { mirrors: { tasks: mirror.tasks, events: mirror.events } },
      client: {} as Parameters<typeof recordDeployStep>[0]['client'],
      event,
      payload,
      step: { kind: 'finished', succeeded: true },
      now: () => Date.parse(at(5)),
      log: () => undefined,
    });
    expect(warnings).toEqual([]);
    expect((await mirror.tasks.get(TASK_ID))?.environments['staging']).toMatchObject({
      status: 'deployed',
      deployment_id: 502,
      sha: SHA_2,
    });
  });
});
