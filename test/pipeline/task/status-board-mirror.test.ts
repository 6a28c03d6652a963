import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { eventStep } from '../../../src/core/task/event-sort-key.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';
const USAGE = {
  inputTokens: 1200,
  outputTokens: 3400,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0.0546,
};
const OUTCOME = {
  status: 'pr_open',
  taskId: TASK_ID,
  issueNumber: 7,
  pullNumber: 12,
  pullUrl: 'https://github.com/acme/shop/pull/12',
  commitSha: 'head-sha',
  created: true,
  costUsd: 0.0546,
} as const;

/** An issue holding one status comment, as GitHub would: each write replaces its body. */
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

/** The implement path's moves, as runIssueTask makes them. */
async function implement(board: ReturnType<typeof createStatusBoard>) {
  await board.move('generating', { patch: { attempt: 1 } });
  board.pass('validating');
  await board.move('pr_open', {
    patch: { pull_number: 12, branch: 'implementation/7-orders-api' },
    usage: { model: 'offline:application', usage: USAGE },
    outcome: OUTCOME,
  });
}

describe('the status board writes the task record to the mirrors after every move', () => {
  it('leaves the record the status comment shows, and every event, in the mirror', async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'board-mirror-')));
    const published: LifecycleEvent[] = [];
    const issue = fakeIssue();
    await implement(
      boardOn(issue.client, {
        ...mirror,
        publisher: { publish: async (events) => void published.push(...events) },
      }),
    );

    const marker = issue.marker()!;
    const stored = await mirror.tasks.get(TASK_ID);
    expect(marker).toMatchObject({ state: 'pr_open', version: 7, pull_number: 12, cost_usd: 0.0546 });
    // What the comment shows is the record, field for field, its last outcome included.
    expect(stored).toEqual(recordFromMarker({ marker, repo: 'acme/shop', issueNumber: 7 }));
    expect(stored?.last_outcome).toMatchObject({
      status: 'pr_open',
      reasonCode: 'pr_opened',
      pullNumber: 12,
    });
    expect((await mirror.events.list(TASK_ID)).map(eventStep)).toEqual([
      'task_received',
      'attempt_started',
      'generating',
      'validating',
      'usage_recorded',
      'pr_open',
      'outcome_recorded',
    ]);
    expect(published.map((event) => [event.detailType, event.detail.version, event.detail.sequence])).toEqual(
      [
        ['Task Received', 1, 1],
        ['Pull Request Opened', 1, 6],
      ],
    );
    expect(issue.bodies.join('\n')).not.toContain('could not');
  });

  it('warns on the status comment when the mirror is down, never failing the move, and a later run catches the mirror up from the marker', async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'board-outage-')));
    const down = {
      tasks: {
        ...mirror.tasks,
        get: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:4566')),
      },
      events: mirror.events,
    };
    const issue = fakeIssue();
    const publisher = { publish: async () => Promise.reject(new Error('EventBridge is unreachable')) };
    await implement(boardOn(issue.client, { ...down, publisher }));

    // Each move wrote its state, then the warning: the task went on.
    expect(issue.bodies).toHaveLength(4);
    expect(issue.bodies[3]).toContain('task mirror could not be written (connect ECONNREFUSED');
    expect(issue.bodies[3]).toContain('could not be sent to the event bus');
    const marker = issue.marker()!;
    expect(marker).toMatchObject({ state: 'pr_open', version: 7 });
    // Nothing confirmed them, so the marker keeps every event for the next run.
    expect(marker.unmirrored?.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await mirror.tasks.get(TASK_ID)).toBeUndefined();

    // A later, stateless run (a new board from the comment) with the mirror back: one move writes all.
    const later = boardOn(issue.client, mirror, marker);
    await later.move('approved');
    expect((await mirror.events.list(TASK_ID)).map((event) => event.sequence)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(await mirror.tasks.get(TASK_ID)).toEqual(
      recordFromMarker({ marker: issue.marker()!, repo: 'acme/shop', issueNumber: 7 }),
    );
    // The comment was written before the mirror confirmed them; the next move drops them.
    expect(issue.marker()?.unmirrored?.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await later.move('merged');
    expect(issue.marker()?.unmirrored?.map((event) => event.sequence)).toEqual([9]);
    expect(issue.bodies.at(-1)).not.toContain('could not be written');
  });

  it('lets a later run drop the events an earlier run left in the marker once the tasks table holds them', async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'board-later-')));
    const issue = fakeIssue();
    await implement(boardOn(issue.client, mirror));
    // The last move's events ride in the marker: the comment is written before the mirror.
    const left = issue.marker()!.unmirrored?.map((event) => event.sequence) ?? [];
    expect(left.length).toBeGreaterThan(0);
    expect((await mirror.tasks.get(TASK_ID))?.version).toBe(7);

    // Each later run makes one move; the marker carries only that run's own event, never a growing list.
    await boardOn(issue.client, mirror, issue.marker()!).move('approved');
    expect(issue.marker()?.unmirrored?.map((event) => event.sequence)).toEqual([8]);
    await boardOn(issue.client, mirror, issue.marker()!).move('merged');
    expect(issue.marker()?.unmirrored?.map((event) => event.sequence)).toEqual([9]);
    expect((await mirror.events.list(TASK_ID)).map((event) => event.sequence)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('carries no events in the marker and writes nowhere when no mirror is configured', async () => {
    const issue = fakeIssue();
    await implement(boardOn(issue.client, undefined));
    expect(issue.marker()).toMatchObject({ state: 'pr_open', version: 7 });
    expect(issue.marker()?.unmirrored).toBeUndefined();
    expect(issue.bodies).toHaveLength(2);
  });

  it("keeps the record's last outcome when a later run continues from the marker and records none of its own", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'board-outcome-')));
    const issue = fakeIssue();
    await implement(boardOn(issue.client, mirror));
    expect((await mirror.tasks.get(TASK_ID))?.last_outcome).toMatchObject({ reasonCode: 'pr_opened' });

    // A deploy run (or a review event) continues from the comment and records a step without an outcome.
    const later = boardOn(issue.client, mirror, issue.marker()!);
    await later.recordSteps([
      { type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: 'a'.repeat(40) },
    ]);

    const stored = (await mirror.tasks.get(TASK_ID))!;
    expect(stored.version).toBe(8);
    expect(stored.last_outcome).toMatchObject({ reasonCode: 'pr_opened', pullNumber: 12 });
    expect(later.record?.last_outcome).toEqual(stored.last_outcome);
  });

  it('puts a step’s lifecycle events in the marker before the bus, so a crash before the publish loses none (outbox)', async () => {
    const issue = fakeIssue();
    let publishCalled = false;
    // The run dies while the publish is under way: the call never returns.
    const dying = {
      publish: async () => {
        publishCalled = true;
        return new Promise<void>(() => undefined);
      },
    };
    void boardOn(issue.client, { publisher: dying }).move('generating', { patch: { attempt: 1 } });
    for (let tick = 0; tick < 20 && !publishCalled; tick += 1)
      await new Promise((resolve) => setImmediate(resolve));
    expect(publishCalled).toBe(true);
    const left = issue.marker()!;
    expect(left.unsent?.map((event) => [event.detailType, event.detail.sequence])).toEqual([
      ['Task Received', 1],
    ]);

    // The next run sends them first, then confirms them by writing the marker again without them.
    const published: LifecycleEvent[] = [];
    const bus = { publish: async (events: readonly LifecycleEvent[]) => void published.push(...events) };
    const before = issue.bodies.length;
    await boardOn(issue.client, { publisher: bus }, left).move('failed');
    expect(published.map((event) => [event.detailType, event.detail.sequence])).toEqual([
      ['Task Received', 1],
      ['Task Failed', 4],
    ]);
    expect(issue.bodies.slice(before).map((body) => parseStateMarker(body)?.unsent?.length ?? 0)).toEqual([
      2, 0,
    ]);
  });

  it('writes the comment once for a step with no lifecycle event, and confirms a milestone with a second write', async () => {
    const issue = fakeIssue();
    const bus = { publish: async () => undefined };
    const board = boardOn(issue.client, { publisher: bus });
    await board.move('generating', { patch: { attempt: 1 } });
    const before = issue.bodies.length;
    await board.move('validating');
    expect(issue.bodies.length - before).toBe(1);
    // A milestone: written with it in the outbox, published, then confirmed by a second write.
    await board.move('failed');
    expect(issue.bodies.length - before).toBe(3);
    expect(issue.marker()?.unsent).toBeUndefined();
  });
});
