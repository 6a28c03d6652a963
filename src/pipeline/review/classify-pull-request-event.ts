import { z } from 'zod';
import { issueNumberFromBranch } from '../../core/naming/issue-number-from-branch.js';
import type { IdentifiedReview } from '../../core/review/with-delivered-review.js';
import type { RepositoryRef } from '../events/task-event.js';

/** A pull request event that may move a task: which PR, and the issue its branch claims. */
export interface PullRequestTaskEvent {
  readonly kind: 'pull-request';
  readonly repository: RepositoryRef;
  readonly pullNumber: number;
  /** The issue the head branch names; `syncPullRequestTask` checks it against the task's marker. */
  readonly issueNumber: number;
  /** e.g. `pull_request_review.submitted`, for logs and outcomes. */
  readonly event: string;
  /**
   * The event may bring review feedback (a review requesting changes or commenting, an inline
   * comment): the run then also catches up on every piece not yet taken in (`iterateOnFeedback`).
   */
  readonly mayCarryFeedback?: boolean;
  /** The delivery's `sender` (who GitHub says acted): manual mode reviews only a human's push. */
  readonly sender?: { readonly login: string; readonly type: string; readonly id?: number };
  /** The head the delivery names (`pull_request.head.sha`): for `synchronize`, the pushed head. */
  readonly headSha?: string;
  /**
   * For `synchronize`, the head the push moved the branch from (the payload's `before`): when it is
   * not the head the task recorded, pushes between were never seen (`unseenPushUnder`).
   */
  readonly before?: string;
  /**
   * The review a `pull_request_review` delivery carries (submitted or dismissed): the sync counts it
   * even before GitHub's review list shows it (`withDeliveredReview`).
   */
  readonly review?: IdentifiedReview;
}

/** The actions that can change a PR's review, merge or open state; the rest change nothing here. */
const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  // `edited` only when the base changed (`changes.base`): an automated task then falls back to guided.
  pull_request: ['opened', 'synchronize', 'closed', 'reopened', 'edited'],
  pull_request_review: ['submitted', 'dismissed'],
  // A review's inline comment arrives on its own too; the run catches up on the review with it.
  pull_request_review_comment: ['created'],
};

const payloadSchema = z.object({
  action: z.string(),
  review: z
    .object({
      id: z.number().int().positive().optional(),
      state: z.string(),
      user: z
        .object({
          login: z.string(),
          type: z.string().optional(),
          id: z.number().int().positive().optional(),
        })
        .nullable()
        .optional(),
      commit_id: z.string().max(64).nullable().optional(),
      submitted_at: z.string().max(64).nullable().optional(),
    })
    .optional(),
  changes: z.object({ base: z.unknown().optional() }).optional(),
  pull_request: z.object({
    number: z.number().int().positive(),
    head: z.object({
      ref: z.string(),
      sha: z.string().max(64).optional(),
      repo: z.object({ full_name: z.string() }).nullable(),
    }),
    base: z.object({ repo: z.object({ full_name: z.string() }) }),
  }),
  repository: z.object({
    name: z.string(),
    owner: z.object({ login: z.string() }),
    default_branch: z.string().default('main'),
  }),
  sender: z
    .object({ login: z.string(), type: z.string(), id: z.number().int().positive().optional() })
    .optional(),
  // A `before` that is not a sha is left out rather than the event ignored.
  before: z
    .string()
    .regex(/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/)
    .optional()
    .catch(undefined),
});

/**
 * A `pull_request`, `pull_request_review` or `pull_request_review_comment` event from the payload
 * alone: only the pull request's number and branch are taken from it; everything the task's move
 * depends on (reviews, merge, head) is read back from GitHub by the use case. A PR from a fork or
 * from a branch that is not a task branch (`implementation/<issue>-…`) is not the agent's.
 */
export function classifyPullRequestEvent(event: {
  name: string;
  payload: unknown;
}): PullRequestTaskEvent | { kind: 'ignored'; reason: string } {
  const parsed = payloadSchema.safeParse(event.payload);
  if (!parsed.success)
    return { kind: 'ignored', reason: `the ${event.name} payload is not one GitHub sends` };
  const { action, pull_request: pull, repository, sender } = parsed.data;
  const name = `${event.name}.${action}`;
  if (!ACTIONS[event.name]?.includes(action)) return { kind: 'ignored', reason: `${name} moves no task` };
  if (name === 'pull_request.edited' && parsed.data.changes?.base === undefined)
    return { kind: 'ignored', reason: `${name} changed the title or body only, which moves no task` };
  if (pull.head.repo?.full_name !== pull.base.repo.full_name) {
    return { kind: 'ignored', reason: `pull request #${pull.number} comes from a fork; the agent's do not` };
  }
  const issueNumber = issueNumberFromBranch(pull.head.ref);
  if (issueNumber === undefined) {
    return {
      kind: 'ignored',
      reason: `pull request #${pull.number} is not on an implementation/<issue>-… branch`,
    };
  }
  return {
    kind: 'pull-request',
    repository: {
      owner: repository.owner.login,
      repo: repository.name,
      defaultBranch: repository.default_branch,
    },
    pullNumber: pull.number,
    issueNumber,
    event: name,
    ...(mayCarryFeedback(name, parsed.data.review?.state) ? { mayCarryFeedback: true } : {}),
    ...(sender === undefined
      ? {}
      : {
          sender: {
            login: sender.login,
            type: sender.type,
            ...(sender.id === undefined ? {} : { id: sender.id }),
          },
        }),
    ...(pull.head.sha === undefined ? {} : { headSha: pull.head.sha.toLowerCase() }),
    ...(name === 'pull_request.synchronize' && parsed.data.before !== undefined
      ? { before: parsed.data.before.toLowerCase() }
      : {}),
    ...deliveredReview(event.name, parsed.data.review),
  };
}

/** The review of a `pull_request_review` delivery, when it names one (its id, author, state). */
function deliveredReview(
  name: string,
  review: z.infer<typeof payloadSchema>['review'],
): { review?: IdentifiedReview } {
  if (name !== 'pull_request_review' || review?.id === undefined || !review.user) return {};
  return {
    review: {
      id: review.id,
      state: review.state.toUpperCase(),
      user: {
        login: review.user.login,
        ...(review.user.type === undefined ? {} : { type: review.user.type }),
        ...(review.user.id === undefined ? {} : { id: review.user.id }),
      },
      commit_id: review.commit_id ?? null,
      submitted_at: review.submitted_at ?? null,
    },
  };
}

/** A review requesting changes or commenting, or an inline comment: feedback may come with it. */
function mayCarryFeedback(name: string, reviewState: string | undefined): boolean {
  if (name === 'pull_request_review_comment.created') return true;
  const state = reviewState?.toLowerCase();
  return name === 'pull_request_review.submitted' && (state === 'changes_requested' || state === 'commented');
}
