import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { readStatusCommentById } from '../../../src/github/read-status-comment-by-id.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const TASK_ID = 'acme/shop#7';
const AGENT = 'implementation-agent[bot]';

/**
 * One issue with one status comment, as GitHub keeps it: the last edit wins. `interleave` runs
 * once, right after the next edit lands and before that writer hears back, so another run's write
 * falls between a run's write and its read-back.
 */
function sharedIssue(initial: string) {
  let body = initial;
  const edits: string[] = [];
  let interleave: (() => Promise<void>) | undefined;
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
        edits.push(params.body);
        const run = interleave;
        interleave = undefined;
        await run?.();
        return {};
      },
      getComment: async () => ({ data: { body, user: { login: AGENT } } }),
    },
  };
  return {
    client,
    edits,
    marker: () => parseStateMarker(body)!,
    interleaveNextWrite: (run: () => Promise<void>) => {
      interleave = run;
    },
  };
}

const base: TaskMarker = {
  task_id: TASK_ID,
  state: 'merged',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  version: 8,
  created_at: '2026-11-29T09:00:00.000Z',
  branch: 'implementation/7',
  pull_number: 12,
};

let second = 0;
const now = () => new Date(Date.parse('2026-11-29T11:00:00.000Z') + second++ * 1000);

/**
 * A run's board over the comment as it read it, reading it just before and back after each write;
 * `settle` is what it does in the delay before its second read-back; `staleReads` is how many of
 * its reads answer "unchanged" whatever the comment holds (a read that came before another run's write landed).
 */
function boardOn(
  issue: ReturnType<typeof sharedIssue>,
  marker: TaskMarker,
  reread = true,
  settle?: () => Promise<void>,
  staleReads = 0,
) {
  let reads = 0;
  return createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: { commentId: 900, marker, trust: 'trusted', reason: 'is signed', body: '' },
    signingKey: undefined,
    ...(reread
      ? {
          reread: async (commentId: number) =>
            reads++ < staleReads
              ? ('unchanged' as const)
              : readStatusCommentById({
                  client: issue.client,
                  owner: 'acme',
                  repo: 'shop',
                  repositoryId: 4242,
                  issueNumber: 7,
                  commentId,
                  authority: { identity: AGENT, keys: undefined },
                }),
        }
      : {}),
    ...(settle === undefined ? {} : { settle }),
    now,
  });
}

const stagingDeploy = [
  { type: 'deploy_started' as const, environment: 'staging', deployment_id: 501, sha: 'a'.repeat(40) },
  {
    type: 'deploy_finished' as const,
    environment: 'staging',
    deployment_id: 501,
    succeeded: true,
  },
];
const productionDeploy = [
  { type: 'deploy_started' as const, environment: 'production', deployment_id: 601, sha: 'a'.repeat(40) },
];

describe('two runs writing the status comment at once', () => {
  it('neither step is lost: the run whose write was replaced applies its step again on top', async () => {
    const issue = sharedIssue('');
    // Both runs read the same comment; the production run writes between the staging run's write and its read-back.
    const staging = boardOn(issue, base);
    const production = boardOn(issue, base);
    issue.interleaveNextWrite(async () => {
      await production.recordSteps(productionDeploy);
    });

    await staging.recordSteps(stagingDeploy);

    const final = issue.marker();
    expect(Object.keys(final.environments ?? {}).sort()).toEqual(['production', 'staging']);
    expect(final.environments?.staging?.status).toBe('deployed');
    expect(final.environments?.production?.status).toBe('deploying');
    // 8 + the staging run's two + the production run's one, which read the comment just before writing.
    expect(final.version).toBe(11);
    expect(issue.edits).toHaveLength(2);
  });

  it('a write landing after the first read-back, from a run that read the comment before this write, is seen by the second read-back after the settle delay', async () => {
    const issue = sharedIssue('');
    // The production run read the comment just before the staging write landed; its write lands after staging's first read-back.
    const production = boardOn(issue, base, true, undefined, 1);
    let settled = 0;
    const staging = boardOn(issue, base, true, async () => {
      if (settled++ === 0) await production.recordSteps(productionDeploy);
    });

    await staging.recordSteps(stagingDeploy);

    const final = issue.marker();
    expect(Object.keys(final.environments ?? {}).sort()).toEqual(['production', 'staging']);
    // 8 + the production run's one (on the old base) + the staging run's two, applied again on top.
    expect(final.version).toBe(11);
  });

  it('without the settle delay and second read-back, that write replaces the step unnoticed', async () => {
    const issue = sharedIssue('');
    const production = boardOn(issue, base, true, undefined, 1);
    const staging = boardOn(issue, base);
    // Nothing waits after staging's write: the production write lands once staging has stopped looking.
    await staging.recordSteps(stagingDeploy);
    await production.recordSteps(productionDeploy);
    expect(Object.keys(issue.marker().environments ?? {})).toEqual(['production']);
  });

  it('without the read-back the last write wins and the other step is gone from the comment', async () => {
    const issue = sharedIssue('');
    const staging = boardOn(issue, base, false);
    const production = boardOn(issue, base, false);
    issue.interleaveNextWrite(async () => {
      await production.recordSteps(productionDeploy);
    });
    await staging.recordSteps(stagingDeploy);
    // The production run wrote last: the staging deploy is gone from the comment.
    expect(Object.keys(issue.marker().environments ?? {})).toEqual(['production']);
  });

  it('a step that cannot follow the other run’s is not forced onto the comment', async () => {
    const issue = sharedIssue('');
    const cancelling = boardOn(issue, { ...base, state: 'pr_open' });
    const approving = boardOn(issue, { ...base, state: 'pr_open' });
    issue.interleaveNextWrite(async () => {
      await cancelling.move('cancelled');
    });
    await approving.move('approved');
    expect(issue.marker().state).toBe('cancelled');
    expect(issue.edits).toHaveLength(2);
  });

  it('a state move and a deploy step racing both land', async () => {
    const issue = sharedIssue('');
    const approving = boardOn(issue, { ...base, state: 'pr_open' });
    const deploying = boardOn(issue, { ...base, state: 'pr_open' });
    issue.interleaveNextWrite(async () => {
      await deploying.recordSteps(stagingDeploy);
    });
    await approving.move('approved');
    const final = issue.marker();
    expect(final.state).toBe('approved');
    expect(final.environments?.staging?.status).toBe('deployed');
  });

  // The racer read the comment before the staging write landed (its read "unchanged"), wrote over
  // it on the old base, and wrote on: its window of write ids fills up with its own, at a higher
  // version, as if it had built on the staging write. Only the staging write's id proves that.
  it.each([7, 8, 20])(
    'a run whose write was replaced and then written over %i more times applies its step again',
    async (racing) => {
      const issue = sharedIssue('');
      const production = boardOn(issue, base, true, undefined, 1);
      const staging = boardOn(issue, base);
      issue.interleaveNextWrite(async () => {
        await production.recordSteps(productionDeploy);
        for (let n = 0; n < racing; n += 1)
          await production.recordSteps([
            n % 2 === 0
              ? {
                  type: 'deploy_finished' as const,
                  environment: 'production',
                  deployment_id: 601 + n,
                  succeeded: true,
                }
              : {
                  type: 'deploy_started' as const,
                  environment: 'production',
                  deployment_id: 602 + n,
                  sha: 'a'.repeat(40),
                },
          ]);
      });

      await staging.recordSteps(stagingDeploy);

      const final = issue.marker();
      expect(final.writes).toHaveLength(8);
      expect(Object.keys(final.environments ?? {}).sort()).toEqual(['production', 'staging']);
      expect(final.environments?.staging?.status).toBe('deployed');
      // The staging write, the racer's 1 + `racing`, and the staging step applied again on top.
      expect(issue.edits).toHaveLength(3 + racing);
    },
  );
});
