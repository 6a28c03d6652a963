import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { safeKeySegment } from '../core/stores/store-keys.js';
import {
  assertVersionMovesForward,
  TaskVersionConflictError,
  type TaskStore,
} from '../core/stores/task-store.js';
import { taskRecordSchema, type TaskRecord } from '../core/task/task-record.js';
import { keyRepository } from '../core/stores/store-keys.js';
import { parseStoredJson } from './parse-stored-json.js';
import { readOptionalFile } from './read-optional-file.js';
import { withFolderLock } from './with-folder-lock.js';
import { writeFileAtomically } from './write-file-atomically.js';

/**
 * Task records in a folder (the default when no tasks table is configured):
 * `<root>/tasks/<task id, encoded>/record.json`. A write holds the task folder's lock while it
 * compares versions, so writers in several processes never overwrite each other silently; the
 * parked count (`countParked`) is added under the same lock, and a put keeps the stored one.
 */
export function createFilesystemTaskStore(root: string): TaskStore {
  const tasksDir = path.join(root, 'tasks');
  const folderOf = (taskId: string) => path.join(tasksDir, safeKeySegment(taskId));

  async function read(folder: string): Promise<TaskRecord | undefined> {
    const file = path.join(folder, 'record.json');
    const bytes = await readOptionalFile(file);
    if (bytes === undefined) return undefined;
    return parseStoredJson({ text: bytes.toString('utf8'), schema: taskRecordSchema, source: file });
  }

  const write = (folder: string, record: TaskRecord) =>
    writeFileAtomically(path.join(folder, 'record.json'), JSON.stringify(record, null, 2) + '\n');

  return {
    get: (taskId) => read(folderOf(taskId)),

    async put(record, expectedVersion, options) {
      assertVersionMovesForward(record, expectedVersion, options);
      const folder = folderOf(record.task_id);
      await withFolderLock(folder, async () => {
        const stored = await read(folder);
        if ((stored?.version ?? 0) !== expectedVersion)
          throw new TaskVersionConflictError(record.task_id, expectedVersion);
        // The parked count is the store's: the stored one is kept, whatever the record read had.
        const { parked_count: _read, ...rest } = record;
        const parked = stored?.parked_count;
        await write(folder, parked === undefined ? rest : { ...rest, parked_count: parked });
      });
    },

    async countParked(taskId) {
      const folder = folderOf(taskId);
      // A task with no record has nothing parked; its folder is not made for the lock.
      if ((await read(folder)) === undefined) return;
      await withFolderLock(folder, async () => {
        const stored = await read(folder);
        if (stored !== undefined)
          await write(folder, { ...stored, parked_count: (stored.parked_count ?? 0) + 1 });
      });
    },

    async listByStatus({ repo, status }) {
      const folders = await readdir(tasksDir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const records = await Promise.all(folders.map((name) => read(path.join(tasksDir, name))));
      const stored = keyRepository(repo);
      return records.filter(
        (record) => record !== undefined && record.repo === stored && record.status === status,
      ) as TaskRecord[];
    },
  };
}
