import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { disableAutoMerge } from '../../github/disable-auto-merge.js';
import type { GraphqlClient } from '../../github/graphql-client.js';

/**
 * The opposite of `armAutoMerge`, for a task that no longer runs automated at low risk (a re-run
 * judged high risk, a person's push, a new base): GitHub's auto-merge is turned off, so nothing
 * merges the pull request without the approving review guided mode asks for. Never throws — the
 * task's move is recorded either way — and returns one markdown paragraph for the status comment
 * saying what happened, with what to do by hand when it could not be turned off.
 */
export async function disarmAutoMerge(params: {
  graphql: GraphqlClient | undefined;
  owner: string;
  repo: string;
  pullNumber: number;
  pullRequestId: string | undefined;
  log: (line: string) => void;
}): Promise<string> {
  const byHand =
    'If it is on, turn it off on the pull request ("Disable auto-merge") before the checks pass.';
  if (params.graphql === undefined)
    return `Auto-merge could not be turned off: this runtime has no GraphQL client. ${byHand}`;
  try {
    const result = await disableAutoMerge({
      graphql: params.graphql,
      owner: params.owner,
      repo: params.repo,
      number: params.pullNumber,
      ...(params.pullRequestId === undefined ? {} : { pullRequestId: params.pullRequestId }),
    });
    params.log(`Auto-merge off on #${params.pullNumber}: ${result.status}`);
    return result.status === 'disabled'
      ? 'Auto-merge is off: GitHub will not merge this pull request by itself; an approving review is needed.'
      : `GitHub did not turn auto-merge off (GitHub: ${untrustedInline(result.message)}). ${byHand}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    params.log(`Turning auto-merge off on #${params.pullNumber} failed: ${message}`);
    return `Auto-merge could not be turned off: ${untrustedInline(message)}. ${byHand}`;
  }
}
