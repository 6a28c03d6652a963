import type { DeploymentClient } from './create-deployment.js';
import type { CheckRunClient } from './publish-check-run.js';
import type { ApprovalCheckClient } from './publish-approval-check.js';
import type { DeploymentStatusClient } from './set-deployment-status.js';
import type { PullRequestClient } from './publish-pull-request.js';
import type { CompareClient } from './branch-contains-sha.js';
import type { DeploymentHistoryClient } from './read-deployment-history.js';
import type { DeploymentReadClient } from './read-deployment.js';
import type { PullRequestFactsClient } from './read-pull-request-facts.js';
import type { DispatchClient } from './send-control-request.js';
import type { RevertClient } from './open-revert-pull-request.js';
import type { TeamMembershipClient } from './read-team-memberships.js';
import type { RepositoryContentClient } from './read-repository-file.js';
import type { PermissionClient } from './repository-permission-level.js';
import type { StatusCommentClient } from './status-comment.js';
import type { CommandDeploymentClient } from './find-command-deployment.js';
import type { DispatchIssueClient } from './find-dispatch-issue.js';
import type { ReplyOnceClient } from './reply-once.js';
import type { ReviewFeedbackClient } from './read-review-feedback.js';
import type { BlobClient } from './read-branch-texts.js';
import type { ReviewReplyClient } from './reply-to-review-comment.js';
import type { RequestSourceClient } from './read-request-source.js';
import type { PushReviewClient } from './push-review-client.js';
import type { PullRequestFilesClient } from './read-pull-request-files.js';
import type { MergeClient } from './merge-pull-request.js';
import type { DeleteCommentClient } from './retire-duplicate-board.js';
import type { PushActivityClient } from './read-pushers.js';
import type { AccountLookupClient } from './current-login.js';

export interface IssueAuthoringClient {
  issues: {
    create(p: { owner: string; repo: string; title: string; body: string }): Promise<{
      data: { number: number; html_url: string };
    }>;
    getComment(p: { owner: string; repo: string; comment_id: number }): Promise<{ data: { body?: string } }>;
  };
  reactions: {
    createForIssueComment(p: {
      owner: string;
      repo: string;
      comment_id: number;
      content: 'eyes';
    }): Promise<unknown>;
  };
}

/**
 * Every GitHub call the implementation pipeline makes. `octokit.rest` from Probot and from
 * @actions/github both satisfy it; tests may pass plain objects.
 */
export type TaskClient = PullRequestClient &
  AccountLookupClient &
  StatusCommentClient &
  CheckRunClient &
  ApprovalCheckClient &
  PermissionClient &
  RepositoryContentClient &
  IssueAuthoringClient &
  PullRequestFactsClient &
  DeploymentClient &
  DeploymentStatusClient &
  DeploymentHistoryClient &
  DeploymentReadClient &
  CompareClient &
  DispatchClient &
  RevertClient &
  TeamMembershipClient &
  CommandDeploymentClient &
  DispatchIssueClient &
  ReplyOnceClient &
  ReviewFeedbackClient &
  BlobClient &
  ReviewReplyClient &
  RequestSourceClient &
  PushReviewClient &
  PullRequestFilesClient &
  MergeClient &
  DeleteCommentClient &
  PushActivityClient;
