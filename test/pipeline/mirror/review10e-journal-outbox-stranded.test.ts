import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import type { TaskEventBody } from '../../../src/core/task/task-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { openTaskJournal } from '../../../src/pipeline/mirror/task-journal.js';
import { createStatusBoard, type TaskStep } from '../../../src/pipeline/task/status-board.js';

const taskId = 'acme/shop#7';
const at = '2026-11-29T10:00:00.000Z';
const SHA = 'a'.repeat(40);

describe("a deploy journal's unsent lifecycle events, and the task's next step through its status comment (review10e)", () => {
  it("FAULT: the board's sync keeps the tables' unsent_events (Deploy Succeeded) but never sends them, although its own publish reaches the bus: when no deploy journal step follows, the milestone is never published (journal outbox stranded)", async () => {
    const tables = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10e-outbox-')));
    let up = false;
    const published: LifecycleEvent[] = [];
    const publisher = {
      publish: async (events: readonly LifecycleEvent[]) => {
        if (!up) throw new Error('PutEvents on implementation-events failed: connect ECONNREFUSED');
        published.push(...events);
      },
    };
    const step = (body: TaskStep) => ({ ...body, task_id: taskId, at }) as TaskEventBody;
    // The task's life so far in the tables; then a deploy run with no trusted comment, the bus down.
    const journal = () => openTaskJournal({ taskId, log: tables, mirror: { publisher } });
    up = true;
    await journal().record([
      step({ type: 'task_received', repo: 'acme/shop', issue_number: 7 }),
      step({ type: 'state_changed', to: 'generating' }),
      step({ type: 'state_changed', to: 'validating' }),
      step({ type: 'state_changed', to: 'pr_open', pull_number: 12 }),
      step({ type: 'state_changed', to: 'approved' }),
      step({ type: 'state_changed', to: 'merged' }),
    ]);
    up = false;
    await journal().record([
      step({ type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: SHA }),
      step({
        type: 'deploy_finished',
        environment: 'staging',
        deployment_id: 501,
        succeeded: true,
        sha: SHA,
      }),
    ]);
    expect((await tables.tasks.get(taskId))?.unsent_events?.map((event) => event.detailType)).toEqual([
      'Deploy Started',
      'Deploy Succeeded',
    ]);

    // The bus is back. The task's next step goes through its (now trusted) status comment.
    up = true;
    published.length = 0;
    const record = (await tables.tasks.get(taskId))!;
    let body = renderStatusComment({
      marker: {
        task_id: taskId,
        state: 'merged',
        attempt: 1,
        cost_usd: 0,
        updated_at: at,
        created_at: at,
        version: record.version,
        pull_number: 12,
      },
    });
    const board = createStatusBoard({
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => ({ data: { id: 900 } }),
          updateComment: async (p: { body: string }) => ((body = p.body), {}),
        },
      },
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId,
      existing: {
        commentId: 900,
        marker: parseStateMarker(body)!,
        trust: 'trusted',
        reason: 'is signed',
        body,
      },
      signingKey: undefined,
      mirrors: { tasks: tables.tasks, events: tables.events, publisher },
    });
    // (The production deploy's run finds the comment trusted.)
    await board.recordSteps([
      { type: 'deploy_started', environment: 'production', deployment_id: 502, sha: SHA },
    ]);

    // Right: what the task's outbox held goes out with the step that reached the bus, and leaves the outbox.
    expect(published.map((event) => event.detailType).length).toBe(3);
    expect(published.map((event) => event.detailType)).toEqual(expect.arrayContaining(['Deploy Succeeded']));
    expect((await tables.tasks.get(taskId))?.unsent_events).toBeUndefined();
  });
});
