import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

describe('review10: a repository renamed only in case (Acme/Shop → acme/shop)', () => {
  it.failing(
    'FAULT: judgeMarker accepts the old-case marker, but the record keeps its task_id, so the first step after the rename is refused by the record (never mirrored) and the life splits across two task_id keys',
    async () => {
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
      expect(parseStateMarker(bodies.at(-1)!)).toMatchObject({ state: 'approved', version: 6 });
      expect((await mirror.tasks.get('acme/shop#7'))?.status).toBe('approved');
    },
  );
});
