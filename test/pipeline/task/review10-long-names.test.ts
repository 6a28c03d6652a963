import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, taskMarkerSchema } from '../../../src/core/state/state-marker.js';
import { lifecycleDetailSchema } from '../../../src/core/task/lifecycle-event.js';
import { MAX_TASK_ID_LENGTH } from '../../../src/core/task/task-id-schema.js';
import { taskEventSchema } from '../../../src/core/task/task-event.js';
import { taskRecordSchema } from '../../../src/core/task/task-record.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

// GitHub: an account (owner) name has at most 39 characters, a repository name at most 100.
const OWNER = 'acme-platform-engineering-team-sydney01'; // 39
const REPO = `orders-${'x'.repeat(93)}`; // 100

describe('review10: a task of a repository whose name is as long as GitHub allows', () => {
  it('the status marker takes the task id of a long-named repository, so the next run reads its state and record back', async () => {
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
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10-long-')));
    const taskId = `${OWNER}/${REPO}#4821`;
    const board = createStatusBoard({
      client,
      owner: OWNER,
      repo: REPO,
      issueNumber: 4821,
      taskId,
      existing: undefined,
      signingKey: undefined,
      mirrors: mirror,
    });
    await board.move('generating', { patch: { attempt: 1 } });

    expect((await mirror.tasks.get(taskId))?.status).toBe('generating');
    // The next run reads the state back from this comment (DESIGN §3: GitHub is the source of truth).
    expect(parseStateMarker(bodies.at(-1)!)).toMatchObject({
      task_id: taskId,
      state: 'generating',
      version: 3,
    });
  });
});

describe('review10: every place a task id is kept takes the same ids', () => {
  const at = '2026-11-24T10:00:00.000Z';
  const accepts = (taskId: string) => ({
    marker: taskMarkerSchema.safeParse({ task_id: taskId, state: 'received', attempt: 0, updated_at: at })
      .success,
    record: taskRecordSchema.safeParse({
      schema_version: 1,
      task_id: taskId,
      repo: `${OWNER}/${REPO}`,
      status: 'received',
      environments: {},
      attempt: 0,
      cost_usd: 0,
      tokens: { input: 0, output: 0, cache_read: 0, cache_write: 0 },
      created_at: at,
      updated_at: at,
      version: 1,
    }).success,
    event: taskEventSchema.safeParse({
      type: 'task_received',
      task_id: taskId,
      at,
      repo: `${OWNER}/${REPO}`,
      sequence: 1,
    }).success,
    lifecycle: lifecycleDetailSchema.safeParse({
      version: 1,
      task_id: taskId,
      repo: `${OWNER}/${REPO}`,
      sequence: 1,
      at,
      status: 'received',
    }).success,
  });
  const all = { marker: true, record: true, event: true, lifecycle: true };
  const none = { marker: false, record: false, event: false, lifecycle: false };

  it("admits GitHub's longest task id (39-character owner, 100-character repository, a 10-digit issue)", () => {
    const longest = `${OWNER}/${REPO}#${'9'.repeat(10)}`;
    expect(longest).toHaveLength(151);
    expect(accepts(longest)).toEqual(all);
  });

  it('takes and refuses the same ids at the cap in the marker, the record, its events and the lifecycle events', () => {
    expect(accepts('x'.repeat(MAX_TASK_ID_LENGTH))).toEqual(all);
    expect(accepts('x'.repeat(MAX_TASK_ID_LENGTH + 1))).toEqual(none);
  });
});
