import { TaskEventConflictError, type TaskEventStore } from '../../../src/core/stores/task-event-store.js';
import { parkedStepOf } from '../../../src/core/task/parked-step.js';
import type { TaskEvent } from '../../../src/core/task/task-event.js';
import { freshTaskId } from './task-store-contract.js';

function events(taskId: string): TaskEvent[] {
  const repo = taskId.split('#')[0]!;
  return [
    {
      type: 'task_received',
      task_id: taskId,
      at: '2026-11-24T10:00:00.000Z',
      repo,
      issue_number: 7,
      sequence: 1,
    },
    { type: 'state_changed', task_id: taskId, at: '2026-11-24T10:00:00.000Z', to: 'generating', sequence: 2 },
    { type: 'attempt_started', task_id: taskId, at: '2026-11-24T10:00:00.000Z', attempt: 1, sequence: 3 },
    {
      type: 'deploy_started',
      task_id: taskId,
      at: '2026-11-24T10:00:05.000Z',
      environment: 'staging',
      deployment_id: 501,
      sha: 'a'.repeat(40),
      sequence: 4,
    },
  ];
}

/** What every TaskEventStore promises: append-only, idempotent, read back in order. */
export function describeTaskEventStoreContract(name: string, make: () => TaskEventStore): void {
  describe(`${name}: TaskEventStore contract`, () => {
    it('keeps parked steps beside the events, apart from them, each once however often parked', async () => {
      const store = make();
      const taskId = freshTaskId();
      const all = events(taskId);
      for (const event of all) await store.append(event);
      const { sequence: _sequence, ...step } = all[3]!;
      const first = parkedStepOf(step, 0);
      const second = parkedStepOf({ ...step, at: '2026-11-24T10:00:06.000Z' }, 1);
      await store.park(first);
      await store.park(first);
      await store.park(second);
      const parked = await store.listParked(taskId);
      expect(parked.sort((a, b) => a.position - b.position)).toEqual([first, second]);
      expect(await store.listParked(freshTaskId())).toEqual([]);
      // A parked step is not an event of the task's life.
      expect(await store.list(taskId)).toEqual(all);
    });

    it('reads a task’s events back in sequence order, whatever order they were appended in', async () => {
      const store = make();
      const taskId = freshTaskId();
      const all = events(taskId);
      for (const event of [all[3]!, all[0]!, all[2]!, all[1]!])
        expect(await store.append(event)).toBe('appended');
      expect(await store.list(taskId)).toEqual(all);
      expect(await store.list(freshTaskId())).toEqual([]);
    });

    it('takes the same event twice as already present, so a catch-up may replay', async () => {
      const store = make();
      const [first] = events(freshTaskId());
      await store.append(first!);
      expect(await store.append({ ...first! })).toBe('already-present');
      expect(await store.list(first!.task_id)).toHaveLength(1);
    });

    it('never overwrites: a different event at the same place is refused', async () => {
      const store = make();
      const [first] = events(freshTaskId());
      await store.append(first!);
      await expect(store.append({ ...first!, issue_number: 8 } as TaskEvent)).rejects.toThrow(
        TaskEventConflictError,
      );
      expect(await store.list(first!.task_id)).toEqual([first]);
    });
  });
}
