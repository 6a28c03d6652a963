import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { disableAutoMerge } from '../../github/disable-auto-merge.js';
import type { GraphqlClient } from '../../github/graphql-client.js';

/**
 * What turning GitHub's auto-merge off came to, as GitHub confirmed it: `off` only when GitHub
 * answered that it is off; `failed` when it refused, the call failed or the runtime has no
 * GraphQL client — auto-merge may still be on. `message` is one markdown paragraph for the status
 * comment; `record` is what the caller's move writes on the marker, so a failure is asked again on
 * the pull request's next event (`auto_merge_off_pending`) and a success drops that.
 */
export interface AutoMergeDisarming {
  readonly status: 'off' | 'failed';
  readonly message: string;
  readonly record:
    | { readonly patch: { readonly auto_merge_off_pending: true } }
    | { readonly clear: readonly ['auto_merge_off_pending'] };
}

/** What to do by hand while GitHub has not confirmed auto-merge is off. */
const BY_HAND =
  'GitHub may still merge this pull request by itself once its checks pass: implementation-agent asks again on ' +
  'its next event; to be sure now, turn it off on the pull request ("Disable auto-merge").';

/**
 * The one way the agent turns GitHub's auto-merge off (`disablePullRequestAutoMerge`), for every
 * caller whose task must no longer merge by itself: a standing request for changes
 * (`steerAutoMerge`), a fall back to guided (`judgeAgentCommit`, `guardAutomatedPullRequest`, a
 * re-run judged otherwise), `/cancel`. Never throws — the task's own move is recorded either way —
 * and reports only what GitHub confirmed (`AutoMergeDisarming`).
 */
export async function disarmAutoMerge(params: {
  graphql: GraphqlClient | undefined;
  owner: string;
  repo: string;
  pullNumber: number;
  pullRequestId: string | undefined;
  log: (line: string) => void;
}): Promise<AutoMergeDisarming> {
  const failed = (why: string): AutoMergeDisarming => {
    params.log(`Auto-merge on #${params.pullNumber} not confirmed off: ${why}`);
    return {
      status: 'failed',
      message: `Auto-merge could not be turned off: ${untrustedInline(why)}. ${BY_HAND}`,
      record: { patch: { auto_merge_off_pending: true } },
    };
  };
  if (params.graphql === undefined) return failed('this runtime has no GraphQL client');
  try {
    const result = await disableAutoMerge({
      graphql: params.graphql,
      owner: params.owner,
      repo: params.repo,
      number: params.pullNumber,
      ...(params.pullRequestId === undefined ? {} : { pullRequestId: params.pullRequestId }),
    });
    if (result.status !== 'disabled') return failed(`GitHub: ${result.message}`);
    params.log(`Auto-merge off on #${params.pullNumber}`);
    return {
      status: 'off',
      message:
        'Auto-merge is off: GitHub will not merge this pull request by itself; an approving review is needed.',
      record: { clear: ['auto_merge_off_pending'] },
    };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
