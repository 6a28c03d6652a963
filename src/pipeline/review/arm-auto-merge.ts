import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { ApprovalDecision } from '../../core/review/decide-approval.js';
import { standingChangesRequest } from '../../core/review/standing-changes-request.js';
import { enableAutoMerge, type MergeMethod } from '../../github/enable-auto-merge.js';
import type { GraphqlClient } from '../../github/graphql-client.js';

/** What happens after a pull request opens in automated mode; why when auto-merge is off. */
const LEFT_FOR_GREEN = 'The pull request is left open to be merged when its required checks are green.';

/**
 * What arming did: GitHub's auto-merge is on (`enabled`), it was not turned on because a request
 * for changes stands (`held`: nothing merges the pull request by itself until it is lifted), or
 * GitHub or the runtime did not turn it on (`not-enabled`: merge-when-green merges instead).
 * `message` is one markdown paragraph for the status comment.
 */
export interface AutoMergeArming {
  readonly status: 'enabled' | 'held' | 'not-enabled';
  readonly message: string;
}

/**
 * Automated mode's last step once the PR is open and every gate passed: turn on GitHub's
 * auto-merge with the configured merge method, pinned to `headSha` (GitHub refuses once the branch
 * moved past it, answered as `not-enabled`) — unless a counted request for changes stands on
 * the pull request (`standingChangesRequest`, over `approval`, the approval rule's decision on its
 * reviews; a pull request just opened has none): then nothing is asked of GitHub and the answer
 * says who asked and that lifting it turns auto-merge on. Never fails the task — the PR exists
 * either way — and says what happened: auto-merge on, held, or why not (the repository does not
 * allow it, the PR is already clean, another refusal or error, or a runtime without GraphQL) and
 * that the PR waits for merge-when-green instead.
 */
export async function armAutoMerge(params: {
  graphql: GraphqlClient | undefined;
  owner: string;
  repo: string;
  pullNumber: number;
  pullRequestId: string | undefined;
  /** The head the agent validated: auto-merge is pinned to it (`expectedHeadOid`). */
  headSha: string;
  mergeMethod: MergeMethod;
  approval: Pick<ApprovalDecision, 'changesRequestedBy' | 'tooManyReviews'>;
  log: (line: string) => void;
}): Promise<AutoMergeArming> {
  const standing = standingChangesRequest(params.approval);
  if (standing !== undefined) {
    params.log(`Auto-merge on #${params.pullNumber} held: ${standing.reason}`);
    return {
      status: 'held',
      message:
        `Auto-merge stays off: ${standing.reason}. Once no request for changes stands (that reviewer approves, ` +
        'or the review is dismissed) and the head still passes every gate at low risk, implementation-agent turns it on.',
    };
  }
  const notEnabled = (message: string): AutoMergeArming => ({ status: 'not-enabled', message });
  if (params.graphql === undefined)
    return notEnabled(`Auto-merge was not requested: this runtime has no GraphQL client. ${LEFT_FOR_GREEN}`);
  try {
    const result = await enableAutoMerge({
      graphql: params.graphql,
      owner: params.owner,
      repo: params.repo,
      number: params.pullNumber,
      ...(params.pullRequestId === undefined ? {} : { pullRequestId: params.pullRequestId }),
      mergeMethod: params.mergeMethod,
      expectedHeadOid: params.headSha,
    });
    params.log(`Auto-merge on #${params.pullNumber}: ${result.status}`);
    switch (result.status) {
      case 'enabled':
        return {
          status: 'enabled',
          message: `Auto-merge is on (${result.mergeMethod}): GitHub merges this pull request once its required checks pass.`,
        };
      case 'not-allowed':
        return notEnabled(
          `Auto-merge is not allowed in this repository (GitHub: ${untrustedInline(result.message)}). ${LEFT_FOR_GREEN} ` +
            'An admin can turn on Settings → General → Pull requests → "Allow auto-merge".',
        );
      case 'clean':
        return notEnabled(
          `GitHub did not enable auto-merge because nothing is left to wait for (GitHub: ${untrustedInline(result.message)}). ${LEFT_FOR_GREEN}`,
        );
      case 'refused':
        return notEnabled(
          `GitHub refused auto-merge (GitHub: ${untrustedInline(result.message)}). ${LEFT_FOR_GREEN}`,
        );
    }
  } catch (error) {
    params.log(`Auto-merge on #${params.pullNumber} failed: ${errorMessage(error)}`);
    return notEnabled(
      `Auto-merge could not be enabled: ${untrustedInline(errorMessage(error))}. ${LEFT_FOR_GREEN}`,
    );
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
