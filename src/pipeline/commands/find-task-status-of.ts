import type { PullRequestFacts } from '../../github/read-pull-request-facts.js';
import {
  findStatusComment,
  type StatusCommentClient,
  type StatusCommentRef,
} from '../../github/status-comment.js';

/** The status of the task a pull request's branch names (`implementation/<issue>-…`); `belongsTo` checks the claim. */
export async function findTaskStatusOf(params: {
  client: StatusCommentClient;
  owner: string;
  repo: string;
  facts: PullRequestFacts;
}): Promise<StatusCommentRef | undefined> {
  const taskIssue = /^implementation\/(\d+)-/.exec(params.facts.headRef)?.[1];
  if (taskIssue === undefined) return undefined;
  const { client, owner, repo } = params;
  return findStatusComment({ client, owner, repo, issueNumber: Number(taskIssue) });
}

/**
 * A branch name is only a claim: anyone can name a branch `implementation/1-…`, a fork's included.
 * The task's template applies when its status names this very pull request; a status naming none
 * (written before it was opened) is trusted only for a branch of this repository.
 */
export function belongsTo(status: StatusCommentRef, facts: PullRequestFacts): boolean {
  const { pull_number: pullNumber } = status.marker;
  return pullNumber === facts.number || (pullNumber === undefined && !facts.fromFork);
}
