import type { DeploymentClient } from '../../github/create-deployment.js';
import type { DeploymentHistoryClient } from '../../github/read-deployment-history.js';
import type { RepositoryContentClient } from '../../github/read-repository-file.js';
import type { DeploymentStatusClient } from '../../github/set-deployment-status.js';
import type { BoardClient } from '../task/connected-status-board.js';

/** The one pull request fact a deploy run reads: whether the head moved since it was checked. */
interface PullRequestHeadClient {
  pulls: {
    get(p: { owner: string; repo: string; pull_number: number }): Promise<{
      data: { number: number; state: string; head: { sha: string } };
    }>;
  };
}

/**
 * The GitHub calls a deploy run makes: statuses, the template, the PR head, comments, rollbacks,
 * and the task's status board (`BoardClient`: its read-back and re-sends).
 */
export type DeployRunClient = DeploymentStatusClient &
  RepositoryContentClient &
  PullRequestHeadClient &
  BoardClient &
  DeploymentHistoryClient &
  DeploymentClient;
