/**
 * Attacker pass (review #10l) on "a mirror failure never fails the task"
 * (src/pipeline/task/create-status-board.ts, pipeline/mirror/record-task-event.ts): the tasks
 * mirror holds what no run of this task wrote — a record file that does not parse, one at the
 * highest version a record takes, one of another task under this task's key — and the task's
 * next move must still be written to the status comment, the mirror's trouble shown as a warning.
 * A fault is `it.failing` asserting the right answer; an attack the code refuses is an ordinary test.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { MAX_RECORD_VERSION } from '../../../src/core/task/task-record.js';
import { safeKeySegment } from '../../../src/core/stores/store-keys.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (params) => (bodies.push(params.body), { data: { id: 900 } }),
      updateComment: async (params) => (bodies.push(params.body), {}),
    },
  };
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '') };
}

function clock(start = Date.parse('2026-11-24T10:00:00.000Z')) {
  let minutes = 0;
  return () => new Date(start + minutes++ * 60_000);
}

const boardOn = (
  client: StatusCommentClient,
  mirrors: Parameters<typeof createStatusBoard>[0]['mirrors'],
  marker?: TaskMarker,
) =>
  createStatusBoard({
    client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: marker && { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    ...(mirrors === undefined ? {} : { mirrors }),
    now: clock(),
  });

async function openTask() {
  const root = await mkdtemp(path.join(tmpdir(), 'review10l-hostile-'));
  const mirror = filesystemStores(root);
  const issue = fakeIssue();
  const board = boardOn(issue.client, mirror);
  await board.move('generating', { patch: { attempt: 1 } });
  board.pass('validating');
  await board.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/7-orders' } });
  const recordFile = path.join(root, 'tasks', safeKeySegment(TASK_ID), 'record.json');
  return { root, mirror, issue, recordFile };
}

async function overwrite(file: string, text: string) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe('review10l attacker: a hostile tasks mirror never fails the move', () => {
  it('a record file that does not parse: the move is written, with a warning', async () => {
    const { mirror, issue, recordFile } = await openTask();
    await overwrite(recordFile, '{"task_id": "acme/shop#7", "version": ');
    await boardOn(issue.client, mirror, issue.marker()!).move('approved');
    expect(issue.marker()?.state).toBe('approved');
    expect(issue.bodies.at(-1)).toMatch(/could not|⚠️/);
  });

  it('a record at the highest version a record takes: the move is written, with a warning', async () => {
    const { mirror, issue, recordFile } = await openTask();
    const stored = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(recordFile, 'utf8')));
    await overwrite(recordFile, JSON.stringify({ ...stored, version: MAX_RECORD_VERSION }));
    await boardOn(issue.client, mirror, issue.marker()!).move('approved');
    expect(issue.marker()?.state).toBe('approved');
  });

  it('a record of another task under this task’s key: the move is written, and the other task’s record is not taken for this one', async () => {
    const { mirror, issue, recordFile } = await openTask();
    const stored = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(recordFile, 'utf8')));
    await overwrite(
      recordFile,
      JSON.stringify({ ...stored, task_id: 'other/repo#1', repo: 'other/repo', version: 99 }),
    );
    await boardOn(issue.client, mirror, issue.marker()!).move('approved');
    expect(issue.marker()?.state).toBe('approved');
    expect(issue.marker()?.task_id).toBe(TASK_ID);
  });
});
