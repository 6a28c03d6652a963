import type { InlineComment, ReviewFeedback } from '../core/feedback/review-feedback.js';
import { implementInstructions } from '../core/commands/leading-command.js';
import { isEditedAfterGiven } from '../core/feedback/edited-feedback.js';
import { isAddressedToAgent } from '../core/feedback/is-addressed-to-agent.js';
import { codeSpan } from '../core/markdown/code-span.js';
import { readPages } from './read-all-pages.js';
import {
  MAX_REVIEW_PAGES,
  readPullRequestReviews,
  type PullRequestReviewsClient,
} from './read-pull-request-reviews.js';

interface ListedReviewComment {
  id: number;
  pull_request_review_id: number | null;
  user: { login: string; type?: string; id?: number } | null;
  body: string;
  path: string;
  line?: number | null;
  start_line?: number | null;
  side?: string;
  start_side?: string | null;
  diff_hunk: string;
  commit_id: string;
  in_reply_to_id?: number;
  created_at?: string;
  updated_at?: string;
}

interface ListedIssueComment {
  id: number;
  user: { login: string; type?: string; id?: number } | null;
  body?: string;
  created_at: string;
  updated_at?: string;
}

type Page<T> = Promise<{ data: T[]; headers?: { link?: string | undefined } }>;

export interface ReviewFeedbackClient extends PullRequestReviewsClient {
  pulls: PullRequestReviewsClient['pulls'] & {
    listReviewComments(p: {
      owner: string;
      repo: string;
      pull_number: number;
      sort?: 'created' | 'updated';
      direction?: 'asc' | 'desc';
      per_page: number;
      page?: number;
    }): Page<ListedReviewComment>;
  };
  issues: {
    listComments(p: {
      owner: string;
      repo: string;
      issue_number: number;
      since?: string;
      per_page: number;
      page?: number;
    }): Page<ListedIssueComment>;
  };
}

/** Feedback with the server's time it was given, so a run can take only what came after the last one. */
export interface DatedFeedback {
  readonly feedback: ReviewFeedback;
  /** ISO 8601, as GitHub stamped it (`submitted_at`, `created_at`). */
  readonly at: string;
  /**
   * What of it was edited after it was given (`isEditedAfterGiven`) and left out of `feedback`, as
   * its author would name it ("your `/implement` comment"), for the answer (`editedFeedbackAnswer`).
   */
  readonly edited?: readonly string[];
  /** The whole of it was edited after it was given: nothing of it is taken (its `body` is empty), it is only answered. */
  readonly refused?: true;
}

/** Feedback as read, and which lists were longer than could be read (the rest left unread). */
export interface ReadFeedback {
  readonly items: DatedFeedback[];
  /**
   * Lists longer than `MAX_PAGES` pages: `review comments` (read newest first, the oldest unread),
   * `comments` (conversation comments read oldest first from `since`, the newer rest unread).
   */
  readonly incomplete: string[];
  /** More reviews than the newest 1,000 (`readPullRequestReviews`): the older ones were not read. */
  readonly olderReviewsUnread: boolean;
}

/** 1,000 items a list at 100 a page: enough for any real review, bounded against spam. */
export const MAX_PAGES = 10;

/**
 * Every piece of feedback on the pull request as GitHub has it now, oldest first (issue #9 item
 * 3): reviews requesting changes (body and every inline comment); commented reviews whose body or
 * an inline comment not edited since is addressed to the agent (`isAddressedToAgent`) — GitHub
 * files a lone inline comment and a thread reply under a commented review of its own; and `/implement` comments on the
 * PR's conversation. Read back rather than taken from the event, so a run catches up on feedback
 * whose own run was cancelled. Nobody is judged here (`judgeFeedbackAuthor` does that). A comment
 * edited after it was given (`isEditedAfterGiven`: an `/implement` comment, an inline comment after
 * its review was submitted) is not taken with its new text — GitHub keeps neither the first text
 * nor who edited it — but named in `edited` so the run answers it (DESIGN §5). An edited text
 * addresses nobody either: a commented review that only an edited inline comment addresses to the
 * agent is `refused` (neither its body nor any comment taken), its edited comments answered, so its
 * author posts anew. A review's own body has no edit time in the REST API and is read as it is.
 *
 * With `since` (ISO 8601, the task's `feedback_since`), conversation comments are read only from
 * then on (GitHub's `since`: updated at or after it). Inline comments are not: a comment drafted in
 * a pending review keeps the time it was written, which may be before `since` though its review is
 * submitted after it, so they are read newest first (`sort=created&direction=desc`) and each
 * attached to its review by `pull_request_review_id`. Reviews have no such filter, so they are read
 * newest first (`readPullRequestReviews`: the newest 1,000, the older rest flagged
 * `olderReviewsUnread`), feedback not yet taken in being the newest. Anyone can
 * comment on a public repository, so each comment list is read up to `MAX_PAGES` pages and a
 * longer one is taken as far as it was read and named in `incomplete`, never failing the run: the
 * feedback read is still answered (`describeUnreadFeedback` says what was skipped).
 */
export async function readReviewFeedback(params: {
  client: ReviewFeedbackClient;
  owner: string;
  repo: string;
  pullNumber: number;
  agentLogin: string | undefined;
  since?: string;
}): Promise<ReadFeedback> {
  const { client, owner, repo, pullNumber: pull_number } = params;
  const incomplete: string[] = [];
  const list = async <T>(what: string, call: (page: number | undefined) => Page<T>) => {
    const read = await readPages<T>({
      maxPages: MAX_PAGES,
      fetchPage: async (next) => {
        const { data, headers } = await call(next.page);
        return { items: data, link: headers?.link };
      },
    });
    if (!read.complete) incomplete.push(what);
    return read.items;
  };
  const since = params.since === undefined || params.since === '' ? {} : { since: params.since };
  const pageOf = (p: number | undefined) => (p === undefined ? {} : { page: p });
  const { reviews, truncated } = await readPullRequestReviews({
    client,
    owner,
    repo,
    pullNumber: pull_number,
  });
  const inline = await list('review comments', (p) =>
    client.pulls.listReviewComments({
      owner,
      repo,
      pull_number,
      sort: 'created',
      direction: 'desc',
      per_page: 100,
      ...pageOf(p),
    }),
  );
  const conversation = await list('comments', (p) =>
    client.issues.listComments({
      owner,
      repo,
      issue_number: pull_number,
      per_page: 100,
      ...since,
      ...pageOf(p),
    }),
  );
  const addressed = (body: string) => isAddressedToAgent({ body, agentLogin: params.agentLogin });
  const found: DatedFeedback[] = [];
  for (const review of reviews) {
    if (!review.user || review.submitted_at === undefined) continue;
    const submittedAt = review.submitted_at;
    const listed = inline
      .filter((comment) => comment.pull_request_review_id === review.id)
      .sort((a, b) => a.id - b.id);
    // An inline comment rewritten after its review was submitted is not what was reviewed (DESIGN §5).
    const wasEdited = (comment: ListedReviewComment) =>
      isEditedAfterGiven({
        given: [submittedAt, ...(comment.created_at === undefined ? [] : [comment.created_at])],
        updatedAt: comment.updated_at,
      });
    const unedited = listed.filter((comment) => !wasEdited(comment));
    const rewritten = listed.filter(wasEdited);
    const body = review.body ?? '';
    const changes = review.state === 'CHANGES_REQUESTED';
    const commented = review.state === 'COMMENTED';
    // Only text as it was given addresses the agent: an edit may be what made a review "addressed".
    const addressedAsGiven = addressed(body) || unedited.some((comment) => addressed(comment.body));
    // A commented review addressed only by edited text is none of it taken, only answered.
    const addressedByEdit = !addressedAsGiven && rewritten.some((comment) => addressed(comment.body));
    if (!changes && !(commented && (addressedAsGiven || addressedByEdit))) continue;
    const refused = !changes && addressedByEdit;
    // Refused, only the edits that address the agent are answered: the others were not for it.
    const edited = rewritten
      .filter((comment) => !refused || addressed(comment.body))
      .map((comment) => `your inline comment on ${codeSpan(comment.path)} (${comment.id})`);
    found.push({
      at: submittedAt,
      feedback: {
        source: changes ? 'changes_requested_review' : 'commented_review',
        id: review.id,
        author: authorOf(review.user),
        body: refused ? '' : body,
        comments: refused ? [] : unedited.map(toInline),
      },
      ...(edited.length === 0 ? {} : { edited }),
      ...(refused ? { refused: true as const } : {}),
    });
  }
  for (const comment of conversation) {
    // The reading `parseCommand` makes, so a comment the app ran as `/implement` is the feedback read back.
    const instructions = implementInstructions(comment.body ?? '');
    if (!comment.user || instructions === undefined) continue;
    // Edited after it was posted: neither its first text nor its editor is known, so none of it is taken.
    const edited = isEditedAfterGiven({ given: [comment.created_at], updatedAt: comment.updated_at });
    found.push({
      at: comment.created_at,
      feedback: {
        source: 'implement_comment',
        id: comment.id,
        author: authorOf(comment.user),
        body: edited ? '' : instructions,
        comments: [],
      },
      ...(edited ? { edited: [`your \`/implement\` comment (${comment.id})`], refused: true as const } : {}),
    });
  }
  return { items: found.sort((a, b) => a.at.localeCompare(b.at)), incomplete, olderReviewsUnread: truncated };
}

/**
 * What a run says it skipped when a list was longer than it reads, or undefined when it read them
 * all: reviews and inline review comments are read newest first (the oldest left unread),
 * conversation comments oldest first from `since` (the newest left for a later run).
 */
export function describeUnreadFeedback(read: ReadFeedback, pullNumber: number): string | undefined {
  const skipped = [
    ...(read.olderReviewsUnread
      ? [
          `reviews older than the newest ${MAX_REVIEW_PAGES * 100} were not read, so feedback in them was not taken in`,
        ]
      : []),
    ...(read.incomplete.includes('review comments')
      ? [
          `inline review comments older than the newest ${MAX_PAGES * 100} were not read, so feedback in them may have been missed`,
        ]
      : []),
    ...(read.incomplete.includes('comments')
      ? [`only the first ${MAX_PAGES * 100} comments were read, so later feedback there may have been missed`]
      : []),
  ];
  if (skipped.length === 0) return undefined;
  return `Pull request #${pullNumber} has more feedback than implementation-agent reads in one run: ${skipped.join('; ')}.`;
}

function toInline(comment: ListedReviewComment): InlineComment {
  return {
    id: comment.id,
    path: comment.path,
    line: comment.line ?? null,
    startLine: comment.start_line ?? null,
    side: onSide(comment.side),
    startSide:
      comment.start_side === null || comment.start_side === undefined ? null : onSide(comment.start_side),
    diffHunk: comment.diff_hunk,
    commitId: comment.commit_id,
    body: comment.body,
    ...(comment.in_reply_to_id === undefined ? {} : { inReplyToId: comment.in_reply_to_id }),
  };
}

/** Only GitHub's `RIGHT` is the head: anything else is read as the base, which nothing is applied to. */
function onSide(side: string | undefined): 'LEFT' | 'RIGHT' {
  return side === 'RIGHT' ? 'RIGHT' : 'LEFT';
}

/** A feedback author as GitHub lists them: login, type (`User` when not given) and account id. */
function authorOf(user: { login: string; type?: string; id?: number }): ReviewFeedback['author'] {
  return { login: user.login, type: user.type ?? 'User', ...(user.id === undefined ? {} : { id: user.id }) };
}
