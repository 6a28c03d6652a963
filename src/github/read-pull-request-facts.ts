import type { ChecksVerdict } from '../core/checks/combine-checks.js';
import { headAtRequest, type HeadAtRequest } from '../core/deploy/head-at-request.js';
import type { AgentConfig } from '../core/config/agent-config.js';
import { issueNumberFromBranch } from '../core/naming/issue-number-from-branch.js';
import type { ApprovalDecision } from '../core/review/decide-approval.js';
import { reviewPolicyFor } from '../core/review/review-policy-for.js';
import { readChecksVerdict, type ChecksClient } from './read-checks-verdict.js';
import { readHeadAtRequest, type HeadHistoryClient } from './read-head-at-request.js';
import { readReviewApproval, type ReviewClient } from './read-review-approval.js';
import { readTaskStatus } from './read-task-status.js';
import type { StatusCommentClient, StatusCommentRef } from './status-comment.js';
import type { StatusTrust } from './status-trust.js';

interface RepositoryFact {
  id: number;
  full_name: string;
}

export interface PullRequestReadClient {
  pulls: {
    get(p: { owner: string; repo: string; pull_number: number }): Promise<{
      data: {
        number: number;
        /** The GraphQL node id (`PR_…`), for the auto-merge mutations. */
        node_id?: string;
        state: string;
        merged: boolean;
        merged_at: string | null;
        merge_commit_sha: string | null;
        /** Who merged it (null while unmerged); automated mode's deploy on merge deploys as them. */
        merged_by?: { login: string } | null;
        /** A draft is never merged by merge-when-green. */
        draft?: boolean;
        /** `repo` is null when the fork the pull request came from was deleted. */
        head: { sha: string; ref: string; repo: RepositoryFact | null };
        base: { ref: string; repo: RepositoryFact };
      };
    }>;
  };
}

export type PullRequestFactsClient = PullRequestReadClient &
  ReviewClient &
  ChecksClient &
  HeadHistoryClient &
  StatusCommentClient;

export interface PullRequestFacts {
  readonly number: number;
  readonly open: boolean;
  readonly merged: boolean;
  readonly headRef: string;
  readonly baseRef: string;
  /** The head branch lives in another repository (or in a fork since deleted). */
  readonly fromFork: boolean;
  /**
   * The branch the deployed sha is on, which `allowed_refs` reads: the head branch while the pull
   * request is open, the base branch once it is merged.
   */
  readonly branch: string;
  /** What a deploy would deploy now: the head of an open PR, the merge commit of a merged one. */
  readonly currentSha: string;
  /** What was there when the command was given, from server-side facts only. */
  readonly atRequest: HeadAtRequest;
  /** The approval rule under the task's review policy (`reviewPolicyFor`), as the approval check has it. */
  readonly approval: ApprovalDecision;
  readonly checks: ChecksVerdict;
  /**
   * The status of the task the head branch names (`implementation/<issue>-…`), or the one given;
   * undefined when there is none. Its trust and its claim on this pull request are the caller's to
   * check.
   */
  readonly taskStatus: StatusCommentRef | undefined;
}

/**
 * Everything the deploy rules need to know about a pull request, each from the record GitHub
 * keeps: the pull request, its reviews and reviewers' permissions, the check runs and commit
 * statuses on the sha to deploy, and the branch's updates around the command's time. The reviews
 * are judged under the same review policy as the guided approval check (`reviewPolicyFor`): the
 * requester comes from the task's status — `taskStatus` when the caller has read it, else the
 * status of the issue the head branch names — and counts only from a trusted marker naming this
 * pull request.
 */
export async function readPullRequestFacts(params: {
  client: PullRequestFactsClient;
  owner: string;
  repo: string;
  /** GitHub's id of the repository, which the task's status read is judged by (`readTaskStatus`). */
  repositoryId: number;
  pullNumber: number;
  /** The command comment's `created_at`, GitHub's clock. */
  requestedAt: string;
  /** The App slug of the agent's own check runs (`agentAppSlugOf`). */
  agentAppSlug: string;
  /** Whose markers are trusted, and the agent's login. */
  trust: StatusTrust;
  /** The repository's `review` config. */
  review: AgentConfig['review'];
  /** The task's status when the caller already read it (a command on the issue). */
  taskStatus?: StatusCommentRef | undefined;
}): Promise<PullRequestFacts> {
  const { client, owner, repo, pullNumber, requestedAt } = params;
  const pull = (await client.pulls.get({ owner, repo, pull_number: pullNumber })).data;
  const merged = pull.merged && pull.merge_commit_sha ? pull.merge_commit_sha : undefined;
  const currentSha = merged ?? pull.head.sha;
  // A deleted fork's branch has no activity left to read; a base branch of the same name is not it.
  const headRepository = pull.head.repo ? splitFullName(pull.head.repo.full_name) : undefined;
  const fromFork = pull.head.repo === null || pull.head.repo.id !== pull.base.repo.id;
  const taskIssue = issueNumberFromBranch(pull.head.ref);
  // The agent opens pull requests from its own branches only: a fork's is nobody's task.
  const taskStatus =
    params.taskStatus ??
    (taskIssue === undefined || fromFork
      ? undefined
      : await readTaskStatus({
          client,
          trust: params.trust,
          owner,
          repo,
          issueNumber: taskIssue,
          repositoryId: params.repositoryId,
        }));
  const provesTask =
    taskStatus?.trust === 'trusted' &&
    (taskStatus.marker.pull_number === pull.number ||
      (taskStatus.marker.pull_number === undefined && !fromFork));
  const policy = reviewPolicyFor({
    review: params.review,
    marker: provesTask ? taskStatus.marker : undefined,
    agentLogin: await params.trust.identity(),
  });
  const [approval, checks, atRequest] = await Promise.all([
    readReviewApproval({ client, owner, repo, pullNumber, headSha: pull.head.sha, policy }),
    readChecksVerdict({ client, owner, repo, sha: currentSha, agentAppSlug: params.agentAppSlug }),
    merged !== undefined && pull.merged_at
      ? headAtRequest({
          requestedAt,
          currentHead: pull.head.sha,
          merged: { sha: merged, mergedAt: pull.merged_at },
        })
      : readHeadAtRequest({
          client,
          owner,
          repo,
          ...(headRepository === undefined ? {} : { headRepository }),
          headRef: pull.head.ref,
          currentHead: pull.head.sha,
          requestedAt,
        }),
  ]);
  return {
    number: pull.number,
    open: pull.state === 'open',
    merged: pull.merged,
    headRef: pull.head.ref,
    baseRef: pull.base.ref,
    fromFork,
    branch: merged !== undefined ? pull.base.ref : pull.head.ref,
    currentSha,
    atRequest,
    approval,
    checks,
    taskStatus,
  };
}

function splitFullName(fullName: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}
