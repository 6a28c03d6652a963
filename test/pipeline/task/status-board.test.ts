import { signMarkerText } from '../../../src/core/state/marker-signature.js';
import { parseStateMarker, readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { IllegalTransitionError } from '../../../src/core/state/task-state.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

type Write =
  | { method: 'create'; issueNumber: number; body: string }
  | { method: 'update'; commentId: number; body: string };

/** An issue that keeps the writes made to it; listing is never needed by the board. */
function fakeIssue() {
  const writes: Write[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
      },
      createComment: async (params) => {
        writes.push({ method: 'create', issueNumber: params.issue_number, body: params.body });
        return { data: { id: 900 } };
      },
      updateComment: async (params) => {
        writes.push({ method: 'update', commentId: params.comment_id, body: params.body });
        return {};
      },
    },
  };
  return { client, writes };
}

/** A clock the test advances; each call answers the next minute. */
function clock(start = Date.parse('2026-11-24T10:00:00.000Z')) {
  let minutes = 0;
  return () => new Date(start + minutes++ * 60_000);
}

const boardOn = (client: StatusCommentClient, existing?: StatusCommentRef) =>
  createStatusBoard({
    client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: 'acme/shop#7',
    existing,
    signingKey: undefined,
    now: clock(),
  });

const markerIn = (write: Write | undefined): TaskMarker | undefined =>
  write === undefined ? undefined : parseStateMarker(write.body);

describe('createStatusBoard', () => {
  it('stays where it was when the write fails, so the next move is judged from there', async () => {
    const issue = fakeIssue();
    let failNext = true;
    const flaky: StatusCommentClient = {
      issues: {
        ...issue.client.issues,
        createComment: async (params) => {
          if (failNext) {
            failNext = false;
            throw Object.assign(new Error('Bad Gateway'), { status: 502 });
          }
          return issue.client.issues.createComment(params);
        },
      },
    };
    const board = boardOn(flaky);

    await expect(board.move('generating')).rejects.toThrow('Bad Gateway');
    expect(board.current).toBeUndefined();
    await board.move('held');

    expect(markerIn(issue.writes[0])?.state).toBe('held');
  });

  it('creates the comment on the first move and updates that comment afterwards', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);
    expect(board.current).toBeUndefined();

    await board.move('generating');
    await board.move('validating');
    await board.move('pr_open', { patch: { pull_number: 12 } });

    expect(issue.writes.map(({ method }) => method)).toEqual(['create', 'update', 'update']);
    expect(issue.writes[0]).toMatchObject({ issueNumber: 7 });
    expect(issue.writes.slice(1).map((write) => write.method === 'update' && write.commentId)).toEqual([
      900, 900,
    ]);
    expect(issue.writes.map((write) => markerIn(write)?.state)).toEqual([
      'generating',
      'validating',
      'pr_open',
    ]);
    expect(board.current).toMatchObject({ state: 'pr_open', pull_number: 12 });
  });

  it('writes a marker with defaults, patched fields and updated_at from the injected clock', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);

    await board.move('generating', { patch: { attempt: 1, branch: 'implementation/7-orders-api' } });
    const noTokens = { input: 0, output: 0, cache_read: 0, cache_write: 0 };
    expect(markerIn(issue.writes[0])).toEqual({
      task_id: 'acme/shop#7',
      state: 'generating',
      attempt: 1,
      cost_usd: 0,
      branch: 'implementation/7-orders-api',
      updated_at: '2026-11-24T10:00:00.000Z',
      // The record the marker carries: received, attempt 1 started, generating.
      version: 3,
      created_at: '2026-11-24T10:00:00.000Z',
      tokens: noTokens,
    });

    const usage = {
      inputTokens: 1000,
      outputTokens: 2300,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: 0.0375,
    };
    await board.move('validating', { usage: { model: 'offline:application', usage } });
    await board.move('pr_open', { patch: { pull_number: 12 }, details: '| Gate | Result |' });
    const last = issue.writes[2];
    expect(markerIn(last)).toEqual({
      task_id: 'acme/shop#7',
      state: 'pr_open',
      attempt: 1,
      cost_usd: 0.0375,
      branch: 'implementation/7-orders-api',
      pull_number: 12,
      // The step that opened #12: a revision pushed to it later opens nothing.
      pull_opened_version: 6,
      updated_at: '2026-11-24T10:02:00.000Z',
      version: 6,
      created_at: '2026-11-24T10:00:00.000Z',
      model: 'offline:application',
      tokens: { ...noTokens, input: 1000, output: 2300 },
    });
    expect(board.record).toMatchObject({ status: 'pr_open', version: 6, cost_usd: 0.0375, pull_number: 12 });
    expect(last?.body).toContain('Attempt 1 · cost so far $0.0375 · PR #12');
    expect(last?.body).toContain('| Gate | Result |');
    expect(board.current).toEqual(markerIn(last));
  });

  it('continues an existing status comment: same comment, its fields kept, its state the start', async () => {
    const existing: StatusCommentRef = {
      commentId: 31,
      marker: {
        task_id: 'acme/shop#7',
        state: 'pr_open',
        attempt: 2,
        cost_usd: 0.5,
        pull_number: 12,
        branch: 'implementation/7-orders-api',
        updated_at: '2026-11-20T08:00:00.000Z',
      },
      trust: 'trusted',
      reason: 'is signed',
      body: '',
    };
    const issue = fakeIssue();
    const board = boardOn(issue.client, existing);
    expect(board.current).toEqual(existing.marker);

    await board.move('changes_requested', { patch: { attempt: 3 } });
    expect(issue.writes).toHaveLength(1);
    expect(issue.writes[0]).toMatchObject({ method: 'update', commentId: 31 });
    expect(markerIn(issue.writes[0])).toEqual({
      ...existing.marker,
      state: 'changes_requested',
      attempt: 3,
      updated_at: '2026-11-24T10:00:00.000Z',
      // A marker from before records: its record is re-derived at version 0, and this move's two
      // events (attempt 3 started, changes requested) make it version 2.
      version: 2,
      created_at: '2026-11-20T08:00:00.000Z',
      tokens: { input: 0, output: 0, cache_read: 0, cache_write: 0 },
    });
  });

  it('throws IllegalTransitionError for an illegal move and writes nothing', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);

    // A task that never ran has nothing deployed (a merge, by contrast, may be taken from here).
    const attempt = board.move('deployed');
    await expect(attempt).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(attempt).rejects.toMatchObject({ from: 'received', to: 'deployed' });
    expect(issue.writes).toEqual([]);
    expect(board.current).toBeUndefined();

    // The refused move left the state where it was.
    await board.move('generating');
    expect(markerIn(issue.writes[0])?.state).toBe('generating');
  });

  it('refuses an illegal move from an existing state without touching the comment', async () => {
    const issue = fakeIssue();
    const existing: StatusCommentRef = {
      commentId: 31,
      marker: {
        task_id: 'acme/shop#7',
        state: 'merged',
        attempt: 1,
        cost_usd: 0,
        updated_at: '2026-11-20T08:00:00.000Z',
      },
      trust: 'trusted',
      reason: 'is signed',
      body: '',
    };
    const board = boardOn(issue.client, existing);
    await expect(board.move('generating')).rejects.toThrow(IllegalTransitionError);
    expect(() => board.pass('generating')).toThrow(IllegalTransitionError);
    expect(issue.writes).toEqual([]);
  });

  it('records a step with pass without any API call, and checks later moves from it', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);

    board.pass('generating');
    expect(issue.writes).toEqual([]);
    expect(board.current).toBeUndefined();

    // received → validating is illegal; it is legal only because `pass` recorded generating.
    await board.move('validating');
    expect(markerIn(issue.writes[0])?.state).toBe('validating');
    expect(() => board.pass('received')).toThrow(IllegalTransitionError);
  });

  it('allows a move to the current state, so a repair attempt can be recorded', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);
    await board.move('generating', { patch: { attempt: 1 } });
    await board.move('generating', { patch: { attempt: 2 } });
    expect(issue.writes.map((write) => markerIn(write)?.attempt)).toEqual([1, 2]);
  });

  it('signs every marker it writes with the key it is given', async () => {
    const issue = fakeIssue();
    const key = Buffer.alloc(32, 4);
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: undefined,
      signingKey: key,
      now: clock(),
    });

    await board.move('generating');

    const line = readStateMarker(issue.writes[0]?.body ?? '');
    expect(line?.signature).toBe(signMarkerText(line?.json ?? '', key));
  });

  it('drops the fields a move clears, and keeps the rest', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);
    await board.move('held', {
      patch: { request_comment_id: 5, request_digest: 'a'.repeat(64) },
    });

    await board.move('held', {
      patch: { request_digest: 'b'.repeat(64) },
      clear: ['request_comment_id'],
    });

    const marker = markerIn(issue.writes[1]);
    expect(marker?.request_digest).toBe('b'.repeat(64));
    expect(marker).not.toHaveProperty('request_comment_id');
  });

  // A close that cancelled the task must not let a later `/cancel` read as one (#9 review).
  it('keeps why the task was cancelled while it stays cancelled, and drops it on any move out', async () => {
    const issue = fakeIssue();
    const board = boardOn(issue.client);
    await board.move('generating');
    await board.move('cancelled', { patch: { cancelled_by_close: true } });
    await board.move('cancelled', { details: 'answered' });
    await board.move('generating');

    expect(markerIn(issue.writes[1])?.cancelled_by_close).toBe(true);
    expect(markerIn(issue.writes[2])?.cancelled_by_close).toBe(true);
    expect(markerIn(issue.writes[3])).not.toHaveProperty('cancelled_by_close');
  });
});
