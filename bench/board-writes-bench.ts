import { createHash } from 'node:crypto';
import { readTaskStatus } from '../src/github/read-task-status.js';
import { statusTrust } from '../src/github/status-trust.js';
import { connectedStatusBoard, type BoardClient } from '../src/pipeline/task/connected-status-board.js';
import { createStatusBoard, type StatusBoard, type TaskStep } from '../src/pipeline/task/status-board.js';

const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 4);
const SHA = 'e'.repeat(40);

/** GitHub calls one task's life made on its status comment, by kind. */
export interface BoardCalls {
  /** Comment creates and edits. */
  readonly writes: number;
  /** `GET /issues/{n}/comments` pages: each run's status read, and the check of a created comment. */
  readonly listings: number;
  /** Read-backs GitHub answered 200 (counted against the rate limit) and 304 (not counted). */
  readonly readBacks200: number;
  readonly readBacks304: number;
}

export interface BoardWritesBench {
  /** Without any read-back: the board as it was before it checked its writes (the reference). */
  readonly reference: BoardCalls;
  /** With the read-back, GitHub's `ETag` on a comment edit equal to its `ETag` on a read of it. */
  readonly readBack: BoardCalls;
  /** With the read-back, if GitHub's `ETag`s never matched (every read-back a 200). */
  readonly readBackNoEtag: BoardCalls;
}

/**
 * The GitHub calls of one task's status comment over a whole life (issue → generating → PR →
 * approval → merge → deploy started → deploy finished, each a separate stateless run that reads
 * the status first), counted on an in-memory GitHub that keeps one comment the way GitHub does
 * (last edit wins; `ETag` a digest of the body; a conditional read of an unchanged comment a 304).
 * The same life three ways: the reference board without read-back, the connected board (the
 * product's), and the connected board when no `ETag` matches.
 */
export async function benchBoardWrites(): Promise<BoardWritesBench> {
  return {
    reference: await lifeCalls({ readBack: false, etags: true }),
    readBack: await lifeCalls({ readBack: true, etags: true }),
    readBackNoEtag: await lifeCalls({ readBack: true, etags: false }),
  };
}

async function lifeCalls(options: { readBack: boolean; etags: boolean }): Promise<BoardCalls> {
  const github = countingIssue(options.etags);
  const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });
  const where = { owner: 'acme', repo: 'bench', issueNumber: 7, taskId: 'acme/bench#7', repositoryId: 4242 };
  let second = 0;
  const now = () => new Date(Date.parse('2026-11-29T10:00:00.000Z') + second++ * 1000);
  const run = async (moves: (board: StatusBoard) => Promise<unknown>) => {
    const existing = await readTaskStatus({ client: github.client, trust, ...where });
    const board = options.readBack
      ? connectedStatusBoard({ client: github.client, trust, ...where, existing, log: () => undefined, now })
      : createStatusBoard({ client: github.client, ...where, existing, signingKey: KEY, now });
    await moves(board);
  };
  const deploy = (step: TaskStep) => run((board) => board.recordSteps([step]));
  await run(async (board) => {
    await board.move('generating', { patch: { attempt: 1 } });
    board.pass('validating');
    await board.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/7-bench' } });
  });
  await run((board) => board.move('approved'));
  await run((board) => board.move('merged'));
  await deploy({ type: 'deploy_started', environment: 'staging', deployment_id: 501, sha: SHA });
  await deploy({ type: 'deploy_finished', environment: 'staging', deployment_id: 501, succeeded: true });
  return github.calls;
}

/** One issue with at most one comment, counting every call; `etags` off: no read is ever a 304. */
function countingIssue(etags: boolean) {
  let comment: { id: number; body: string; user: { login: string; type: string } } | undefined;
  const calls = { writes: 0, listings: 0, readBacks200: 0, readBacks304: 0 };
  const etagOf = (body: string) => `W/"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  const unused = async (): Promise<never> => {
    throw new Error('nothing is re-sent in this life');
  };
  const client: BoardClient = {
    issues: {
      listComments: async () => {
        calls.listings += 1;
        return { data: comment === undefined ? [] : [comment] };
      },
      createComment: async (p) => {
        calls.writes += 1;
        comment = { id: 900, body: p.body, user: { login: BOT, type: 'Bot' } };
        return { data: { id: 900 }, headers: { etag: etagOf(p.body) } };
      },
      updateComment: async (p) => {
        calls.writes += 1;
        if (comment !== undefined) comment.body = p.body;
        return { headers: etags ? { etag: etagOf(p.body) } : {} };
      },
      getComment: async (p) => {
        const body = comment?.body ?? '';
        if (p.headers?.['if-none-match'] === etagOf(body)) {
          calls.readBacks304 += 1;
          throw Object.assign(new Error('Not Modified'), { status: 304 });
        }
        calls.readBacks200 += 1;
        return { data: { body, user: { login: BOT } } };
      },
      deleteComment: unused,
    },
    git: { getTree: unused, getBlob: unused },
    repos: { getContent: unused },
  };
  return { client, calls };
}
