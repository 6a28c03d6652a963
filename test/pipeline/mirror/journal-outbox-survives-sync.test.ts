import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lifecycleEventFor, type LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEvent, TaskEventBody } from '../../../src/core/task/task-event.js';
import type { TaskRecord } from '../../../src/core/task/task-record.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { syncTaskMirror } from '../../../src/pipeline/mirror/sync-task-mirror.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';
import type { TaskStep } from '../../../src/pipeline/task/status-board.js';

const taskId = 'acme/shop#7';
const at = '2026-11-29T10:00:00.000Z';
const SHA = 'a'.repeat(40);

/** A bus that is down until `up` is set. */
function bus() {
  const state = {
    up: false,
    published: [] as LifecycleEvent[],
    publisher: {
      publish: async (events: readonly LifecycleEvent[]) => {
        if (!state.up) throw new Error('PutEvents on implementation-events failed: connect ECONNREFUSED');
        state.published.push(...events);
      },
    },
  };
  return state;
}

const folder = async () => filesystemStores(await mkdtemp(path.join(tmpdir(), 'outbox-sync-')));
const step = (body: TaskStep) => ({ ...body, task_id: taskId, at }) as TaskEventBody;

describe("a deploy run's journal over the mirror tables, then another log's sync into them", () => {
  it('keeps the unsent lifecycle events in the tables until the journal sends them', async () => {
    const tables = await folder();
    const local = await folder();
    const state = bus();
    // Another writer keeps its own log and syncs the tables from it (the CLI's shape).
    const writer = () =>
      openTaskJournal({ taskId, log: local, mirror: { tasks: tables.tasks, events: tables.events } });
    // A deploy run with no status comment to carry the task: the tables are its log; the bus is out.
    const deployRun = () => openTaskJournal({ taskId, log: tables, mirror: { publisher: state.publisher } });

    await writer().record([
      step({ type: 'task_received', repo: 'acme/shop', issue_number: 7 }),
      step({ type: 'state_changed', to: 'generating' }),
    ]);
    const started = await deployRun().record([
      step({ type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: SHA }),
    ]);
    expect(started.warning).toMatch(/could not be sent to the event bus/);
    expect((await tables.tasks.get(taskId))?.unsent_events?.map((event) => event.detailType)).toEqual([
      'Deploy Started',
    ]);

    // The other log's next step brings the tables up to its record, with the deploy state merged in.
    const synced = await writer().record([step({ type: 'state_changed', to: 'validating' })]);
    expect(synced.warning).toBeUndefined();
    const after = await tables.tasks.get(taskId);
    expect(after?.status).toBe('validating');
    expect(after?.environments['staging']?.status).toBe('deploying');
    expect(after?.unsent_events?.map((event) => event.detailType)).toEqual(['Deploy Started']);

    // The bus is back: the deploy run's next step sends what it kept, first.
    state.up = true;
    await deployRun().record([
      step({ type: 'deploy_finished', environment: 'staging', deployment_id: 501, succeeded: true }),
    ]);
    expect(state.published.map((event) => event.detailType)).toEqual(['Deploy Started', 'Deploy Succeeded']);
    expect((await tables.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });
});

describe('syncTaskMirror over a record that is another log', () => {
  const record = (version: number, status: TaskRecord['status']): TaskRecord => ({
    schema_version: 1,
    task_id: taskId,
    repo: 'acme/shop',
    issue_number: 7,
    status,
    environments: {},
    attempt: 1,
    cost_usd: 0,
    tokens: { input: 0, output: 0, cache_read: 0, cache_write: 0 },
    created_at: at,
    updated_at: at,
    version,
  });

  it("writes the source's record and keeps that log's bookkeeping (pending_events, unsent_events)", async () => {
    const tables = await folder();
    const pending: TaskEvent = { type: 'state_changed', task_id: taskId, at, to: 'generating', sequence: 2 };
    const received: TaskEvent = {
      type: 'task_received',
      task_id: taskId,
      at,
      repo: 'acme/shop',
      issue_number: 7,
      sequence: 1,
    };
    const unsent = [lifecycleEventFor(received, record(1, 'received'))!];
    await tables.tasks.put(
      { ...record(2, 'generating'), pending_events: [pending], unsent_events: unsent },
      0,
    );

    const result = await syncTaskMirror({ record: record(3, 'validating'), events: [], mirror: tables });

    expect(result.status === 'behind' ? result.warning : result.status).toBe('caught-up');
    expect(await tables.tasks.get(taskId)).toEqual({
      ...record(3, 'validating'),
      pending_events: [pending],
      unsent_events: unsent,
    });
  });
});
