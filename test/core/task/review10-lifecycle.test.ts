import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { lifecycleEventFor } from '../../../src/core/task/lifecycle-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';

describe('review10: the lifecycle events of a CLI task', () => {
  it.failing(
    'FAULT: README says a CLI task sends Pull Request Opened when its branch is ready, but the move to committed is no milestone (seen on moto: only Task Received reached the bus)',
    () => {
      const taskId = 'local/repo3#local-orders-api';
      let record: TaskRecord | undefined;
      const at = '2026-11-24T10:00:00.000Z';
      for (const body of [
        { type: 'task_received', task_id: taskId, at, repo: 'local/repo3' },
        { type: 'state_changed', task_id: taskId, at, to: 'generating' },
        { type: 'state_changed', task_id: taskId, at, to: 'validating' },
      ] as const)
        record = applyTaskEvent(record, body).record;
      const committed = applyTaskEvent(record, {
        type: 'state_changed',
        task_id: taskId,
        at,
        to: 'committed',
        branch: 'implementation/local-orders-api',
        commit: 'e'.repeat(40),
      });
      expect(lifecycleEventFor(committed.event, committed.record)?.detailType).toBe('Pull Request Opened');
    },
  );
});
