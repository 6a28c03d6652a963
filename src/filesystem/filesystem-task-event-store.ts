import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeKeySegment } from '../core/stores/store-keys.js';
import { TaskEventConflictError, type TaskEventStore } from '../core/stores/task-event-store.js';
import { eventStep } from '../core/task/event-sort-key.js';
import { parkedStepSchema, type ParkedStep } from '../core/task/parked-step.js';
import { isSameEvent } from '../core/task/same-event.js';
import { taskEventSchema, type TaskEvent } from '../core/task/task-event.js';
import { parseStoredJson } from './parse-stored-json.js';
import { readOptionalFile } from './read-optional-file.js';

/**
 * A task's events in a folder, one file each, never rewritten:
 * `<root>/tasks/<task id, encoded>/events/<sequence>-<step>.json`. A file is created only when
 * absent (`wx`), so an append can never overwrite, and a replay finds its own file. Parked steps
 * (`ParkedStep`) go beside them, `<root>/tasks/<task id, encoded>/parked/<id>.json`, the same way.
 */
export function createFilesystemTaskEventStore(root: string): TaskEventStore {
  const eventsDir = (taskId: string) => path.join(root, 'tasks', safeKeySegment(taskId), 'events');
  const read = async (file: string) => {
    const bytes = await readOptionalFile(file);
    return bytes === undefined
      ? undefined
      : parseStoredJson({ text: bytes.toString('utf8'), schema: taskEventSchema, source: file });
  };

  const parkedDir = (taskId: string) => path.join(root, 'tasks', safeKeySegment(taskId), 'parked');

  return {
    async park(step) {
      const folder = parkedDir(step.event.task_id);
      await mkdir(folder, { recursive: true });
      try {
        await writeFile(path.join(folder, `${step.id}.json`), JSON.stringify(step, null, 2) + '\n', {
          flag: 'wx',
        });
      } catch (error) {
        // The name is the step's own hash: what holds it is this very step, parked before.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    },

    async listParked(taskId) {
      const folder = parkedDir(taskId);
      const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const steps = await Promise.all(
        names
          .filter((name) => name.endsWith('.json'))
          .map(async (name) => {
            const file = path.join(folder, name);
            const bytes = await readOptionalFile(file);
            return bytes === undefined
              ? undefined
              : parseStoredJson({ text: bytes.toString('utf8'), schema: parkedStepSchema, source: file });
          }),
      );
      return steps.filter((step): step is ParkedStep => step !== undefined);
    },

    async append(event) {
      const folder = eventsDir(event.task_id);
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, fileName(event));
      try {
        await writeFile(file, JSON.stringify(event, null, 2) + '\n', { flag: 'wx' });
        return 'appended';
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const stored = await read(file);
        if (stored !== undefined && isSameEvent(stored, event)) return 'already-present';
        throw new TaskEventConflictError(event.task_id, event.sequence);
      }
    },

    async list(taskId) {
      const folder = eventsDir(taskId);
      const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const events = await Promise.all(
        names.filter((name) => name.endsWith('.json')).map((name) => read(path.join(folder, name))),
      );
      return events
        .filter((event): event is TaskEvent => event !== undefined)
        .sort((a, b) => a.sequence - b.sequence);
    },
  };
}

/** The sequence first and zero-padded, so a folder listing reads in order; the step names the file for people. */
function fileName(event: TaskEvent): string {
  return `${String(event.sequence).padStart(6, '0')}-${safeKeySegment(eventStep(event))}.json`;
}
