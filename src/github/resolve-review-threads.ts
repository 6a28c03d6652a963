import { z } from 'zod';
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

const threadsSchema = z.object({
  repository: z.object({
    pullRequest: z.object({
      reviewThreads: z.object({
        nodes: z.array(
          z
            .object({
              id: z.string(),
              isResolved: z.boolean(),
              comments: z.object({
                nodes: z.array(z.object({ databaseId: z.number().nullable() }).nullable()),
              }),
            })
            .nullable(),
        ),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      }),
    }),
  }),
});

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
    const answer = threadsSchema.safeParse(
      await params.graphql(THREADS, {
        owner: params.owner,
        repo: params.repo,
        number: params.pullNumber,
        after,
      }),
    );
    if (!answer.success)
      throw new Error(`GitHub's review threads of #${params.pullNumber} came back in an unexpected shape`);
    const threads = answer.data.repository.pullRequest.reviewThreads;
    for (const thread of threads.nodes) {
      const first = thread?.comments.nodes[0]?.databaseId;
      if (thread && !thread.isResolved && typeof first === 'number' && wanted.has(first))
        open.set(first, thread.id);
    }
    if (!threads.pageInfo.hasNextPage) break;
    after = threads.pageInfo.endCursor;
  }
  const resolved: number[] = [];
  for (const [commentId, threadId] of open) {
    await params.graphql(RESOLVE, { threadId });
    resolved.push(commentId);
  }
  return resolved;
}
