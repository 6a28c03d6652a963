import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { TaskStore } from '../../../src/core/stores/task-store.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const KEY = Buffer.alloc(32, 8);
const at = '2026-11-29T08:00:00.000Z';

describe('the first step after the upgrade, taken while the mirror is down (review10e)', () => {
  it("FAULT: the marker is rewritten to acme/shop#7 by a step whose mirror sync fails, so no later step sees the old spelling again and the records under Acme/Shop#7 are never migrated: the task's history stays split (migration only from a supplied former id)", async () => {
    const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10e-missed-')));
    // Before the upgrade: the task's first two steps in the mirror, under the old spelling.
    await recordTaskEvent({
      log: stores,
      event: { type: 'task_received', task_id: 'Acme/Shop#7', at, repo: 'Acme/Shop', issue_number: 7 },
    });
    await recordTaskEvent({
      log: stores,
      event: { type: 'state_changed', task_id: 'Acme/Shop#7', at, to: 'generating' },
    });
    let body = renderStatusComment({
      marker: {
        task_id: 'Acme/Shop#7',
        state: 'generating',
        attempt: 0,
        cost_usd: 0,
        updated_at: at,
        created_at: at,
        version: 2,
      } satisfies TaskMarker,
      signingKey: KEY,
    });
    const client = {
      issues: {
        listComments: async () => ({ data: [] }),
        createComment: async () => ({ data: { id: 900 } }),
        updateComment: async (p: { body: string }) => ((body = p.body), {}),
      },
    };
    let down = true;
    const tasks: TaskStore = {
      get: (id) => (down ? Promise.reject(new Error('connect ETIMEDOUT')) : stores.tasks.get(id)),
      put: (record, expected) =>
        down ? Promise.reject(new Error('connect ETIMEDOUT')) : stores.tasks.put(record, expected),
    } as TaskStore;
    const boardNow = () =>
      createStatusBoard({
        client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        taskId: 'acme/shop#7',
        existing: {
          commentId: 900,
          marker: parseStateMarker(body)!,
          trust: 'trusted',
          reason: 'is signed',
          body,
        },
        signingKey: KEY,
        mirrors: { tasks, events: stores.events },
      });

    // The first step after the upgrade: the tasks table times out.
    await boardNow().move('validating');
    expect(parseStateMarker(body)).toMatchObject({ task_id: 'acme/shop#7', state: 'validating' });
    // The migration stays pending in the marker until a sync confirms it.
    expect(parseStateMarker(body)?.migrate_from).toBe('Acme/Shop#7');

    // The mirror is back; the next step catches it up.
    down = false;
    await boardNow().move('pr_open', { patch: { pull_number: 12 } });

    // Right: one task, its whole life under one key, none lost.
    expect(await stores.tasks.get('acme/shop#7')).toMatchObject({ status: 'pr_open', version: 4 });
    expect((await stores.events.list('acme/shop#7')).map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
    expect(await stores.tasks.get('acme/shop#7')).toMatchObject({ repo: 'acme/shop' });

    // Migrated before that step's marker was written: it no longer names the former id.
    expect(parseStateMarker(body)?.migrate_from).toBeUndefined();
    await boardNow().move('approved');
    expect(await stores.tasks.get('acme/shop#7')).toMatchObject({ status: 'approved', version: 5 });
  });
});
