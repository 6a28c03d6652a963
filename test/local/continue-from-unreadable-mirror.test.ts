import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TaskStore } from '../../src/core/stores/task-store.js';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { continueFromMirror } from '../../src/local/continue-from-mirror.js';

const TASK = 'local/shop#orders@0123456789ab';
const where = { repo: 'local/shop', taskId: TASK };

async function stores() {
  return filesystemStores(await mkdtemp(path.join(os.tmpdir(), 'continue-unread-')));
}
const unreadable: TaskStore = {
  get: async () => {
    throw new Error('AccessDeniedException: not authorized to perform dynamodb:GetItem');
  },
  put: async () => undefined,
  countParked: async () => undefined,
  listByStatus: async () => [],
};

describe('continueFromMirror when the mirror’s tasks table cannot be read', () => {
  it('continues after the highest attempt the mirror’s artifacts hold, and says so', async () => {
    const [log, mirror] = [await stores(), await stores()];
    await mirror.artifacts.put({ ...where, attempt: 1, path: 'prompt.txt', body: 'one' });
    await mirror.artifacts.put({ ...where, attempt: 2, path: 'prompt.txt', body: 'two' });
    const warnings: string[] = [];
    const continued = await continueFromMirror({
      taskId: TASK,
      log: log.tasks,
      mirror: unreadable,
      artifacts: mirror.artifacts,
      repo: 'local/shop',
      warn: (line) => warnings.push(line),
    });
    expect(continued?.attempt).toBe(2);
    expect((await log.tasks.get(TASK))?.attempt).toBe(2);
    expect(warnings).toEqual([expect.stringContaining('continues after attempt 2')]);
  });

  it('goes on from the log when the artifacts cannot be listed either, and says attempts may repeat', async () => {
    const log = await stores();
    const warnings: string[] = [];
    const continued = await continueFromMirror({
      taskId: TASK,
      log: log.tasks,
      mirror: unreadable,
      artifacts: {
        list: async () => {
          throw new Error('AccessDenied');
        },
      },
      repo: 'local/shop',
      warn: (line) => warnings.push(line),
    });
    expect(continued).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('may reuse')]);
  });
});
