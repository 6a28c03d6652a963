import { graphqlErrorMessages, readPullRequestId } from './enable-auto-merge.js';
import type { GraphqlClient } from './graphql-client.js';

/**
 * `disablePullRequestAutoMerge`: GitHub no longer merges the pull request by itself once its
 * requirements pass (GitHub Docs, GraphQL API "Mutations" → disablePullRequestAutoMerge; input
 * `pullRequestId`). The answer's `autoMergeRequest` is null once it is off.
 */
export const DISABLE_AUTO_MERGE_MUTATION = `mutation DisableAutoMerge($pullRequestId: ID!) {
  disablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId }) {
    pullRequest { number autoMergeRequest { enabledAt } }
  }
}`;

/** `disabled`: auto-merge is off now; `refused`: GitHub's answer when it would not (its message). */
export type DisableAutoMergeResult =
  { readonly status: 'disabled' } | { readonly status: 'refused'; readonly message: string };

/**
 * Turns GitHub's auto-merge off for pull request `number`, asking GitHub for its node id when
 * `pullRequestId` is absent. `disabled` only when GitHub answered without errors and the answer's
 * `autoMergeRequest` is not still set. GitHub's refusals come back as GraphQL errors (HTTP 200 with
 * `errors[]`) and are returned as `refused`, as is an answer still naming an auto-merge request;
 * HTTP failures are thrown.
 */
export async function disableAutoMerge(params: {
  graphql: GraphqlClient;
  owner: string;
  repo: string;
  number: number;
  pullRequestId?: string;
}): Promise<DisableAutoMergeResult> {
  try {
    const pullRequestId = params.pullRequestId ?? (await readPullRequestId(params));
    const answer = (await params.graphql(DISABLE_AUTO_MERGE_MUTATION, { pullRequestId })) as {
      disablePullRequestAutoMerge?: { pullRequest?: { autoMergeRequest?: unknown } | null } | null;
    } | null;
    const still = answer?.disablePullRequestAutoMerge?.pullRequest?.autoMergeRequest;
    if (typeof still === 'object' && still !== null)
      return { status: 'refused', message: 'GitHub answered that auto-merge is still enabled' };
    return { status: 'disabled' };
  } catch (error) {
    const messages = graphqlErrorMessages(error);
    if (messages === undefined) throw error;
    return { status: 'refused', message: messages.join('; ') };
  }
}
