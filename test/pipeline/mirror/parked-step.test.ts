import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TaskStore } from '../../../src/core/stores/task-store.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import {
  MAX_RECORD_ATTEMPTS,
  recordTaskEvent,
  TaskStepContendedError,
} from '../../../src/pipeline/mirror/record-task-event.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';
import { fullLife, TASK_ID } from '../../core/task/task-life.js';

const newRoot = () => mkdtemp(path.join(tmpdir(), 'parked-'));
const noPause = () => Promise.resolve();

/** The log's task store, where another writer lands a step before every one of this writer's tries. */
function alwaysBeaten(tasks: TaskStore): { tasks: TaskStore; puts: () => number } {
  let puts = 0;
  return {
    puts: () => puts,
    tasks: {
      ...tasks,
      async put(record, expectedVersion, options) {
        puts += 1;
        const current = await tasks.get(record.task_id);
        // Someone else's write lands first (a bookkeeping one: its version moves, nothing else).
        await tasks.put({ ...current!, version: current!.version + 1 }, current!.version);
        return tasks.put(record, expectedVersion, options);
      },
    },
  };
}

/** The merged task of `fullLife`, ready for deploys. */
async function mergedTask() {
  const log = filesystemStores(await newRoot());
  const life = fullLife();
  for (const event of life.slice(0, 8)) await recordTaskEvent({ log, event });
  return { log, life };
}

describe('a step that loses every try to other writers', () => {
  it('is parked, not lost: the next step of the task takes it into the record and the results table', async () => {
    const { log, life } = await mergedTask();
    const started = life[8]!;
    const beaten = alwaysBeaten(log.tasks);
    const lost = await recordTaskEvent({
      log: { ...log, tasks: beaten.tasks },
      event: started,
      pause: noPause,
    }).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(TaskStepContendedError);
    expect((lost as TaskStepContendedError).parked).toBe(true);
    expect(beaten.puts()).toBe(MAX_RECORD_ATTEMPTS);
    expect((await log.tasks.get(TASK_ID))!.environments).toEqual({});

    // The next writer (say the deploy's finish) folds the parked start in before its own step.
    const finished = await recordTaskEvent({ log, event: life[9]! });
    expect(finished.record.environments['staging']).toMatchObject({ status: 'deployed', deployment_id: 501 });
    const types = (await log.events.list(TASK_ID)).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['deploy_started', 'deploy_finished']);

    // Taken in once: a later step does not apply it again.
    await recordTaskEvent({ log, event: life[10]! });
    const after = (await log.events.list(TASK_ID)).filter((event) => event.type === 'deploy_started');
    expect(after).toHaveLength(1);
    expect((await log.tasks.get(TASK_ID))!.adopted_steps).toHaveLength(1);
  });

  it('keeps the rest of a journal batch parked after it, in order, for the next writer', async () => {
    const { log, life } = await mergedTask();
    await recordTaskEvent({ log, event: life[8]! });
    const finish = life[9]!;
    const outcome: TaskEventBody = {
      type: 'outcome_recorded',
      task_id: TASK_ID,
      at: finish.at,
      outcome: { version: 1, status: 'success', reasonCode: 'deployed', message: 'Deployed to staging.' },
    };
    const beaten = alwaysBeaten(log.tasks);
    const journal = openTaskJournal({
      taskId: TASK_ID,
      log: { ...log, tasks: beaten.tasks },
      pause: noPause,
    });
    await expect(journal.record([finish, outcome])).rejects.toMatchObject({ parked: true });

    const next = await openTaskJournal({ taskId: TASK_ID, log }).record([life[10]!]);
    expect(next.record!.environments['staging']).toMatchObject({ status: 'rolled_back', deployment_id: 501 });
    expect(next.record!.last_outcome).toMatchObject({ reasonCode: 'deployed' });
    const types = (await log.events.list(TASK_ID)).map((event) => event.type);
    expect(types.slice(-3)).toEqual(['deploy_finished', 'outcome_recorded', 'deploy_rolled_back']);
  });

  it('says the step is lost only when the events store refuses to keep it too', async () => {
    const { log, life } = await mergedTask();
    const beaten = alwaysBeaten(log.tasks);
    const events = {
      ...log.events,
      park: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:4566')),
    };
    await expect(
      recordTaskEvent({ log: { tasks: beaten.tasks, events }, event: life[8]!, pause: noPause }),
    ).rejects.toMatchObject({ parked: false, reason: 'connect ECONNREFUSED 127.0.0.1:4566' });
  });
});
