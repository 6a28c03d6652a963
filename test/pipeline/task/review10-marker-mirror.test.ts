import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { progressStatus } from '../../../src/pipeline/task/progress-status.js';

const TASK_ID = 'acme/shop#7';

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
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
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '') };
}

const mirrorIn = async () => filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10-mirror-')));

describe('review10: what a status marker makes the mirror write', () => {
  it.failing(
    "FAULT: a continued marker's unmirrored events naming another task (another repository's, even) are written into that task's results",
    async () => {
      const mirror = await mirrorIn();
      const issue = fakeIssue();
      // A comment written as github-actions[bot] by some other workflow of acme/shop, no marker key:
      // display-only, and progressStatus continues it (README "What it trusts in its status comments").
      const forged: TaskMarker = {
        task_id: TASK_ID,
        state: 'received',
        attempt: 0,
        cost_usd: 0,
        updated_at: '2026-11-24T10:00:00.000Z',
        version: 1,
        unmirrored: [
          {
            type: 'task_received',
            task_id: 'victim/bank#1',
            repo: 'victim/bank',
            at: '2026-11-24T09:00:00.000Z',
            sequence: 1,
          },
          {
            type: 'state_changed',
            task_id: 'victim/bank#1',
            at: '2026-11-24T09:01:00.000Z',
            to: 'failed',
            sequence: 2,
          },
        ],
      };
      const status: StatusCommentRef = {
        commentId: 900,
        marker: forged,
        trust: 'display-only',
        reason: 'was written as github-actions[bot]',
        body: '',
      };
      const board = createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        taskId: TASK_ID,
        existing: progressStatus(status, undefined),
        signingKey: undefined,
        mirrors: mirror,
      });
      await board.move('generating', { patch: { attempt: 1 } });

      expect(await mirror.events.list('victim/bank#1')).toEqual([]);
    },
  );

  it.failing(
    "FAULT: a continued marker's unsent lifecycle events naming another task are published to the bus as that task's (a forged Deploy Succeeded)",
    async () => {
      const issue = fakeIssue();
      const published: LifecycleEvent[] = [];
      const forged: TaskMarker = {
        task_id: TASK_ID,
        state: 'received',
        attempt: 0,
        cost_usd: 0,
        updated_at: '2026-11-24T10:00:00.000Z',
        version: 1,
        unsent: [
          {
            detailType: 'Deploy Succeeded',
            detail: {
              version: 1,
              task_id: 'victim/bank#1',
              repo: 'victim/bank',
              sequence: 9,
              at: '2026-11-24T09:00:00.000Z',
              status: 'merged',
              environment: 'production',
              deployment_id: 77,
            },
          },
        ],
      };
      const board = createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        taskId: TASK_ID,
        existing: progressStatus(
          { commentId: 900, marker: forged, trust: 'display-only', reason: 'github-actions[bot]', body: '' },
          undefined,
        ),
        signingKey: undefined,
        mirrors: { publisher: { publish: async (events) => void published.push(...events) } },
      });
      await board.move('generating', { patch: { attempt: 1 } });

      expect(published.filter((event) => event.detail.task_id !== TASK_ID)).toEqual([]);
    },
  );

  it.failing(
    'FAULT: a secret in the task name reaches the mirrored record and events unredacted, although prompt.json redacts the same text',
    async () => {
      const mirror = await mirrorIn();
      const issue = fakeIssue();
      const token = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
      const board = createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        taskId: TASK_ID,
        existing: undefined,
        signingKey: undefined,
        mirrors: mirror,
      });
      await board.move('generating', {
        patch: { attempt: 1 },
        request: {
          execution_request: {
            task_type: 'application',
            task_name: `Orders ${token}`,
            execution_mode: 'guided',
            target_environment: 'development',
          },
        },
      });
      const stored = JSON.stringify([await mirror.tasks.get(TASK_ID), await mirror.events.list(TASK_ID)]);
      expect(stored).toContain('Orders');
      expect(stored).not.toContain(token);
    },
  );
});
