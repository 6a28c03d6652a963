import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { lifecycleEventFor } from '../../../src/core/task/lifecycle-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { fullLife } from './task-life.js';

describe('lifecycleEventFor', () => {
  it('makes one lifecycle event per milestone of a whole life, and none for the steps between', () => {
    let record: TaskRecord | undefined;
    const types: string[] = [];
    for (const body of fullLife()) {
      const applied = applyTaskEvent(record, body);
      record = applied.record;
      const lifecycle = lifecycleEventFor(applied.event, applied.record);
      if (lifecycle) {
        expect(lifecycle.detail).toMatchObject({
          version: 1,
          task_id: record.task_id,
          sequence: applied.event.sequence,
        });
        types.push(lifecycle.detailType);
      }
    }
    expect(types).toEqual([
      'Task Received',
      'Pull Request Opened',
      'Task Approved',
      'Task Merged',
      'Deploy Started',
      'Deploy Succeeded',
      'Deploy Rolled Back',
    ]);
  });

  it('names a failed deploy and its environment', () => {
    const start = applyTaskEvent(undefined, {
      type: 'task_received',
      task_id: 'a/b#1',
      repo: 'a/b',
      at: '2026-11-24T10:00:00Z',
    });
    const deploying = applyTaskEvent(start.record, {
      type: 'deploy_started',
      task_id: 'a/b#1',
      at: '2026-11-24T10:01:00Z',
      environment: 'staging',
      deployment_id: 5,
      sha: 'abc',
    });
    const failed = applyTaskEvent(deploying.record, {
      type: 'deploy_finished',
      task_id: 'a/b#1',
      at: '2026-11-24T10:02:00Z',
      environment: 'staging',
      deployment_id: 5,
      succeeded: false,
    });
    expect(lifecycleEventFor(failed.event, failed.record)).toEqual({
      detailType: 'Deploy Failed',
      detail: expect.objectContaining({
        environment: 'staging',
        deployment_id: 5,
        status: 'received',
        sequence: 3,
      }),
    });
  });
});
