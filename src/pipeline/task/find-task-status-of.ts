import type { PullRequestFacts } from '../../github/read-pull-request-facts.js';
import { readTaskStatus } from '../../github/read-task-status.js';
import type { StatusCommentClient, StatusCommentRef } from '../../github/status-comment.js';
import type { StatusTrust } from '../../github/status-trust.js';

/** The status of the task a pull request's branch names (`implementation/<issue>-…`); `belongsTo` checks the claim. */
export async function findTaskStatusOf(params: {
  client: StatusCommentClient;
  trust: StatusTrust;
  owner: string;
  repo: string;
  /** GitHub's id of the repository, which every status read is judged by (`readTaskStatus`). */
  repositoryId: number;
  facts: PullRequestFacts;
}): Promise<StatusCommentRef | undefined> {
  const taskIssue = issueNamedBy(params.facts.headRef);
  if (taskIssue === undefined) return undefined;
  const { client, trust, owner, repo } = params;
  return readTaskStatus({
    client,
    trust,
    owner,
    repo,
    issueNumber: taskIssue,
    repositoryId: params.repositoryId,
  });
}

/**
 * Whether a task's status vouches for a pull request, checked against GitHub's record of it. A
 * branch name is only a claim: anyone can name a branch `implementation/1-…`, a fork's included.
 * The PR's head branch must name the status's issue, and the status must name this very pull
 * request; a status naming none (written before it was opened) is taken only for a branch of this
 * repository. The status itself must be trusted (`judgeMarker`): the caller checks that.
 */
export function belongsTo(status: StatusCommentRef, facts: PullRequestFacts): boolean {
  const taskIssue = /#(\d+)$/.exec(status.marker.task_id)?.[1];
  if (taskIssue === undefined || issueNamedBy(facts.headRef) !== Number(taskIssue)) return false;
  const { pull_number: pullNumber } = status.marker;
  return pullNumber === facts.number || (pullNumber === undefined && !facts.fromFork);
}

function issueNamedBy(headRef: string): number | undefined {
  const issue = /^implementation\/(\d+)-/.exec(headRef)?.[1];
  return issue === undefined ? undefined : Number(issue);
}
