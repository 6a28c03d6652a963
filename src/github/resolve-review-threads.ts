import type { GraphqlClient } from './graphql-client.js';

const THREADS = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

const RESOLVE = `mutation($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;

interface ThreadsAnswer {
  repository?: {
    pullRequest?: {
      reviewThreads?: {
        nodes?: ({
          id: string;
          isResolved: boolean;
          comments?: { nodes?: ({ databaseId: number | null } | null)[] };
        } | null)[];
        pageInfo?: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
}

const MAX_PAGES = 10;

/**
 * Resolves the review threads whose first comment is one of `commentIds` (REST ids) and that are
 * still open: `pullRequest.reviewThreads` finds each thread's node id, `resolveReviewThread`
 * resolves it (docs.github.com GraphQL reference). Returns the REST ids of the threads resolved.
 */
export async function resolveReviewThreads(params: {
  graphql: GraphqlClient;
  owner: string;
  repo: string;
  pullNumber: number;
  commentIds: readonly number[];
}): Promise<number[]> {
  const wanted = new Set(params.commentIds);
  if (wanted.size === 0) return [];
  const open = new Map<number, string>();
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = (await params.graphql(THREADS, {
      owner: params.owner,
      repo: params.repo,
      number: params.pullNumber,
      after,
    })) as ThreadsAnswer;
    const threads = answer.repository?.pullRequest?.reviewThreads;
    for (const thread of threads?.nodes ?? []) {
      const first = thread?.comments?.nodes?.[0]?.databaseId;
      if (thread && !thread.isResolved && typeof first === 'number' && wanted.has(first))
        open.set(first, thread.id);
    }
    if (!threads?.pageInfo?.hasNextPage) break;
    after = threads.pageInfo.endCursor;
  }
  const resolved: number[] = [];
  for (const [commentId, threadId] of open) {
    await params.graphql(RESOLVE, { threadId });
    resolved.push(commentId);
  }
  return resolved;
}
