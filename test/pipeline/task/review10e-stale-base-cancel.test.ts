import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { readStatusCommentById } from '../../../src/github/read-status-comment-by-id.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { pathFollows } from '../../../src/pipeline/task/path-follows.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';
const AGENT = 'implementation-agent[bot]';

/** One issue with one status comment, as GitHub keeps it: the last edit wins. */
function sharedIssue(marker: TaskMarker) {
  let body = renderStatusComment({ marker });
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
      getComment: async () => ({ data: { body, user: { login: AGENT } } }),
    },
  };
  return { client, marker: () => parseStateMarker(body)! };
}

let second = 0;
const now = () => new Date(Date.parse('2026-11-29T11:00:00.000Z') + second++ * 1000);

function boardOn(issue: ReturnType<typeof sharedIssue>) {
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
    now,
    settle: async () => undefined,
  });
}

describe('a run on a stale base, and a /cancel written meanwhile (review10e)', () => {
  it("a long run's pr_open on a stale base does not overwrite a /cancel written meanwhile: the cancel stands", async () => {
    const issue = sharedIssue({
      task_id: TASK_ID,
      state: 'validating',
      attempt: 1,
      cost_usd: 0,
      updated_at: '2026-11-29T10:00:00.000Z',
      created_at: '2026-11-29T09:00:00.000Z',
      version: 4,
      branch: 'implementation/7-orders',
    });
    // The implement run read the comment at 0 ms and validates for a minute.
    const run = boardOn(issue);
    // Meanwhile a person's /cancel goes through the shared board.
    await boardOn(issue).move('cancelled');
    expect(issue.marker().state).toBe('cancelled');

    // The run's step after its cancel watch last looked: its base is stale, so it reads again.
    await run.move('pr_open', { patch: { pull_number: 12 } }).catch(() => undefined);

    // Right: the cancel stands (cancelled → pr_open is a reopen's move, not a racing run's).
    expect(issue.marker().state).toBe('cancelled');
  });

  it('no path of a run leaves a cancelled written meanwhile, though the table has moves out of it', () => {
    const passed = [{ type: 'state_changed', to: 'validating' }] as const;
    for (const to of ['pr_open', 'generating', 'received', 'held', 'merged'] as const)
      expect(pathFollows({ from: 'cancelled', passed: [], to })).toBe(false);
    expect(pathFollows({ from: 'cancelled', passed, to: 'pr_open' })).toBe(false);
    // Staying cancelled follows; another run's non-final state is still followed by the table.
    expect(pathFollows({ from: 'cancelled', passed: [], to: 'cancelled' })).toBe(true);
    expect(pathFollows({ from: 'generating', passed, to: 'pr_open' })).toBe(true);
  });
});
