import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TaskEventStore } from '../../../src/core/stores/task-event-store.js';
import type { TaskStore } from '../../../src/core/stores/task-store.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { recordAndMirror } from '../../../src/pipeline/mirror/record-and-mirror.js';
import {
  MAX_RECORD_ATTEMPTS,
  recordTaskEvent,
  TaskStepContendedError,
} from '../../../src/pipeline/mirror/record-task-event.js';
import { syncTaskMirror } from '../../../src/pipeline/mirror/sync-task-mirror.js';
import { eventStep } from '../../../src/core/task/event-sort-key.js';
import { withoutPendingEvents } from '../../../src/core/task/task-record.js';
import { fullLife, TASK_ID } from '../../core/task/task-life.js';

const newRoot = () => mkdtemp(path.join(tmpdir(), 'mirror-'));

/** A mirror whose every call fails as an unreachable endpoint does, after the SDK's retries. */
function unreachable(): { tasks: TaskStore; events: TaskEventStore } {
  const refuse = () =>
    Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }));
  return {
    tasks: { get: refuse, put: refuse, countParked: refuse, listByStatus: refuse },
    events: { append: refuse, list: refuse, park: refuse, listParked: refuse },
  };
}

describe('the task mirror', () => {
  it('copies every step of a life into the mirror, record and events alike', async () => {
    const log = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    const results = [];
    for (const event of fullLife()) results.push(await recordAndMirror({ log, mirror, event }));

    expect(results.every((result) => result.mirror?.status === 'caught-up')).toBe(true);
    expect(await mirror.tasks.get(TASK_ID)).toEqual(withoutPendingEvents((await log.tasks.get(TASK_ID))!));
    expect(await mirror.events.list(TASK_ID)).toEqual(await log.events.list(TASK_ID));
    // Each step costs the mirror two writes: its event, then the record.
    expect(results.map((result) => result.mirror?.writes)).toEqual(fullLife().map(() => 2));
  });

  it('warns instead of failing while the mirror is down, then catches up on the next event, losing nothing', async () => {
    const log = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    const life = fullLife();
    const down = unreachable();

    await recordAndMirror({ log, mirror, event: life[0]! });
    const during = [];
    for (const event of life.slice(1, 5)) during.push(await recordAndMirror({ log, mirror: down, event }));
    expect(during.map((result) => result.mirror?.status)).toEqual(['behind', 'behind', 'behind', 'behind']);
    expect(during[0]?.mirror).toMatchObject({
      warning: expect.stringContaining('ECONNREFUSED'),
    });
    // The task itself went on: its own log has every step.
    expect((await log.tasks.get(TASK_ID))?.version).toBe(5);
    expect((await mirror.tasks.get(TASK_ID))?.version).toBe(1);

    const back = await recordAndMirror({ log, mirror, event: life[5]! });
    expect(back.mirror).toMatchObject({ status: 'caught-up', writes: 6 });
    expect(await mirror.tasks.get(TASK_ID)).toEqual(withoutPendingEvents((await log.tasks.get(TASK_ID))!));
    expect((await mirror.events.list(TASK_ID)).map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('redoes a sync that stopped half way: events already there are not written twice', async () => {
    const log = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    for (const event of fullLife().slice(0, 3)) await recordTaskEvent({ log, event });
    const events = await log.events.list(TASK_ID);
    // An earlier sync appended the first two events, then stopped before the record.
    for (const event of events.slice(0, 2)) await mirror.events.append(event);

    const result = await syncTaskMirror({ record: (await log.tasks.get(TASK_ID))!, events, mirror });
    expect(result).toMatchObject({ status: 'caught-up', writes: 2 });
    expect((await mirror.events.list(TASK_ID)).map((event) => event.sequence)).toEqual([1, 2, 3]);

    const again = await syncTaskMirror({ record: (await log.tasks.get(TASK_ID))!, events, mirror });
    expect(again).toEqual({ status: 'in-sync', writes: 0, bytes: 0 });
  });
});

describe('two writers syncing one task at once', () => {
  // Two runs each read the task at version 1 (the same status comment) and each took a different
  // step: both produced a version 2. The first to sync wins the record; the second must neither
  // overwrite it nor drop its own step without a word.
  it("keeps the losing writer's step in the results table and says the mirror diverged", async () => {
    const start = fullLife()[0]!;
    const first = filesystemStores(await newRoot());
    const second = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    for (const log of [first, second]) await recordTaskEvent({ log, event: start });
    await recordTaskEvent({
      log: first,
      event: { type: 'state_changed', task_id: TASK_ID, at: '2026-11-24T11:00:00.000Z', to: 'generating' },
    });
    await recordTaskEvent({
      log: second,
      event: { type: 'state_changed', task_id: TASK_ID, at: '2026-11-24T11:00:00.500Z', to: 'held' },
    });
    const sync = async (log: typeof first) =>
      syncTaskMirror({
        record: (await log.tasks.get(TASK_ID))!,
        events: await log.events.list(TASK_ID),
        mirror,
      });

    expect(await sync(first)).toMatchObject({ status: 'caught-up' });
    const loser = await sync(second);

    expect(loser).toMatchObject({ status: 'behind', warning: expect.stringContaining('another run') });
    expect((await mirror.tasks.get(TASK_ID))?.status).toBe('generating');
    const steps = (await mirror.events.list(TASK_ID)).map((event) => [event.sequence, eventStep(event)]);
    expect(steps).toEqual(
      expect.arrayContaining([
        [2, 'generating'],
        [2, 'held'],
      ]),
    );
  });

  it('converges with a record an older deploy path wrote ahead of the comment: no warning, and its deploy state never dropped', async () => {
    const life = fullLife();
    const [deployStarted, deployFinished] = [life[8]!, life[9]!];
    const comment = filesystemStores(await newRoot());
    const legacy = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    const sync = async (log: typeof comment) =>
      syncTaskMirror({
        record: (await log.tasks.get(TASK_ID))!,
        events: await log.events.list(TASK_ID),
        mirror,
      });
    // Both know the task up to its approval (version 7); the old deploy path then deployed staging
    // and wrote the mirror alone (version 9), past the comment.
    for (const event of life.slice(0, 7))
      for (const log of [comment, legacy]) await recordTaskEvent({ log, event });
    for (const event of [deployStarted, deployFinished]) await recordTaskEvent({ log: legacy, event });
    await sync(legacy);

    // The comment's next step (merged, version 8) is behind the mirror's version.
    await recordTaskEvent({ log: comment, event: life[7]! });
    const ahead = await sync(comment);
    expect(ahead).toMatchObject({ status: 'caught-up' });
    expect(ahead).not.toHaveProperty('warning');
    const converged = (await mirror.tasks.get(TASK_ID))!;
    expect(converged).toMatchObject({
      status: 'merged',
      version: 10,
      environments: { staging: { status: 'deployed' } },
    });

    // Once the comment passes the mirror's version, the deploy state only the mirror had stays.
    const production = [deployStarted, deployFinished, life[10]!].map((event, index) => ({
      ...event,
      environment: 'production',
      at: `2026-11-25T10:00:0${index}.000Z`,
    }));
    for (const event of production) await recordTaskEvent({ log: comment, event });
    expect(await sync(comment)).toMatchObject({ status: 'caught-up' });
    const passed = (await mirror.tasks.get(TASK_ID))!;
    expect(passed.version).toBe(11);
    expect(passed.environments.staging).toEqual(converged.environments.staging);
    expect(passed.environments.production?.status).toBe('rolled_back');
  });

  it('keeps, per environment, the deploy state updated last when both sides hold one', async () => {
    const life = fullLife();
    const comment = filesystemStores(await newRoot());
    const legacy = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    for (const event of life.slice(0, 8))
      for (const log of [comment, legacy]) await recordTaskEvent({ log, event });
    // The mirror's staging entry is older than the comment's: the comment's wins.
    await recordTaskEvent({ log: legacy, event: { ...life[8]!, at: '2026-11-20T00:00:00.000Z' } });
    await syncTaskMirror({
      record: (await legacy.tasks.get(TASK_ID))!,
      events: await legacy.events.list(TASK_ID),
      mirror,
    });
    for (const event of life.slice(8, 10)) await recordTaskEvent({ log: comment, event });
    await syncTaskMirror({
      record: (await comment.tasks.get(TASK_ID))!,
      events: await comment.events.list(TASK_ID),
      mirror,
    });
    expect((await mirror.tasks.get(TASK_ID))?.environments.staging?.status).toBe('deployed');
  });

  it('stays in sync, writing nothing, when the other writer wrote the very same record', async () => {
    const log = filesystemStores(await newRoot());
    const mirror = filesystemStores(await newRoot());
    for (const event of fullLife().slice(0, 2)) await recordTaskEvent({ log, event });
    const record = (await log.tasks.get(TASK_ID))!;
    const events = await log.events.list(TASK_ID);
    await syncTaskMirror({ record, events, mirror });
    expect(await syncTaskMirror({ record, events, mirror })).toEqual({
      status: 'in-sync',
      writes: 0,
      bytes: 0,
    });
  });
});

describe('recordTaskEvent', () => {
  it('gives up after MAX_RECORD_ATTEMPTS conflicts rather than spinning, naming the step it did not record', async () => {
    const log = filesystemStores(await newRoot());
    await recordTaskEvent({ log, event: fullLife()[0]! });
    let puts = 0;
    const pauses: number[] = [];
    const contended: TaskStore = {
      ...log.tasks,
      async put(record) {
        puts += 1;
        // Someone else always writes first.
        const current = await log.tasks.get(record.task_id);
        await log.tasks.put({ ...current!, version: current!.version + 1 }, current!.version);
        return log.tasks.put(record, record.version - 1);
      },
    };
    await expect(
      recordTaskEvent({
        log: { ...log, tasks: contended },
        event: fullLife()[1]!,
        pause: async (retry) => {
          pauses.push(retry);
        },
      }),
    ).rejects.toThrow(TaskStepContendedError);
    expect(puts).toBe(MAX_RECORD_ATTEMPTS);
    // A pause between tries, none after the last.
    expect(pauses).toEqual(Array.from({ length: MAX_RECORD_ATTEMPTS - 1 }, (_, index) => index + 1));
  });
});
