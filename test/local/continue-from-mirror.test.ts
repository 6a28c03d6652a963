import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TaskStore } from '../../src/core/stores/task-store.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { continueFromMirror } from '../../src/local/continue-from-mirror.js';
import { recordTaskEvent } from '../../src/pipeline/mirror/record-task-event.js';

const TASK = 'local/shop#orders@0123456789ab';
const received = {
  type: 'task_received' as const,
  task_id: TASK,
  at: '2026-11-30T10:00:00.000Z',
  repo: 'local/shop',
};

async function stores() {
  return filesystemStores(await mkdtemp(path.join(os.tmpdir(), 'continue-')));
}

describe('continueFromMirror', () => {
  it("takes the mirror's record into a fresh log, so attempts and versions go on from it", async () => {
    const [log, mirror] = [await stores(), await stores()];
    await recordTaskEvent({ log: mirror, event: received });
    await recordTaskEvent({
      log: mirror,
      event: { type: 'attempt_started', task_id: TASK, at: received.at, attempt: 1 },
    });
    const continued = await continueFromMirror({ taskId: TASK, log: log.tasks, mirror: mirror.tasks });
    expect(continued?.attempt).toBe(1);
    expect((await log.tasks.get(TASK))?.version).toBe((await mirror.tasks.get(TASK))?.version);
  });

  it("keeps the log's record when it is not behind, or when the mirror cannot be read", async () => {
    const [log, mirror] = [await stores(), await stores()];
    await recordTaskEvent({ log, event: received });
    expect((await continueFromMirror({ taskId: TASK, log: log.tasks, mirror: mirror.tasks }))?.version).toBe(
      1,
    );
    const down: TaskStore = {
      ...mirror.tasks,
      get: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    };
    expect((await continueFromMirror({ taskId: TASK, log: log.tasks, mirror: down }))?.version).toBe(1);
  });
});
