import type { FeedbackPlan } from '../../core/feedback/plan-feedback-changes.js';
import { postComment } from '../../github/post-comment.js';
import { replyToReviewComment } from '../../github/reply-to-review-comment.js';
import { resolveReviewThreads } from '../../github/resolve-review-threads.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';

/**
 * Says what became of the feedback (DESIGN §5a): one reply in each review thread (what changed or
 * why not), the fixed threads resolved when their fix was pushed (`resolve`) and a GraphQL client
 * is at hand, and one comment on the pull request for everything that has no thread (review
 * bodies, `/implement` comments, refusals, the iteration bound).
 */
export async function answerFeedback(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  pullNumber: number;
  plan: FeedbackPlan;
  notes: readonly string[];
  resolve: boolean;
}): Promise<void> {
  const { deps, owner, repo, pullNumber, plan } = params;
  for (const reply of plan.replies) {
    await replyToReviewComment({
      client: deps.client,
      owner,
      repo,
      pullNumber,
      comment: {
        id: reply.commentId,
        ...(reply.inReplyToId === undefined ? {} : { inReplyToId: reply.inReplyToId }),
      },
      body: reply.body,
    });
  }
  if (params.resolve && deps.graphql) {
    const fixed = plan.replies
      .filter((reply) => reply.fixed)
      .map((reply) => reply.inReplyToId ?? reply.commentId);
    // The fix is pushed and answered: a thread left open is a nuisance, never a reason to fail the run.
    await resolveReviewThreads({ graphql: deps.graphql, owner, repo, pullNumber, commentIds: fixed }).catch(
      (error: unknown) =>
        deps.log(
          `Review threads on #${pullNumber} could not be resolved: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
  }
  const lines = [...new Set([...params.notes, ...plan.unanswered])];
  if (lines.length > 0)
    await postComment({
      client: deps.client,
      owner,
      repo,
      issueNumber: pullNumber,
      body: lines.join('\n\n'),
    });
}
