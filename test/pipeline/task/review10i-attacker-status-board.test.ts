/**
 * Review 10i (attacker): the status board's read-before-write and read-backs (`createStatusBoard`,
 * `boardAfterWrite`, `readStatusCommentById`, `listStatusComments`) against a stand-in of GitHub's
 * issue comments that keeps the last edit, answers conditional reads with 304 by `ETag`, and can
 * fail a call (5xx), lose a comment (a person deleted it) or hold a person's edit.
 *
 * Attacked: two writers interleaved around a read-back that answers 502; a write whose id other
 * writes pushed out of the marker's `writes` (MAX_MARKER_WRITES) before its read-back; the mirror
 * warning's second edit after a mirror outage (no read first); a comment deleted by a
 * person mid-task; a person's edit that strips the marker; a forged marker in a non-writer's
 * comment older than the board; a comment a person padded past GitHub's 65,536-character limit.
 */
import { createHash } from 'node:crypto';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { readStatusCommentById } from '../../../src/github/read-status-comment-by-id.js';
import { listStatusComments, type StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import type { TaskStore } from '../../../src/core/stores/task-store.js';

const TASK_ID = 'acme/shop#7';
const AGENT = 'implementation-agent[bot]';
const AUTHORITY = { identity: AGENT, keys: undefined };
const SHA = 'a'.repeat(40);

interface Comment {
  body: string;
  login: string;
}

const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });
const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('hex')}"`;

/**
 * One issue's comments as GitHub keeps them: the last edit wins (no condition on an edit), a
 * conditional read of an unchanged comment answers 304, a deleted comment answers 404.
 * `failNextRead(n)` makes the nth next *Get an issue comment* answer 502; `onEdit` runs once after
 * the next edit lands, before its writer hears back.
 */
function issueComments(initial: Map<number, Comment>) {
  const comments = initial;
  let nextId = Math.max(0, ...comments.keys()) + 1;
  const readFailures = new Map<number, (() => Promise<void>) | undefined>();
  let reads = 0;
  let onEdit: (() => Promise<void>) | undefined;
  const client: StatusCommentClient & {
    issues: {
      getComment(p: {
        comment_id: number;
        headers?: { 'if-none-match'?: string };
      }): Promise<{ data: { body: string; user: { login: string } }; headers: { etag: string } }>;
    };
  } = {
    issues: {
      listComments: async ({ page }) => ({
        data:
          page > 1
            ? []
            : [...comments.entries()].map(([id, c]) => ({
                id,
                body: c.body,
                user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
              })),
      }),
      createComment: async ({ body }) => {
        const id = nextId++;
        comments.set(id, { body, login: AGENT });
        return { data: { id }, headers: { etag: etagOf(body) } };
      },
      updateComment: async ({ comment_id, body }) => {
        const comment = comments.get(comment_id);
        if (comment === undefined) throw httpError(404);
        comment.body = body;
        const run = onEdit;
        onEdit = undefined;
        await run?.();
        return { headers: { etag: etagOf(body) } };
      },
      getComment: async ({ comment_id, headers }) => {
        reads += 1;
        if (readFailures.has(reads)) {
          const during = readFailures.get(reads);
          readFailures.delete(reads);
          await during?.();
          throw httpError(502);
        }
        const comment = comments.get(comment_id);
        if (comment === undefined) throw httpError(404);
        const etag = etagOf(comment.body);
        if (headers?.['if-none-match'] === etag) throw httpError(304);
        return { data: { body: comment.body, user: { login: comment.login } }, headers: { etag } };
      },
    },
  };
  return {
    client,
    comments,
    marker: (id = 900) => parseStateMarker(comments.get(id)?.body ?? ''),
    /** The `n`th *Get an issue comment* from now answers 502, after `during` ran (another run's write meanwhile). */
    failRead: (n: number, during?: () => Promise<void>) => readFailures.set(reads + n, during),
    afterNextEdit: (run: () => Promise<void>) => {
      onEdit = run;
    },
  };
}

const base: TaskMarker = {
  task_id: TASK_ID,
  repository_id: 4242,
  state: 'merged',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  created_at: '2026-11-29T09:00:00.000Z',
  version: 8,
  branch: 'implementation/7',
  pull_number: 12,
  writes: ['0000000a'],
};

let second = 0;
const now = () => new Date(Date.parse('2026-11-29T11:00:00.000Z') + second++ * 1000);

/** A run's board as `connectedStatusBoard` wires it: read before each write, read back twice, boards listed on create. */
function boardOn(
  issue: ReturnType<typeof issueComments>,
  existing: TaskMarker | undefined,
  options: { settle?: () => Promise<void>; logs?: string[]; staleReads?: number } = {},
) {
  let reads = 0;
  return createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing:
      existing === undefined
        ? undefined
        : { commentId: 900, marker: existing, trust: 'trusted', reason: 'written by the agent', body: '' },
    signingKey: undefined,
    repositoryId: 4242,
    reread: async (commentId, etag) =>
      // A stale read stands for one made before another run's write landed.
      reads++ < (options.staleReads ?? 0)
        ? ('unchanged' as const)
        : readStatusCommentById({
            client: issue.client,
            owner: 'acme',
            repo: 'shop',
            issueNumber: 7,
            commentId,
            authority: AUTHORITY,
            repositoryId: 4242,
            ...(etag === undefined ? {} : { etag }),
          }),
    listBoards: () =>
      listStatusComments({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        authority: AUTHORITY,
        repositoryId: 4242,
      }),
    settle: options.settle ?? (async () => undefined),
    log: (line) => options.logs?.push(line),
    now,
  });
}

const staging = [{ type: 'deploy_started' as const, environment: 'staging', deployment_id: 501, sha: SHA }];
const production = [
  { type: 'deploy_started' as const, environment: 'production', deployment_id: 601, sha: SHA },
];

const withComment = (body: string, login = AGENT) => new Map<number, Comment>([[900, { body, login }]]);

describe('status board, attacked (review10i)', () => {
  it('FAULT: one 502 on the read-back right after a write skips the second (settle) read-back, so a racing run’s write over it goes unnoticed and the step is lost', async () => {
    const issue = issueComments(withComment(renderStatusComment({ marker: base })));
    // The production run read the comment before staging's write landed (its read before writing is stale).
    const productionRun = boardOn(issue, base, { staleReads: 1 });
    const stagingRun = boardOn(issue, base);
    // Staging: read before write (1), write, read-back at once (2): while that read is out, the
    // production run writes over staging's step, and the read answers 502.
    issue.failRead(2, () => productionRun.recordSteps(production).then(() => undefined));
    await stagingRun.recordSteps(staging);
    // The production write stands; staging's step was on the comment for a moment only.
    expect(issue.marker()?.environments?.production?.status).toBe('deploying');

    // Right: a failed read-back is retried (or the settle read still runs), so both stand.
    expect(Object.keys(issue.marker()?.environments ?? {}).sort()).toEqual(['production', 'staging']);
  });

  it('FAULT: a status comment a person deleted makes the next move throw 404 instead of writing the status again', async () => {
    const issue = issueComments(withComment(renderStatusComment({ marker: { ...base, state: 'pr_open' } })));
    const run = boardOn(issue, { ...base, state: 'pr_open' });
    issue.comments.delete(900);

    // Right: the board holds the whole record; it writes a new status comment rather than fail the task.
    await expect(run.move('approved')).resolves.toBeUndefined();
    const boards = [...issue.comments.values()].map((c) => parseStateMarker(c.body)).filter(Boolean);
    expect(boards.map((m) => m?.state)).toEqual(['approved']);
  });

  it('FAULT: a write whose id another run pushed out of the marker’s `writes` (8 of its writes on top before the read-back) is taken as replaced and its step applied twice', async () => {
    const issue = issueComments(withComment(renderStatusComment({ marker: base })));
    const stagingRun = boardOn(issue, base);
    // Right after staging's edit lands, another run (reading it as its base) records eight steps.
    issue.afterNextEdit(async () => {
      const other = boardOn(issue, base);
      for (let index = 1; index <= 8; index += 1) {
        await other.recordSteps([
          { type: 'deploy_started', environment: `region-${index}`, deployment_id: 700 + index, sha: SHA },
        ]);
      }
    });
    await stagingRun.recordSteps(staging);

    // 8 + staging's one + the other run's eight. Today staging's read-back no longer finds its id
    // (MAX_MARKER_WRITES keeps the last 8) and records deploy_started of 501 again: version 18.
    expect(issue.marker()?.version).toBe(17);
  });

  it('FAULT: the mirror-warning write after a mirror outage is a blind edit: a racing run’s step written during the mirror’s retries is overwritten', async () => {
    const issue = issueComments(withComment(renderStatusComment({ marker: base })));
    const productionRun = boardOn(issue, base);
    let gets = 0;
    const tasks: TaskStore = {
      get: async () => {
        gets += 1;
        // 1: the board's first look at the mirror. 2: the sync after the write, while the table is
        // out (the SDK retries for seconds): the production run records its step meanwhile.
        if (gets === 1) return undefined;
        await productionRun.recordSteps(production);
        throw new Error('connect ECONNREFUSED 10.0.0.1:443');
      },
      put: async () => undefined,
      countParked: async () => undefined,
      listByStatus: async () => [],
    };
    const stagingRun = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: {
        commentId: 900,
        marker: base,
        trust: 'trusted',
        reason: 'written by the agent',
        body: '',
      },
      signingKey: undefined,
      repositoryId: 4242,
      mirrors: { tasks },
      reread: (commentId, etag) =>
        readStatusCommentById({
          client: issue.client,
          owner: 'acme',
          repo: 'shop',
          issueNumber: 7,
          commentId,
          authority: AUTHORITY,
          repositoryId: 4242,
          ...(etag === undefined ? {} : { etag }),
        }),
      settle: async () => undefined,
      now,
    });
    const result = await stagingRun.recordSteps(staging);
    expect(result.warning).toContain('could not be written');

    // Right: the warning is applied on the comment as it is now (read first), so both deploys stay.
    expect(Object.keys(issue.marker()?.environments ?? {}).sort()).toEqual(['production', 'staging']);
  });

  it('refused: a person’s edit that strips the marker is written over, the marker (and record) restored', async () => {
    const issue = issueComments(withComment(renderStatusComment({ marker: { ...base, state: 'pr_open' } })));
    const run = boardOn(issue, { ...base, state: 'pr_open' });
    issue.comments.get(900)!.body = 'cleaned up by a maintainer';
    await run.move('approved');
    expect(issue.marker()?.state).toBe('approved');
    expect(issue.marker()?.version).toBe(9);
  });

  it('refused: a non-writer’s comment with a forged marker (higher version, older id) does not replace a new board', async () => {
    const forged: TaskMarker = { ...base, state: 'merged', version: 99, writes: ['ffffffff'] };
    const issue = issueComments(
      new Map([
        [100, { body: `looks official\n${renderStatusComment({ marker: forged })}`, login: 'mallory' }],
      ]),
    );
    const logs: string[] = [];
    const run = boardOn(issue, undefined, { logs });
    await run.move('generating');
    const ours = [...issue.comments.entries()].filter(([, c]) => c.login === AGENT);
    expect(ours).toHaveLength(1);
    const written = parseStateMarker(ours[0]![1].body);
    expect(written?.state).toBe('generating');
    expect(run.current?.version).toBeLessThan(99);
    // The forged comment is left as it was.
    expect(issue.comments.get(100)?.login).toBe('mallory');
  });

  it('refused: two interleaved deploy runs both keep their step when every read answers (304s included)', async () => {
    const issue = issueComments(withComment(renderStatusComment({ marker: base })));
    const stagingRun = boardOn(issue, base);
    const productionRun = boardOn(issue, base);
    issue.afterNextEdit(() => productionRun.recordSteps(production).then(() => undefined));
    await stagingRun.recordSteps(staging);
    expect(Object.keys(issue.marker()?.environments ?? {}).sort()).toEqual(['production', 'staging']);
    expect(issue.marker()?.version).toBe(10);
  });

  it('refused: a comment a person padded past 65,536 characters keeps a readable marker after a deploy step', async () => {
    const body = `${'x'.repeat(70_000)}\n${renderStatusComment({ marker: base })}`;
    const issue = issueComments(withComment(body));
    const run = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: TASK_ID,
      existing: { commentId: 900, marker: base, trust: 'trusted', reason: 'written by the agent', body },
      signingKey: undefined,
      repositoryId: 4242,
      now,
    });
    await run.recordSteps(staging);
    expect(issue.comments.get(900)!.body.length).toBeLessThanOrEqual(65_536);
    expect(issue.marker()?.environments?.staging?.status).toBe('deploying');
  });
});
