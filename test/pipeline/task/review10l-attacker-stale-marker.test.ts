/**
 * Attacker pass (review #10l) on convergence through the status comment's marker
 * (src/pipeline/task/create-status-board.ts, core/state/is-earlier-state.ts): a person with write
 * access edits the agent's own comment back to an older *signed* body from its edit history
 * between two runs (GitHub lets collaborators edit any comment; the author stays the bot, and the
 * signature holds because the body is genuine). The mirror (filesystem TaskStore) holds the live,
 * higher version. Both faults found are fixed (the board goes on from the mirror's newer record,
 * `goOnFromNewerMirror`); each is now an ordinary test.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
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

/** Runs a task to its merge; returns the signed pr_open marker (kept in the edit history) and the live one. */
async function mergedTask() {
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10l-stale-')));
  const issue = fakeIssue();
  const first = boardOn(issue.client, mirror);
  await first.move('generating', { patch: { attempt: 1 } });
  first.pass('validating');
  await first.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/7-orders' } });
  const older = issue.marker()!;
  await boardOn(issue.client, mirror, older).move('approved');
  await boardOn(issue.client, mirror, issue.marker()!).move('merged');
  const live = issue.marker()!;
  return { mirror, issue, older, live };
}

describe('review10l attacker: the comment edited back to an older signed marker between runs', () => {
  it('the setting: the mirror holds the merged record at a higher version than the replayed marker', async () => {
    const { mirror, older, live } = await mergedTask();
    expect(live.state).toBe('merged');
    expect(older.state).toBe('pr_open');
    expect((await mirror.tasks.get(TASK_ID))?.version).toBe(live.version);
    expect(older.version ?? 0).toBeLessThan(live.version ?? 0);
  });

  it('a run starting from the replayed marker goes on from the mirror’s newer merged record: the move back into review is refused', async () => {
    const { mirror, issue, older } = await mergedTask();
    // The next stateless run finds the replayed body (the only status comment) and continues.
    const next = boardOn(issue.client, mirror, older);
    // A review event's run: pr_open → changes_requested is legal from the replayed state only.
    await next.move('changes_requested').catch(() => undefined);
    expect(issue.marker()?.state).not.toBe('changes_requested');
    expect((await mirror.tasks.get(TASK_ID))?.status).toBe('merged');
  });
});

describe('review10l attacker: the marker line pushed off the end of the comment (text added after it)', () => {
  it('a run that finds no marker goes on from the mirror’s merged record: starting the task over is refused', async () => {
    const { mirror, issue } = await mergedTask();
    // A collaborator edits the agent's comment and adds a line under the marker: no marker reads back.
    const next = boardOn(issue.client, mirror, undefined);
    await next.move('generating', { patch: { attempt: 1 } }).catch(() => undefined);
    expect(issue.marker()?.state).not.toBe('generating');
    expect((await mirror.tasks.get(TASK_ID))?.status).toBe('merged');
  });
});

describe('a status comment behind the tasks mirror: the task goes on from the mirror', () => {
  it('a move the mirror’s state allows is written on the mirror’s record, its version never below the mirror’s', async () => {
    const { mirror, issue, older, live } = await mergedTask();
    const lines: string[] = [];
    const next = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: { commentId: 900, marker: older, trust: 'trusted', reason: 'is signed', body: '' },
      signingKey: undefined,
      mirrors: mirror,
      log: (line) => lines.push(line),
      now: clock(Date.parse('2026-11-24T12:00:00.000Z')),
    });
    await next.move('deploying');
    expect(issue.marker()?.state).toBe('deploying');
    expect(issue.marker()?.version).toBe(live.version);
    expect(issue.marker()?.pull_closed_version).toBe(live.version);
    expect(issue.marker()?.pull_number).toBe(12);
    expect((await mirror.tasks.get(TASK_ID))?.version).toBe(live.version);
    expect(lines.join('\n')).toMatch(/older state .*pr_open.* than the tasks mirror .*merged/);
  });
});
