import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LifecyclePublishError } from '../../../src/core/stores/lifecycle-publisher.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskStore } from '../../../src/core/stores/task-store.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { publishOutbox } from '../../../src/pipeline/mirror/publish-outbox.js';

const taskId = 'acme/shop#7';
const event = (
  detailType: LifecycleEvent['detailType'],
  sequence: number,
  minute: number,
): LifecycleEvent => ({
  detailType,
  detail: {
    version: 1,
    task_id: taskId,
    repo: 'acme/shop',
    sequence,
    at: `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`,
    status: 'merged',
  },
});
const started = event('Deploy Started', 7, 1);
const succeeded = event('Deploy Succeeded', 8, 2);
const production = event('Deploy Started', 9, 5);

async function tablesHolding(unsent: LifecycleEvent[]) {
  const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'publish-outbox-')));
  await recordTaskEvent({
    log: stores,
    event: {
      type: 'task_received',
      task_id: taskId,
      at: started.detail.at,
      repo: 'acme/shop',
      issue_number: 7,
    },
  });
  const record = (await stores.tasks.get(taskId))!;
  await stores.tasks.put({ ...record, unsent_events: unsent }, record.version, { bookkeeping: true });
  return stores;
}

describe('publishOutbox: one outbox per task, whoever reaches the bus', () => {
  it("sends the table's unsent events with the caller's, oldest first, once each, and clears them", async () => {
    const stores = await tablesHolding([started, succeeded]);
    const published: LifecycleEvent[][] = [];
    const out = await publishOutbox({
      publisher: { publish: async (events) => void published.push([...events]) },
      tasks: stores.tasks,
      taskId,
      // The caller's outbox holds one of the table's events too: sent once.
      own: [succeeded, production],
    });
    expect(published).toEqual([[started, succeeded, production]]);
    expect(out).toEqual({ published: 3, unsent: [], warnings: [] });
    expect((await stores.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });

  it("keeps in the table exactly what the bus did not take of the table's, and never copies it to the caller", async () => {
    const stores = await tablesHolding([started, succeeded]);
    const out = await publishOutbox({
      publisher: {
        publish: async () => {
          throw new LifecyclePublishError('1 entry failed', [succeeded, production]);
        },
      },
      tasks: stores.tasks,
      taskId,
      own: [production],
    });
    expect(out.published).toBe(1);
    expect(out.unsent).toEqual([production]);
    expect(out.warnings[0]).toContain('Deploy Succeeded, Deploy Started');
    expect((await stores.tasks.get(taskId))?.unsent_events).toEqual([succeeded]);
  });

  it('sends the caller’s outbox alone when the table cannot be read', async () => {
    const published: LifecycleEvent[] = [];
    const out = await publishOutbox({
      publisher: { publish: async (events) => void published.push(...events) },
      tasks: { get: () => Promise.reject(new Error('ETIMEDOUT')) } as unknown as TaskStore,
      taskId,
      own: [production],
    });
    expect(published).toEqual([production]);
    expect(out.unsent).toEqual([]);
  });
});
