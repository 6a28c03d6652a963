import type { DeploymentClient } from '../../github/create-deployment.js';
import type { DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { PullRequestFactsClient } from '../../github/read-pull-request-facts.js';
import type { RepositoryContentClient } from '../../github/read-repository-file.js';
import type { DeploymentStatusClient } from '../../github/set-deployment-status.js';
import type { StatusCommentClient } from '../../github/status-comment.js';

/** The GitHub calls a deploy run makes: statuses, the template, the PR head, comments, rollbacks. */
export type DeployRunClient = DeploymentStatusClient &
  RepositoryContentClient &
  Pick<PullRequestFactsClient, 'pulls'> &
  Pick<StatusCommentClient, 'issues'> &
  DeploymentHistoryClient &
  DeploymentClient;
