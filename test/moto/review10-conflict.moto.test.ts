import { applyTaskEvent } from '../../src/core/task/apply-task-event.js';
import type { TaskStore } from '../../src/core/stores/task-store.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { syncTaskMirror } from '../../src/pipeline/mirror/sync-task-mirror.js';
import { createMotoMirror, motoOverrides } from './helpers/moto.js';

let aws: Required<Pick<MirrorStores, 'tasks' | 'events'>> & MirrorStores;
beforeAll(async () => {
  const moto = await createMotoMirror();
  aws = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides() }) as typeof aws;
});
afterAll(() => aws.close());

describe('review10: two runs syncing one task at the same moment (DynamoDB conditional writes on moto)', () => {
  it('the run whose conditional put loses to a different record of the same version reports behind, with the another-run warning, and the mirror keeps the other record', async () => {
    const taskId = `acme/race#${Date.now() % 100000}`;
    const received = applyTaskEvent(undefined, {
      type: 'task_received',
      task_id: taskId,
      at: '2026-11-24T10:00:00.000Z',
      repo: 'acme/race',
      issue_number: 1,
    });
    await syncTaskMirror({ record: received.record, events: [received.event], mirror: aws });

    // Two runs take different steps from version 1 (a generation run and a /cancel, say).
    const a = applyTaskEvent(received.record, {
      type: 'state_changed',
      task_id: taskId,
      at: '2026-11-24T10:01:00.000Z',
      to: 'generating',
    });
    const b = applyTaskEvent(received.record, {
      type: 'state_changed',
      task_id: taskId,
      at: '2026-11-24T10:01:00.500Z',
      to: 'cancelled',
    });

    // B reads the mirror (version 1); A's whole sync lands before B writes.
    let aDone = false;
    const interleaved: TaskStore = {
      ...aws.tasks,
      get: async (id) => {
        const read = await aws.tasks.get(id);
        if (!aDone) {
          aDone = true;
          await syncTaskMirror({ record: a.record, events: [a.event], mirror: aws });
        }
        return read;
      },
    };
    const bResult = await syncTaskMirror({
      record: b.record,
      events: [b.event],
      mirror: { tasks: interleaved, events: aws.events },
    });

    expect((await aws.tasks.get(taskId))?.status).toBe('generating');
    // README "When a mirror is down": the loser's status comment says the mirror holds a version
    // written by another run, and its step is kept beside it in the results table.
    expect(bResult).toMatchObject({
      status: 'behind',
      warning: `The task mirror holds version 2 of task ${taskId}, written by another run at the same time, where this run wrote version 2; this run's steps were added to the results table beside it.`,
    });
    const steps = (await aws.events.list(taskId)).filter((event) => event.type === 'state_changed');
    expect(steps.map((event) => event.type === 'state_changed' && event.to).sort()).toEqual([
      'cancelled',
      'generating',
    ]);
  });

  it('the same step synced twice at once (a redelivery) loses its conditional put to itself: no warning', async () => {
    const taskId = `acme/race-same#${Date.now() % 100000}`;
    const received = applyTaskEvent(undefined, {
      type: 'task_received',
      task_id: taskId,
      at: '2026-11-24T10:00:00.000Z',
      repo: 'acme/race-same',
      issue_number: 1,
    });
    await syncTaskMirror({ record: received.record, events: [received.event], mirror: aws });
    const step = applyTaskEvent(received.record, {
      type: 'state_changed',
      task_id: taskId,
      at: '2026-11-24T10:01:00.000Z',
      to: 'generating',
    });
    let first = true;
    const interleaved: TaskStore = {
      ...aws.tasks,
      get: async (id) => {
        const read = await aws.tasks.get(id);
        if (first) {
          first = false;
          await syncTaskMirror({ record: step.record, events: [step.event], mirror: aws });
        }
        return read;
      },
    };
    const again = await syncTaskMirror({
      record: step.record,
      events: [step.event],
      mirror: { tasks: interleaved, events: aws.events },
    });

    expect(again.status).not.toBe('behind');
    expect(await aws.tasks.get(taskId)).toMatchObject({ status: 'generating', version: 2 });
  });
});
