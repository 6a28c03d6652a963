import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { mergeEnvironmentDeploys } from '../../../src/core/task/merge-environment-deploys.js';
import { findStatusComment, type StatusCommentRef } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const KEY = Buffer.alloc(32, 8);
const AGENT = 'implementation-agent[bot]';
const at = '2026-11-29T08:00:00.000Z';
const FUTURE = '2099-01-01T00:00:00.000Z';
const live: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'merged',
  attempt: 1,
  cost_usd: 0,
  updated_at: at,
  created_at: at,
  version: 6,
  pull_number: 12,
  writes: ['0000000a', '0000000b'],
};
/** A genuine, signed marker of the same task from before its merge (kept in the comment's edit history). */
const older: TaskMarker = { ...live, state: 'pr_open', version: 4, writes: ['0000000a'] };

const comments = (...markers: TaskMarker[]) => ({
  issues: {
    listComments: async () => ({
      data: markers.map((marker, index) => ({
        id: 900 + index,
        user: { login: AGENT, type: 'Bot' },
        body: renderStatusComment({ marker, signingKey: KEY }),
      })),
    }),
    createComment: async () => ({ data: { id: 1 } }),
    updateComment: async () => ({}),
  },
});
const find = (client: ReturnType<typeof comments>) =>
  findStatusComment({
    client,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    authority: { identity: AGENT, keys: { current: KEY } },
  });

describe('a replayed signed marker never rolls the task back (review10e notes)', () => {
  it('an older genuine marker copied into a newer comment, dated in the future, loses to the live one (held before)', async () => {
    expect(await find(comments(live, { ...older, updated_at: FUTURE }))).toMatchObject({
      commentId: 900,
      marker: { state: 'merged', version: 6 },
    });
  });

  it('FAULT: at equal versions a forged future updated_at does not win: the version orders, then the oldest comment', async () => {
    expect(await find(comments(live, { ...live, state: 'approved', updated_at: FUTURE }))).toMatchObject({
      commentId: 900,
      marker: { state: 'merged' },
    });
  });

  it('FAULT: the live comment edited back to an older marker after this run wrote is ignored with a log line, and written again', async () => {
    let body = renderStatusComment({ marker: live, signingKey: KEY });
    const bodies: string[] = [];
    const lines: string[] = [];
    const board = createStatusBoard({
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => ({ data: { id: 900 } }),
          updateComment: async (p: { body: string }) => ((body = p.body), bodies.push(p.body), {}),
        },
      },
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: { commentId: 900, marker: live, trust: 'trusted', reason: 'is signed', body },
      signingKey: KEY,
      // The read-back finds the older body pasted over this run's write.
      reread: async (): Promise<StatusCommentRef> => ({
        commentId: 900,
        marker: older,
        trust: 'trusted',
        reason: 'is signed',
        body: renderStatusComment({ marker: older, signingKey: KEY }),
      }),
      log: (line) => lines.push(line),
    });
    await board.recordSteps([
      { type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: 'a'.repeat(40) },
    ]);
    expect(lines.some((line) => line.includes('older state (version 4, pr_open)'))).toBe(true);
    // Not applied on top of the older state: this run's write stands, written again.
    expect(bodies).toHaveLength(2);
    expect(parseStateMarker(body)).toMatchObject({ state: 'merged', version: 7 });
    expect(board.current).toMatchObject({ state: 'merged', version: 7 });
  });

  it('a racing run’s write (a write id this run never saw) is still applied on top of, even at a lower version', async () => {
    let body = '';
    const lines: string[] = [];
    const racing: TaskMarker = { ...live, state: 'merged', version: 5, writes: ['0000000a', '0000000c'] };
    let reads = 0;
    const board = createStatusBoard({
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => ({ data: { id: 900 } }),
          updateComment: async (p: { body: string }) => ((body = p.body), {}),
        },
      },
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: { commentId: 900, marker: live, trust: 'trusted', reason: 'is signed', body },
      signingKey: KEY,
      // The read just before the write finds the comment unchanged; the racing write lands right after it.
      reread: async (): Promise<StatusCommentRef | 'unchanged'> =>
        reads++ === 1
          ? { commentId: 900, marker: racing, trust: 'trusted', reason: 'is signed', body: '' }
          : 'unchanged',
      log: (line) => lines.push(line),
    });
    await board.recordSteps([
      { type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: 'a'.repeat(40) },
    ]);
    expect(lines.some((line) => line.includes('another run wrote the status comment at once'))).toBe(true);
    expect(parseStateMarker(body)?.writes).toContain('0000000c');
  });
});

describe('merging deploy state orders by deployment, never by a forged clock (review10e notes)', () => {
  it('FAULT: an entry with a future updated_at but an older deployment loses', () => {
    const merged = mergeEnvironmentDeploys(
      { staging: { status: 'deployed', deployment_id: 501, sha: 'a'.repeat(40), updated_at: FUTURE } },
      { staging: { status: 'deployed', deployment_id: 502, sha: 'b'.repeat(40), updated_at: at } },
    );
    expect(merged?.staging).toMatchObject({ deployment_id: 502 });
  });

  it('a later stage of the same deployment wins, and a rollback counts as the deployment that made it', () => {
    const sha = 'a'.repeat(40);
    expect(
      mergeEnvironmentDeploys(
        { staging: { status: 'deploying', deployment_id: 501, sha, updated_at: FUTURE } },
        { staging: { status: 'deployed', deployment_id: 501, sha, updated_at: at } },
      )?.staging?.status,
    ).toBe('deployed');
    expect(
      mergeEnvironmentDeploys(
        { staging: { status: 'deployed', deployment_id: 502, sha, updated_at: FUTURE } },
        { staging: { status: 'rolled_back', deployment_id: 501, rolled_back_by: 503, sha, updated_at: at } },
      )?.staging?.status,
    ).toBe('rolled_back');
  });
});
