import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LifecyclePublishError } from '../../../src/core/stores/lifecycle-publisher.js';
import { MAX_UNSENT_EVENTS, type LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';

const taskId = 'local/repo#local-orders-api';
const at = '2026-11-24T10:00:00.000Z';
const received: TaskEventBody = { type: 'task_received', task_id: taskId, at, repo: 'local/repo' };
const to = (state: 'generating' | 'validating' | 'failed' | 'received'): TaskEventBody => ({
  type: 'state_changed',
  task_id: taskId,
  at,
  to: state,
});

/** A bus that is down until `up` is set, or refuses the detail-types in `refuse` (FailedEntryCount). */
function bus() {
  const published: LifecycleEvent[] = [];
  const state = {
    up: false,
    refuse: new Set<string>(),
    published,
    publisher: {
      publish: async (events: readonly LifecycleEvent[]) => {
        if (!state.up) throw new Error('PutEvents on implementation-events failed: connect ECONNREFUSED');
        const refused = events.filter((event) => state.refuse.has(event.detailType));
        published.push(...events.filter((event) => !state.refuse.has(event.detailType)));
        if (refused.length > 0) throw new LifecyclePublishError('EventBridge refused some', refused);
      },
    },
  };
  return state;
}

async function journalOn(state: ReturnType<typeof bus>) {
  const root = await mkdtemp(path.join(tmpdir(), 'review10-journal-'));
  const log = filesystemStores(root);
  return {
    log,
    journal: () => openTaskJournal({ taskId, log, mirror: { publisher: state.publisher } }),
  };
}

describe('review10: lifecycle events of a task no status comment carries (the CLI, a deploy run on a CLI task)', () => {
  it('keeps the events the bus refused in the log record and sends them first with the next step', async () => {
    const state = bus();
    const { journal, log } = await journalOn(state);

    const first = await journal().record([received]);
    expect(first.warning).toMatch(/next step sends them again/);
    expect((await log.tasks.get(taskId))?.unsent_events?.map((event) => event.detailType)).toEqual([
      'Task Received',
    ]);

    state.up = true;
    await journal().record([to('generating'), to('failed')]);

    expect(state.published.map((event) => event.detailType)).toEqual(['Task Received', 'Task Failed']);
    // Sent: the outbox is empty again, and the rendered record never showed it.
    expect((await log.tasks.get(taskId))?.unsent_events).toBeUndefined();
    expect(await journal().current()).not.toHaveProperty('unsent_events');
  });

  it('writes the outbox with the step before publishing, so a run that dies at the bus loses nothing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'review10-journal-'));
    const log = filesystemStores(root);
    let seenAtPublish: readonly string[] | undefined;
    const publisher = {
      publish: async () => {
        seenAtPublish = (await log.tasks.get(taskId))?.unsent_events?.map((event) => event.detailType);
      },
    };
    await openTaskJournal({ taskId, log, mirror: { publisher } }).record([received]);
    expect(seenAtPublish).toEqual(['Task Received']);
    expect((await log.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });

  it('keeps only the entries EventBridge refused (FailedEntryCount), not those it took', async () => {
    const state = bus();
    state.up = true;
    state.refuse.add('Task Failed');
    const { journal, log } = await journalOn(state);

    await journal().record([received, to('generating'), to('failed')]);
    expect(state.published.map((event) => event.detailType)).toEqual(['Task Received']);
    expect((await log.tasks.get(taskId))?.unsent_events?.map((event) => event.detailType)).toEqual([
      'Task Failed',
    ]);
  });

  it(`keeps at most ${MAX_UNSENT_EVENTS} through a long outage and names the ones dropped`, async () => {
    const state = bus();
    const { journal, log } = await journalOn(state);
    await journal().record([received]);
    const dropped: string[] = [];
    // Each run fails (a milestone) and is run again (received: none).
    for (let run = 0; run < MAX_UNSENT_EVENTS + 2; run += 1) {
      const { warning } = await journal().record([to('failed'), to('received')]);
      const named = /(\d+) lifecycle event\(s\) \(([^)]*)\) were dropped unsent/.exec(warning ?? '');
      if (named) dropped.push(...named[2]!.split(', '));
    }

    const kept = (await log.tasks.get(taskId))?.unsent_events ?? [];
    expect(kept).toHaveLength(MAX_UNSENT_EVENTS);
    // 23 milestones, 20 kept: the 3 oldest named, each once, as they were dropped.
    expect(dropped).toEqual(['Task Received', 'Task Failed', 'Task Failed']);

    state.up = true;
    await journal().record([to('generating')]);
    // The newest are sent in order, none twice.
    expect(state.published).toEqual(kept);
    expect((await log.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });

  it("gives a milestone the reason code of the outcome its own step recorded, never an earlier call's", async () => {
    const state = bus();
    state.up = true;
    const { journal } = await journalOn(state);
    const outcome = (reasonCode: string) =>
      ({ version: 1, status: 'failed', reasonCode, message: reasonCode }) as never;
    await journal().record([received, to('generating')]);
    await journal().record([
      to('failed'),
      { type: 'outcome_recorded', task_id: taskId, at, outcome: outcome('failed') },
    ]);
    await journal().record([
      { type: 'outcome_recorded', task_id: taskId, at, outcome: outcome('invalid_request') },
    ]);

    expect(state.published.map((event) => [event.detailType, event.detail.reason_code])).toEqual([
      ['Task Received', undefined],
      ['Task Failed', 'failed'],
    ]);
  });

  it('without a bus keeps no outbox', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'review10-journal-'));
    const log = filesystemStores(root);
    const result = await openTaskJournal({ taskId, log, mirror: {} }).record([received]);
    expect(result.warning).toBeUndefined();
    expect((await log.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });
});
