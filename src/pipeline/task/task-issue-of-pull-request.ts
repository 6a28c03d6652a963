import { issueNumberFromBranch } from '../../core/naming/issue-number-from-branch.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';

/**
 * The issue a pull request's head branch (`implementation/<issue>-…`) names, when that branch is
 * in this repository (a fork's branch may be named like a task's); `undefined` otherwise. Only a
 * claim: each use case proves it against the task's trusted status (which names its pull request).
 * Throws GitHub's HTTP errors (404 when there is no such pull request).
 */
export async function taskIssueOfPullRequest(params: {
  deps: Pick<TaskEventDependencies, 'client'>;
  repository: Pick<RepositoryRef, 'owner' | 'repo'>;
  pullNumber: number;
}): Promise<number | undefined> {
  const { owner, repo } = params.repository;
  const pull = (await params.deps.client.pulls.get({ owner, repo, pull_number: params.pullNumber })).data;
  const sameRepository = pull.head.repo?.full_name?.toLowerCase() === `${owner}/${repo}`.toLowerCase();
  return sameRepository ? issueNumberFromBranch(pull.head.ref) : undefined;
}
