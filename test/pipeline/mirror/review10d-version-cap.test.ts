import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { applyTaskEvent } from '../../../src/core/task/apply-task-event.js';
import { TaskEventError } from '../../../src/core/task/task-event-error.js';
import { MAX_RECORD_VERSION, type TaskRecord } from '../../../src/core/task/task-record.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';
const at = '2026-11-24T10:00:00.000Z';

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
  return { client, bodies };
}

const atCap: TaskRecord = {
  schema_version: 1,
  task_id: TASK_ID,
  repo: 'acme/shop',
  status: 'received',
  environments: {},
  attempt: 0,
  cost_usd: 0,
  tokens: { input: 0, output: 0, cache_read: 0, cache_write: 0 },
  created_at: at,
  updated_at: at,
  version: MAX_RECORD_VERSION,
};

describe('review10d: a record version at the cap (a forged display-only marker)', () => {
  it('FAULT: the board never writes a marker its own reader refuses, and the mirror stays readable', async () => {
    const issue = fakeIssue();
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10d-cap-')));
    // No marker key, github-actions[bot]: display-only, continued (README "What it trusts in its status comments").
    const forged: TaskMarker = {
      task_id: TASK_ID,
      state: 'received',
      attempt: 0,
      cost_usd: 0,
      updated_at: at,
      version: MAX_RECORD_VERSION,
    };
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: { commentId: 900, marker: forged, trust: 'display-only', reason: 'forged', body: '' },
      signingKey: undefined,
      mirrors: mirror,
      now: () => new Date(at),
    });
    await board.move('generating', { patch: { attempt: 1 } });

    const written = parseStateMarker(issue.bodies.at(-1) ?? '');
    // Readable: the next run continues this task rather than starting it again.
    expect(written).toMatchObject({ task_id: TASK_ID, state: 'generating' });
    expect(issue.bodies.at(-1)).toContain('could not take this step');
    // The mirror holds nothing it cannot read back.
    expect((await mirror.tasks.get(TASK_ID))?.version).toBe(MAX_RECORD_VERSION);
  });

  it('FAULT: the record refuses a step past the cap (TaskEventError), rather than producing a version no reader takes', () => {
    expect(() =>
      applyTaskEvent(atCap, { type: 'attempt_started', task_id: TASK_ID, at, attempt: 1 }),
    ).toThrow(TaskEventError);
  });

  it('FAULT: a task store refuses to write a record its own reader would refuse', async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10d-cap-')));
    await expect(mirror.tasks.put({ ...atCap, version: MAX_RECORD_VERSION + 1 }, 0)).rejects.toThrow(
      /version/,
    );
    expect(await mirror.tasks.get(TASK_ID)).toBeUndefined();
  });
});
