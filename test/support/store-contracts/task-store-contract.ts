import { TaskVersionConflictError, type TaskStore } from '../../../src/core/stores/task-store.js';
import type { TaskEventStore } from '../../../src/core/stores/task-event-store.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';

let counter = 0;
/** A task id no other test in the same store uses. */
export function freshTaskId(repo = 'acme/shop'): string {
  counter += 1;
  return `${repo}#${1000 + counter}`;
}

export function receivedRecord(taskId: string, at = '2026-11-24T10:00:00.000Z'): TaskRecord {
  return applyTaskEvent(undefined, {
    type: 'task_received',
    task_id: taskId,
    at,
    repo: taskId.split('#')[0]!,
  }).record;
}

function moved(record: TaskRecord, to: 'generating' | 'cancelled'): TaskRecord {
  return applyTaskEvent(record, {
    type: 'state_changed',
    task_id: record.task_id,
    at: '2026-11-24T10:01:00.000Z',
    to,
  }).record;
}

/** What every TaskStore promises (DESIGN §11), whichever implementation keeps the records. */
export function describeTaskStoreContract(
  name: string,
  make: () => { tasks: TaskStore; events: TaskEventStore },
): void {
  describe(`${name}: TaskStore contract`, () => {
    it('answers undefined for a task it never stored', async () => {
      expect(await make().tasks.get(freshTaskId())).toBeUndefined();
    });

    it('stores a new record and reads it back exactly', async () => {
      const { tasks } = make();
      const record = receivedRecord(freshTaskId());
      await tasks.put(record, 0);
      expect(await tasks.get(record.task_id)).toEqual(record);
    });

    it('refuses a second creation and a write from a stale version, keeping what is there', async () => {
      const { tasks } = make();
      const record = receivedRecord(freshTaskId());
      await tasks.put(record, 0);
      await expect(tasks.put(record, 0)).rejects.toThrow(TaskVersionConflictError);

      const next = moved(record, 'generating');
      await tasks.put(next, 1);
      await expect(tasks.put(moved(record, 'cancelled'), 1)).rejects.toThrow(TaskVersionConflictError);
      expect(await tasks.get(record.task_id)).toEqual(next);
    });

    it('refuses a write whose version does not move forward', async () => {
      const { tasks } = make();
      const record = receivedRecord(freshTaskId());
      await expect(tasks.put(record, 1)).rejects.toThrow(RangeError);
    });

    it('takes a bookkeeping write that keeps the version read, on condition of that version', async () => {
      const { tasks } = make();
      const record = receivedRecord(freshTaskId());
      await tasks.put(record, 0);
      const outbox = {
        detailType: 'Task Received' as const,
        detail: {
          version: 1 as const,
          task_id: record.task_id,
          repo: record.repo,
          sequence: 1,
          at: record.updated_at,
          status: record.status,
        },
      };
      await tasks.put({ ...record, unsent_events: [outbox] }, 1, { bookkeeping: true });
      expect(await tasks.get(record.task_id)).toEqual({ ...record, unsent_events: [outbox] });
      // Still optimistic: a record moved on since the read is not overwritten.
      await tasks.put(moved(record, 'generating'), 1);
      await expect(tasks.put(record, 1, { bookkeeping: true })).rejects.toThrow(TaskVersionConflictError);
      // A bookkeeping write never moves the version, and never creates a record.
      await expect(tasks.put(moved(record, 'cancelled'), 1, { bookkeeping: true })).rejects.toThrow(
        RangeError,
      );
      await expect(tasks.put(receivedRecord(freshTaskId()), 0, { bookkeeping: true })).rejects.toThrow(
        RangeError,
      );
    });

    it('lists one repository’s tasks in one state (the repo + status index)', async () => {
      const { tasks } = make();
      const repo = `acme/list-${freshTaskId().split('#')[1]}`;
      const a = receivedRecord(freshTaskId(repo));
      const b = receivedRecord(freshTaskId(repo));
      const other = receivedRecord(freshTaskId('acme/elsewhere'));
      for (const record of [a, b, other]) await tasks.put(record, 0);
      await tasks.put(moved(b, 'generating'), 1);

      const received = await tasks.listByStatus({ repo, status: 'received' });
      expect(received.map((record) => record.task_id)).toEqual([a.task_id]);
      const generating = await tasks.listByStatus({ repo, status: 'generating' });
      expect(generating.map((record) => record.task_id)).toEqual([b.task_id]);
      expect(await tasks.listByStatus({ repo, status: 'failed' })).toEqual([]);
      // GitHub's spelling (`Acme/List-…`) finds the records kept under the repository's one spelling.
      const spelled = await tasks.listByStatus({ repo: repo.toUpperCase(), status: 'received' });
      expect(spelled.map((record) => record.task_id)).toEqual([a.task_id]);
    });

    it('lists a CLI task’s repository as its folder spells it: `local/Shop` is not `local/shop`', async () => {
      const { tasks } = make();
      const folder = `Shop-${freshTaskId().split('#')[1]}`;
      const record = receivedRecord(`local/${folder}#orders@abcdef012345`);
      await tasks.put(record, 0);
      const listed = await tasks.listByStatus({ repo: `local/${folder}`, status: 'received' });
      expect(listed.map((each) => each.task_id)).toEqual([record.task_id]);
      expect(await tasks.listByStatus({ repo: `local/${folder.toLowerCase()}`, status: 'received' })).toEqual(
        [],
      );
    });

    it('counts parked steps atomically, outside the version check; a task with no record counts none', async () => {
      const { tasks } = make();
      const missing = freshTaskId();
      await tasks.countParked(missing);
      expect(await tasks.get(missing)).toBeUndefined();
      const record = receivedRecord(freshTaskId());
      await tasks.put(record, 0);
      await Promise.all(Array.from({ length: 5 }, () => tasks.countParked(record.task_id)));
      expect(await tasks.get(record.task_id)).toEqual({ ...record, parked_count: 5 });
    });

    it('never loses the parked count: a put read before it conflicts or keeps it, and a put cannot set it', async () => {
      const { tasks } = make();
      const record = receivedRecord(freshTaskId());
      await tasks.put(record, 0);
      const read = (await tasks.get(record.task_id))!;
      expect(read.parked_count).toBeUndefined();
      // A step is parked after the read: the writer that read 0 must not write the count away.
      await tasks.countParked(record.task_id);
      const next = moved(read, 'generating');
      const landed = await tasks.put(next, 1).then(
        () => true,
        (error: unknown) => {
          if (!(error instanceof TaskVersionConflictError)) throw error;
          return false;
        },
      );
      if (!landed) {
        // The conflict sends the writer to read again: it sees the count, and its write keeps it.
        expect((await tasks.get(record.task_id))!.parked_count).toBe(1);
        await tasks.put(next, 1);
      }
      expect(await tasks.get(record.task_id)).toEqual({ ...next, parked_count: 1 });
      // The count is the store's: a record carrying another one (or none) changes nothing of it.
      await tasks.get(record.task_id);
      await tasks.put({ ...moved(next, 'cancelled'), parked_count: 0 }, 2);
      expect((await tasks.get(record.task_id))!.parked_count).toBe(1);
    });

    it('loses no update when two writers record events at once: the loser re-reads and re-applies', async () => {
      const log = make();
      const taskId = freshTaskId();
      const repo = taskId.split('#')[0]!;
      await recordTaskEvent({
        log,
        event: { type: 'task_received', task_id: taskId, at: '2026-11-24T10:00:00.000Z', repo },
      });
      const usage = (cost: number) =>
        recordTaskEvent({
          log,
          event: {
            type: 'usage_recorded',
            task_id: taskId,
            at: '2026-11-24T10:00:01.000Z',
            model: 'offline:application',
            input_tokens: 10,
            output_tokens: 20,
            cache_read_tokens: 0,
            cache_write_tokens: 0,
            cost_usd: cost,
          },
        });

      await Promise.all([usage(0.25), usage(0.5), usage(1)]);

      const record = await log.tasks.get(taskId);
      expect(record).toMatchObject({ version: 4, cost_usd: 1.75, tokens: { input: 30, output: 60 } });
      const events = await log.events.list(taskId);
      expect(events.map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
    });
  });
}
