import type { GraphqlClient } from './graphql-client.js';

export type MergeMethod = 'squash' | 'merge' | 'rebase';

/**
 * `enablePullRequestAutoMerge`: GitHub merges the pull request once its requirements pass
 * (GitHub Docs, GraphQL API "Mutations" → enablePullRequestAutoMerge; input `pullRequestId`,
 * `mergeMethod` of enum `PullRequestMergeMethod`: MERGE, SQUASH, REBASE, and `expectedHeadOid`,
 * "the expected head OID of the pull request": GitHub refuses when the head is another commit).
 */
export const ENABLE_AUTO_MERGE_MUTATION = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!, $expectedHeadOid: GitObjectID!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod, expectedHeadOid: $expectedHeadOid }) {
    pullRequest { number autoMergeRequest { enabledAt mergeMethod } }
  }
}`;

/** The node id of a pull request by number, when the REST answer did not carry it. */
export const PULL_REQUEST_ID_QUERY = `query PullRequestId($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $number) { id } }
}`;

/**
 * `enabled`; `not-allowed`: the repository has "Allow auto-merge" off (Settings → General → Pull
 * requests; `allow_auto_merge` is false by default); `clean`: nothing is left to wait for (GitHub
 * refuses auto-merge on a pull request already in clean or unstable status); `refused`: any other
 * answer GitHub gave (permissions, a disallowed merge method, a draft), with its message.
 */
export type AutoMergeResult =
  | { readonly status: 'enabled'; readonly mergeMethod: MergeMethod }
  | { readonly status: 'not-allowed' | 'clean' | 'refused'; readonly message: string };

/**
 * Turns on auto-merge for pull request `number`, pinned to `expectedHeadOid` (the head the caller
 * validated: GitHub refuses, as a `refused` result, when the branch moved past it, so auto-merge
 * never merges a head nobody judged). GitHub's refusals come back as GraphQL errors
 * (HTTP 200, `errors[].type` UNPROCESSABLE, `errors[].message` e.g. "Auto merge is not allowed for
 * this repository" or "Pull request Pull request is in clean status") and are returned as results,
 * as is an answer whose `autoMergeRequest` is null (not on); HTTP failures are thrown.
 */
export async function enableAutoMerge(params: {
  graphql: GraphqlClient;
  owner: string;
  repo: string;
  number: number;
  /** The pull request's node id; asked of GitHub when absent. */
  pullRequestId?: string;
  mergeMethod: MergeMethod;
  /** The head sha (40 hex) the caller validated; GitHub arms auto-merge only while it is the head. */
  expectedHeadOid: string;
}): Promise<AutoMergeResult> {
  try {
    const pullRequestId = params.pullRequestId ?? (await readPullRequestId(params));
    const answer = (await params.graphql(ENABLE_AUTO_MERGE_MUTATION, {
      pullRequestId,
      mergeMethod: params.mergeMethod.toUpperCase(),
      expectedHeadOid: params.expectedHeadOid,
    })) as {
      enablePullRequestAutoMerge?: { pullRequest?: { autoMergeRequest?: unknown } | null } | null;
    } | null;
    // Only what GitHub confirmed: an answer whose pull request has no auto-merge request is not on.
    if (answer?.enablePullRequestAutoMerge?.pullRequest?.autoMergeRequest === null)
      return {
        status: 'refused',
        message: 'GitHub answered without an auto-merge request on the pull request',
      };
    return { status: 'enabled', mergeMethod: params.mergeMethod };
  } catch (error) {
    const messages = graphqlErrorMessages(error);
    if (messages === undefined) throw error;
    const message = messages.join('; ');
    if (/auto.?merge is not allowed/i.test(message)) return { status: 'not-allowed', message };
    if (/is in (clean|unstable) status/i.test(message)) return { status: 'clean', message };
    return { status: 'refused', message };
  }
}

/** The node id of pull request `number` (`PULL_REQUEST_ID_QUERY`); throws when GitHub gives none. */
export async function readPullRequestId(params: {
  graphql: GraphqlClient;
  owner: string;
  repo: string;
  number: number;
}) {
  const data = (await params.graphql(PULL_REQUEST_ID_QUERY, {
    owner: params.owner,
    repo: params.repo,
    number: params.number,
  })) as { repository?: { pullRequest?: { id?: unknown } | null } | null } | null;
  const id = data?.repository?.pullRequest?.id;
  if (typeof id !== 'string')
    throw new Error(`GitHub returned no node id for pull request #${params.number}`);
  return id;
}

/** The messages of a `GraphqlResponseError` (it carries the response's `errors`), else undefined. */
export function graphqlErrorMessages(error: unknown): string[] | undefined {
  if (typeof error !== 'object' || error === null || !('errors' in error)) return undefined;
  const { errors } = error as { errors: unknown };
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((item: unknown) =>
    typeof item === 'object' && item !== null && 'message' in item ? String(item.message) : 'unknown error',
  );
}
