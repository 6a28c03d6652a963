import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import {
  MAX_MARKER_WRITES,
  parseStateMarker,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';
import { readStatusCommentById } from '../../../src/github/read-status-comment-by-id.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

/**
 * `isEarlierState` knew a written-back older marker only while its last write id was among the
 * `MAX_MARKER_WRITES` the live marker keeps: one from 9+ writes ago was taken for a racing run and
 * applied on top, and the task went back. Runs race only from a state they read moments ago (a base
 * older than `STALE_BASE_MS` is read again before writing), so only a racer must prove itself.
 */
const KEY = Buffer.alloc(32, 9);
const AGENT = 'implementation-agent[bot]';
const TASK_ID = 'acme/shop#7';
const at = '2026-11-29T08:00:00.000Z';
const id = (n: number) => n.toString(16).padStart(8, '0');

/** One issue with one status comment: the last edit wins; `paste` writes a body over it. */
function sharedIssue(marker: TaskMarker) {
  let body = renderStatusComment({ marker, signingKey: KEY });
  let pasteNext: string | undefined;
  const client = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async (): Promise<{ data: { id: number } }> => {
        throw new Error('the comment exists');
      },
      updateComment: async (params: { body: string }) => {
        body = params.body;
        // Someone pastes an old body from the edit history right after this write.
        if (pasteNext !== undefined) [body, pasteNext] = [pasteNext, undefined];
        return {};
      },
      getComment: async () => ({ data: { body, user: { login: AGENT } } }),
    },
  };
  return {
    client,
    marker: () => parseStateMarker(body)!,
    paste: (old: TaskMarker) => {
      pasteNext = renderStatusComment({ marker: old, signingKey: KEY });
    },
  };
}

function boardOn(issue: ReturnType<typeof sharedIssue>, lines: string[] = []) {
  return createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: { commentId: 900, marker: issue.marker(), trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: KEY,
    reread: (commentId: number) =>
      readStatusCommentById({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        commentId,
        repositoryId: 4242,
        authority: { identity: AGENT, keys: { current: KEY } },
      }),
    log: (line) => lines.push(line),
    settle: async () => undefined,
  });
}

const start: TaskMarker = {
  task_id: TASK_ID,
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: at,
  created_at: at,
  version: 4,
  pull_number: 12,
  writes: [id(1)],
};

const deployStep = (n: number) => [
  { type: 'deploy_started' as const, environment: 'staging', deployment_id: 500 + n, sha: 'a'.repeat(40) },
];

describe('review10f: a written-back marker however old never moves the task back', () => {
  it('FAULT: this line’s own marker from 10 writes ago pasted over the live one is refused and written over', async () => {
    const issue = sharedIssue(start);
    const lines: string[] = [];
    const board = boardOn(issue, lines);
    await board.move('approved');
    const old = issue.marker();
    for (let n = 1; n <= MAX_MARKER_WRITES + 1; n++) await board.recordSteps(deployStep(n));
    await board.move('merged');
    const live = issue.marker();
    expect(live.writes).not.toContain(old.writes?.at(-1));
    // The approved marker, signed and genuine, pasted back right after the next write.
    issue.paste(old);
    await board.recordSteps(deployStep(99));

    expect(lines.some((line) => line.includes(`older state (version ${old.version}, approved)`))).toBe(true);
    expect(issue.marker()).toMatchObject({ state: 'merged' });
    expect(issue.marker().version).toBeGreaterThan(live.version ?? 0);
    expect(board.current?.state).toBe('merged');
  });

  it('a racing run that read the comment moments ago is still applied on top of, its step kept', async () => {
    const issue = sharedIssue(start);
    const racerLines: string[] = [];
    const ours = boardOn(issue);
    const racing = boardOn(issue, racerLines);
    // Ours writes several steps while the racing run, which read the comment just before, has not written yet.
    for (let n = 1; n <= 3; n++) await ours.recordSteps(deployStep(n));
    const lastOfOurs = issue.marker().writes?.at(-1);
    await racing.move('approved');
    // It reads the comment just before writing, so its write goes on top of ours, and ours on top of it.
    expect(issue.marker().writes?.at(-2)).toBe(lastOfOurs);
    await ours.recordSteps(deployStep(4));
    expect(issue.marker()).toMatchObject({ state: 'approved' });
    expect(issue.marker().environments?.['staging']?.deployment_id).toBe(504);
    expect(racerLines.some((line) => line.includes('older state'))).toBe(false);
  });

  it('proof of the premise: a run idle past STALE_BASE_MS reads the comment again, so it branches from the live state', async () => {
    const issue = sharedIssue(start);
    const idle = boardOn(issue);
    const busy = boardOn(issue);
    for (let n = 1; n <= MAX_MARKER_WRITES + 4; n++) await busy.recordSteps(deployStep(n));
    const lastOfBusy = issue.marker().writes?.at(-1);
    await idle.move('approved');
    const written = issue.marker();
    // Its write names the busy run's last write as its base: never a base the live line has left.
    expect(written.writes?.at(-2)).toBe(lastOfBusy);
    expect(written).toMatchObject({ state: 'approved' });
    expect(written.environments?.['staging']?.deployment_id).toBe(500 + MAX_MARKER_WRITES + 4);
  });
});
