import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { readStatusCommentById } from '../../../src/github/read-status-comment-by-id.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';
const AGENT = 'implementation-agent[bot]';
const USAGE = { inputTokens: 10, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.01 };

/** One issue with one status comment, as GitHub keeps it: the last edit wins. Counts the reads of it. */
function sharedIssue(marker: TaskMarker) {
  let body = renderStatusComment({ marker });
  let reads = 0;
  const client: StatusCommentClient & {
    issues: {
      getComment(p: { comment_id: number }): Promise<{ data: { body: string; user: { login: string } } }>;
    };
  } = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async () => {
        throw new Error('the comment exists');
      },
      updateComment: async (params) => {
        body = params.body;
        return {};
      },
      getComment: async () => {
        reads++;
        return { data: { body, user: { login: AGENT } } };
      },
    },
  };
  return { client, marker: () => parseStateMarker(body)!, reads: () => reads };
}

const base: TaskMarker = {
  task_id: TASK_ID,
  state: 'generating',
  attempt: 2,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  created_at: '2026-11-29T09:00:00.000Z',
  version: 6,
  pull_number: 12,
  branch: 'implementation/7-orders',
};

let second = 0;
const now = () => new Date(Date.parse('2026-11-29T11:00:00.000Z') + second++ * 1000);

/** A run's board over the comment as it read it at `clock.ms`, reading it back after each write. */
function boardOn(issue: ReturnType<typeof sharedIssue>, mirrors?: ReturnType<typeof filesystemStores>) {
  return createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: { commentId: 900, marker: issue.marker(), trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    reread: (commentId: number) =>
      readStatusCommentById({
        client: issue.client,
        owner: 'acme',
        repo: 'shop',
        repositoryId: 4242,
        issueNumber: 7,
        commentId,
        authority: { identity: AGENT, keys: undefined },
      }),
    ...(mirrors === undefined ? {} : { mirrors }),
    now,
    settle: async () => undefined,
  });
}

const stagingDeploy = [
  { type: 'deploy_started' as const, environment: 'staging', deployment_id: 501, sha: 'a'.repeat(40) },
  { type: 'deploy_finished' as const, environment: 'staging', deployment_id: 501, succeeded: true },
];

describe('a run that read the status long before writing it (a stale base)', () => {
  it('two writers, the older finishing last: nothing of the newer is lost, on the comment or in the mirror', async () => {
    const issue = sharedIssue(base);
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'stale-base-')));
    // The generation run reads the status at 0 s; its model call takes minutes.
    const generation = boardOn(issue, mirror);
    // Meanwhile a deploy run of the earlier merge records staging, and reads its own write back.
    await boardOn(issue, mirror).recordSteps(stagingDeploy);
    generation.pass('validating');
    await generation.move('pr_open', {
      patch: { pull_number: 12, branch: base.branch },
      usage: { model: 'offline:application', usage: USAGE },
    });

    const final = issue.marker();
    expect(final.state).toBe('pr_open');
    expect(final.environments?.['staging']?.status).toBe('deployed');
    expect(final.cost_usd).toBe(0.01);
    const stored = await mirror.tasks.get(TASK_ID);
    expect(stored?.environments['staging']?.status).toBe('deployed');
    expect(stored).toEqual(
      recordFromMarker({ marker: final, taskId: TASK_ID, repo: 'acme/shop', issueNumber: 7 }),
    );
    // The events of both runs are in the results table, one after the other.
    const sequences = (await mirror.events.list(TASK_ID)).map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('a deploy step on a stale base keeps the state the other run moved the task to', async () => {
    const issue = sharedIssue({ ...base, state: 'pr_open' });
    const deploy = boardOn(issue);
    await boardOn(issue).move('approved');
    await deploy.recordSteps(stagingDeploy);

    expect(issue.marker()).toMatchObject({ state: 'approved', version: 9 });
    expect(issue.marker().environments?.['staging']?.status).toBe('deployed');
  });

  it('a step that cannot follow what the other run wrote meanwhile is not written over it', async () => {
    const issue = sharedIssue(base);
    const generation = boardOn(issue);
    await boardOn(issue).move('cancelled', { details: 'Cancelled by @maintainer.' });
    generation.pass('validating');
    await generation.move('pr_open', { patch: { pull_number: 12 } });

    expect(issue.marker().state).toBe('cancelled');
  });

  it('a base read moments ago is still read again just before the write, and back after it twice', async () => {
    const issue = sharedIssue(base);
    const board = boardOn(issue);
    await board.move('validating');
    // The read before the write, the read-back, and the second read-back after the settle delay.
    expect(issue.reads()).toBe(3);
  });
});
