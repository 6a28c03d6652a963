import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { enableAutoMerge, type MergeMethod } from '../../github/enable-auto-merge.js';
import type { GraphqlClient } from '../../github/graphql-client.js';

/** What happens after a pull request opens in automated mode; why when auto-merge is off. */
const LEFT_FOR_GREEN = 'The pull request is left open to be merged when its required checks are green.';

/**
 * Automated mode's last step once the PR is open and every gate passed: turn on GitHub's
 * auto-merge with the configured merge method. Never fails the task — the PR exists either way —
 * and returns one markdown paragraph for the status comment saying what happened: auto-merge on,
 * or why not (the repository does not allow it, the PR is already clean, another refusal or
 * error, or a runtime without GraphQL) and that the PR waits for merge-when-green instead.
 */
export async function armAutoMerge(params: {
  graphql: GraphqlClient | undefined;
  owner: string;
  repo: string;
  pullNumber: number;
  pullRequestId: string | undefined;
  mergeMethod: MergeMethod;
  log: (line: string) => void;
}): Promise<string> {
  if (params.graphql === undefined)
    return `Auto-merge was not requested: this runtime has no GraphQL client. ${LEFT_FOR_GREEN}`;
  try {
    const result = await enableAutoMerge({
      graphql: params.graphql,
      owner: params.owner,
      repo: params.repo,
      number: params.pullNumber,
      ...(params.pullRequestId === undefined ? {} : { pullRequestId: params.pullRequestId }),
      mergeMethod: params.mergeMethod,
    });
    params.log(`Auto-merge on #${params.pullNumber}: ${result.status}`);
    switch (result.status) {
      case 'enabled':
        return `Auto-merge is on (${result.mergeMethod}): GitHub merges this pull request once its required checks pass.`;
      case 'not-allowed':
        return (
          `Auto-merge is not allowed in this repository (GitHub: ${untrustedInline(result.message)}). ${LEFT_FOR_GREEN} ` +
          'An admin can turn on Settings → General → Pull requests → "Allow auto-merge".'
        );
      case 'clean':
        return `GitHub did not enable auto-merge because nothing is left to wait for (GitHub: ${untrustedInline(result.message)}). ${LEFT_FOR_GREEN}`;
      case 'refused':
        return `GitHub refused auto-merge (GitHub: ${untrustedInline(result.message)}). ${LEFT_FOR_GREEN}`;
    }
  } catch (error) {
    params.log(`Auto-merge on #${params.pullNumber} failed: ${errorMessage(error)}`);
    return `Auto-merge could not be enabled: ${untrustedInline(errorMessage(error))}. ${LEFT_FOR_GREEN}`;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
