import type { ChecksState } from '../core/deploy/authorize-deploy.js';

export interface PullRequestFactsClient {
  pulls: {
    get(p: { owner: string; repo: string; pull_number: number }): Promise<{
      data: {
        number: number;
        state: string;
        merged: boolean;
        merge_commit_sha: string | null;
        head: { sha: string; ref: string };
        base: { ref: string };
      };
    }>;
    listReviews(p: { owner: string; repo: string; pull_number: number; per_page: number }): Promise<{
      data: Array<{ user: { login: string } | null; state: string; commit_id: string | null }>;
    }>;
    listCommits(p: { owner: string; repo: string; pull_number: number; per_page: number }): Promise<{
      data: Array<{ sha: string; commit: { committer: { date?: string } | null } }>;
    }>;
  };
  checks: {
    listForRef(p: { owner: string; repo: string; ref: string; per_page: number }): Promise<{
      data: { check_runs: Array<{ name: string; status: string; conclusion: string | null }> };
    }>;
  };
}

export interface PullRequestFacts {
  readonly number: number;
  readonly open: boolean;
  readonly merged: boolean;
  readonly headRef: string;
  readonly baseRef: string;
  /** What a deploy would deploy now: the head of an open PR, the merge commit of a merged one. */
  readonly currentSha: string;
  /** The newest commit that existed when the command was written. */
  readonly shaAtRequest: string;
  /** An approving review of the current head, and no outstanding request for changes. */
  readonly approved: boolean;
  readonly checks: ChecksState;
}

/** Everything the deploy rules need to know about a pull request, in four calls. */
export async function readPullRequestFacts(params: {
  client: PullRequestFactsClient;
  owner: string;
  repo: string;
  pullNumber: number;
  requestedAt: string;
}): Promise<PullRequestFacts> {
  const { client, owner, repo, pullNumber } = params;
  const pull = (await client.pulls.get({ owner, repo, pull_number: pullNumber })).data;
  const currentSha = pull.merged && pull.merge_commit_sha ? pull.merge_commit_sha : pull.head.sha;
  const [reviews, commits, checks] = await Promise.all([
    client.pulls.listReviews({ owner, repo, pull_number: pullNumber, per_page: 100 }),
    client.pulls.listCommits({ owner, repo, pull_number: pullNumber, per_page: 100 }),
    client.checks.listForRef({ owner, repo, ref: currentSha, per_page: 100 }),
  ]);
  return {
    number: pull.number,
    open: pull.state === 'open',
    merged: pull.merged,
    headRef: pull.head.ref,
    baseRef: pull.base.ref,
    currentSha,
    shaAtRequest: pull.merged ? currentSha : (headAt(commits.data, params.requestedAt) ?? pull.head.sha),
    approved: isApproved(reviews.data, pull.head.sha),
    checks: checksState(checks.data.check_runs),
  };
}

function headAt(
  commits: Array<{ sha: string; commit: { committer: { date?: string } | null } }>,
  requestedAt: string,
): string | undefined {
  const before = commits.filter((c) => (c.commit.committer?.date ?? '') <= requestedAt);
  return before.at(-1)?.sha;
}

/** Each reviewer's latest verdict counts; an approval of an older commit does not cover new ones. */
function isApproved(
  reviews: Array<{ user: { login: string } | null; state: string; commit_id: string | null }>,
  headSha: string,
): boolean {
  const latest = new Map<string, { state: string; commit_id: string | null }>();
  for (const review of reviews) {
    if (
      review.user &&
      (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED')
    )
      latest.set(review.user.login, review);
  }
  const verdicts = [...latest.values()];
  return (
    verdicts.some((review) => review.state === 'APPROVED' && review.commit_id === headSha) &&
    !verdicts.some((review) => review.state === 'CHANGES_REQUESTED')
  );
}

function checksState(runs: Array<{ name: string; status: string; conclusion: string | null }>): ChecksState {
  if (runs.length === 0) return 'none';
  if (
    runs.some((run) =>
      ['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure'].includes(
        run.conclusion ?? '',
      ),
    )
  )
    return 'failure';
  if (runs.some((run) => run.status !== 'completed')) return 'pending';
  return 'success';
}
