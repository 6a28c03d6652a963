import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LifecycleEvent } from '../../src/core/task/lifecycle-event.js';
import type { TaskEventBody } from '../../src/core/task/task-event.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { openTaskJournal } from '../../src/pipeline/mirror/task-journal.js';
import type { TaskStep } from '../../src/pipeline/task/status-board.js';
import { createMotoMirror, motoOverrides } from './helpers/moto.js';

let aws: Required<Pick<MirrorStores, 'tasks' | 'events'>> & MirrorStores;
beforeAll(async () => {
  const moto = await createMotoMirror();
  aws = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides() }) as typeof aws;
});
afterAll(() => aws.close());

describe("a deploy run's journal over the DynamoDB tables, then another log's sync into them (moto)", () => {
  it('keeps unsent_events in the tasks table until the journal sends them', async () => {
    const taskId = `acme/outbox#${Date.now() % 100000}`;
    const at = '2026-11-29T10:00:00.000Z';
    const step = (body: TaskStep) => ({ ...body, task_id: taskId, at }) as TaskEventBody;
    const published: LifecycleEvent[] = [];
    let up = false;
    const publisher = {
      publish: async (events: readonly LifecycleEvent[]) => {
        if (!up) throw new Error('PutEvents failed: connect ECONNREFUSED');
        published.push(...events);
      },
    };
    const local = filesystemStores(await mkdtemp(path.join(tmpdir(), 'outbox-moto-')));
    const writer = () =>
      openTaskJournal({ taskId, log: local, mirror: { tasks: aws.tasks, events: aws.events } });
    const deployRun = () =>
      openTaskJournal({ taskId, log: { tasks: aws.tasks, events: aws.events }, mirror: { publisher } });

    await writer().record([
      step({ type: 'task_received', repo: 'acme/outbox', issue_number: 1 }),
      step({ type: 'state_changed', to: 'generating' }),
    ]);
    await deployRun().record([
      step({ type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: 'a'.repeat(40) }),
    ]);
    await writer().record([step({ type: 'state_changed', to: 'validating' })]);

    const after = await aws.tasks.get(taskId);
    expect(after?.status).toBe('validating');
    expect(after?.unsent_events?.map((event) => event.detailType)).toEqual(['Deploy Started']);

    up = true;
    await deployRun().record([
      step({ type: 'deploy_finished', environment: 'staging', deployment_id: 501, succeeded: true }),
    ]);
    expect(published.map((event) => event.detailType)).toEqual(['Deploy Started', 'Deploy Succeeded']);
    expect((await aws.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });
});
