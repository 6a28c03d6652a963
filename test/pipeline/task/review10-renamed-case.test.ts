import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';

describe('review10: a repository renamed only in case (Acme/Shop → acme/shop)', () => {
  it("the first step after the rename takes the board's task id: written, mirrored under today's key, and the marker carries it", async () => {
    const bodies: string[] = [];
    const client: StatusCommentClient = {
      issues: {
        listComments: async () => {
          throw new Error('unused');
        },
        createComment: async (params) => {
          bodies.push(params.body);
          return { data: { id: 900 } };
        },
        updateComment: async (params) => {
          bodies.push(params.body);
          return {};
        },
      },
    };
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10-case-')));
    // Written before the rename; judgeMarker compares task ids without regard to case.
    const before: TaskMarker = {
      task_id: 'Acme/Shop#7',
      state: 'pr_open',
      attempt: 1,
      cost_usd: 0,
      pull_number: 12,
      updated_at: '2026-11-24T10:00:00.000Z',
      created_at: '2026-11-24T09:00:00.000Z',
      version: 5,
    };
    const board = createStatusBoard({
      client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: { commentId: 900, marker: before, trust: 'trusted', reason: 'is signed', body: '' },
      signingKey: undefined,
      mirrors: mirror,
    });
    await board.move('approved');

    expect(bodies.at(-1)).not.toContain('could not take this step');
    // The mirror held nothing of versions 1-5 (configured after them): an events_lost event (7) names them.
    expect(parseStateMarker(bodies.at(-1)!)).toMatchObject({ state: 'approved', version: 7 });
    expect(await mirror.events.list('acme/shop#7')).toMatchObject([
      { sequence: 6, type: 'state_changed' },
      { sequence: 7, type: 'events_lost', sequences: [[1, 5]], count: 5 },
    ]);
    expect((await mirror.tasks.get('acme/shop#7'))?.status).toBe('approved');
    expect(parseStateMarker(bodies.at(-1)!)?.task_id).toBe('acme/shop#7');
  });
});

describe('recordFromMarker after a case-only rename', () => {
  const marker: TaskMarker = {
    task_id: 'Acme/Shop#7',
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-24T10:00:00.000Z',
    version: 5,
  };

  it("takes the caller's task id, so the next event (which carries it) applies", () => {
    const record = recordFromMarker({ marker, taskId: 'acme/shop#7', repo: 'acme/shop', issueNumber: 7 });
    expect(record).toMatchObject({ task_id: 'acme/shop#7', repo: 'acme/shop', version: 5 });
    expect(() =>
      applyTaskEvent(record, {
        type: 'state_changed',
        task_id: 'acme/shop#7',
        at: marker.updated_at,
        to: 'approved',
      }),
    ).not.toThrow();
  });

  it("keeps the marker's id when the caller gives none", () => {
    expect(recordFromMarker({ marker, repo: 'acme/shop', issueNumber: 7 }).task_id).toBe('Acme/Shop#7');
  });
});
