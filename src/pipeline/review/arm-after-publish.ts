import type { AgentConfig } from '../../core/config/agent-config.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { NO_REVIEWS } from '../../core/review/decide-approval.js';
import { reviewPolicyFor } from '../../core/review/review-policy-for.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { GraphqlClient } from '../../github/graphql-client.js';
import type { PublishedPullRequest } from '../../github/publish-pull-request.js';
import { readReviewApproval, type ReviewClient } from '../../github/read-review-approval.js';
import { armAutoMerge, type AutoMergeArming } from './arm-auto-merge.js';

/**
 * Automated mode's arming after a run published its commit (DESIGN §4): `armAutoMerge` over the
 * pull request's reviews as the approval rule reads them (`readReviewApproval`, the task's review
 * policy; a pull request this run opened has none yet, so nothing is read), so a re-run never
 * turns auto-merge on while a counted request for changes stands. Never throws: reviews that
 * cannot be read hold auto-merge off (`held`, failing closed), the review sync turning it on once
 * it reads that no request stands.
 */
export async function armAfterPublish(params: {
  client: ReviewClient;
  graphql: GraphqlClient | undefined;
  owner: string;
  repo: string;
  pull: PublishedPullRequest;
  config: AgentConfig;
  /** The task's marker before the run published (its requester and pushes shape the policy). */
  marker: TaskMarker | undefined;
  agentLogin: string | undefined;
  log: (line: string) => void;
}): Promise<AutoMergeArming> {
  const { client, owner, repo, pull, config } = params;
  let approval = NO_REVIEWS;
  if (!pull.created) {
    try {
      approval = await readReviewApproval({
        client,
        owner,
        repo,
        pullNumber: pull.number,
        headSha: pull.commitSha,
        policy: reviewPolicyFor({
          review: config.review,
          marker: params.marker,
          agentLogin: params.agentLogin,
        }),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      params.log(`Reviews of #${pull.number} not read: ${message}`);
      return {
        status: 'held',
        message:
          `Auto-merge stays off: the reviews of pull request #${pull.number} could not be read (${untrustedInline(message)}), ` +
          'so a request for changes may stand. The next review event turns it on once none does.',
      };
    }
  }
  return armAutoMerge({
    graphql: params.graphql,
    owner,
    repo,
    pullNumber: pull.number,
    pullRequestId: pull.nodeId,
    headSha: pull.commitSha,
    mergeMethod: config.auto_merge.merge_method,
    approval,
    log: params.log,
  });
}
