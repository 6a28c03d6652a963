// Attacker pass 9l (test-only) on reading review feedback back from GitHub
// (src/github/read-review-feedback.ts): what a run takes in when earlier feedback set
// `feedback_since`. Attacked: a review drafted (pending) before that time and submitted after it,
// whose inline comments GitHub stamps with the time they were written, and `/implement` spelled
// with a hidden character in front.
import { describe, expect, it } from '@jest/globals';
import { readReviewFeedback, type ReviewFeedbackClient } from '../../src/github/read-review-feedback.js';

const HEAD = 'h'.repeat(40);
const user = (login: string) => ({ login, type: 'User' });

type Listed<K extends keyof ReviewFeedbackClient['pulls']> = Awaited<
  ReturnType<ReviewFeedbackClient['pulls'][K]>
>['data'];
type Conversation = Awaited<ReturnType<ReviewFeedbackClient['issues']['listComments']>>['data'];

/**
 * A client that answers `since` as GitHub does: "Only show results that were last updated after the
 * given time" (REST API, "List review comments in a repository"/"on a pull request", `since`).
 * `updated` gives each inline comment's `updated_at`.
 */
function clientWith(params: {
  reviews: Listed<'listReviews'>;
  comments: Listed<'listReviewComments'>;
  updated: ReadonlyMap<number, string>;
  conversation?: Conversation;
}): ReviewFeedbackClient {
  return {
    pulls: {
      listReviews: () => Promise.resolve({ data: params.reviews }),
      // The reader no longer asks with `since`; were it to, this answers as GitHub would.
      listReviewComments: ({ since }: { since?: string; per_page: number }) =>
        Promise.resolve({
          data: params.comments.filter(
            (comment) => since === undefined || (params.updated.get(comment.id) ?? '') >= since,
          ),
        }),
    },
    issues: {
      listComments: ({ since }) =>
        Promise.resolve({
          data: (params.conversation ?? []).filter(
            (comment) => since === undefined || comment.created_at >= since,
          ),
        }),
    },
  };
}

describe('attacker 9l: feedback read after earlier feedback was taken in', () => {
  // Alice starts a review at 10:00 and writes a suggestion on line 3 (the comment is made then, in
  // her pending review). Bob's `/implement` at 10:05 is taken in: feedback_since = 10:05. Alice
  // submits her review, requesting changes, at 10:10. The review is new; its one comment was last
  // updated at 10:00 (a pending comment is written when drafted; submitting the review does not edit it).
  const client = clientWith({
    reviews: [
      {
        id: 7,
        user: user('alice'),
        body: '',
        state: 'CHANGES_REQUESTED',
        submitted_at: '2026-11-29T10:10:00Z',
        commit_id: HEAD,
      },
    ],
    comments: [
      {
        id: 71,
        pull_request_review_id: 7,
        user: user('alice'),
        body: '```suggestion\nconst retries = 3;\n```',
        path: 'src/index.ts',
        line: 3,
        start_line: null,
        side: 'RIGHT',
        diff_hunk: '@@',
        commit_id: HEAD,
      },
    ],
    updated: new Map([[71, '2026-11-29T10:00:00Z']]),
  });

  it('control: read without a since, the review carries its suggestion', async () => {
    const read = await readReviewFeedback({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: 'implementation-agent[bot]',
    });
    expect(read.items[0]?.feedback.comments.map((comment) => comment.id)).toEqual([71]);
  });

  it('(was a FAULT) a review submitted after feedback_since keeps the inline comments drafted before it — the suggestion is taken in, not lost', async () => {
    const read = await readReviewFeedback({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: 'implementation-agent[bot]',
      since: '2026-11-29T10:05:00Z',
    });
    expect(read.items.map((item) => item.feedback.id)).toEqual([7]);
    expect(read.items[0]?.feedback.comments.map((comment) => comment.id)).toEqual([71]);
  });
});
