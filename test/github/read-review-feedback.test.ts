import { readReviewFeedback, type ReviewFeedbackClient } from '../../src/github/read-review-feedback.js';

const HEAD = 'h'.repeat(40);
const user = (login: string) => ({ login, type: 'User' });
const page = <T>(data: T[]) => Promise.resolve({ data });

type Listed<K extends keyof ReviewFeedbackClient['pulls']> = Awaited<
  ReturnType<ReviewFeedbackClient['pulls'][K]>
>['data'];
type Conversation = Awaited<ReturnType<ReviewFeedbackClient['issues']['listComments']>>['data'];

function clientWith(params: {
  reviews: Listed<'listReviews'>;
  comments?: Listed<'listReviewComments'>;
  conversation?: Conversation;
}): ReviewFeedbackClient {
  return {
    pulls: {
      listReviews: () => page(params.reviews),
      listReviewComments: () => page(params.comments ?? []),
    },
    issues: { listComments: () => page(params.conversation ?? []) },
  };
}

const read = (client: ReviewFeedbackClient) =>
  readReviewFeedback({
    client,
    owner: 'o',
    repo: 'r',
    pullNumber: 2,
    agentLogin: 'implementation-agent[bot]',
  });

describe('readReviewFeedback: the feedback on a pull request as GitHub has it now', () => {
  it('takes a request for changes with its inline comments, and a commented review only when addressed', async () => {
    const client = clientWith({
      reviews: [
        {
          id: 1,
          user: user('a'),
          body: 'Fix these',
          state: 'CHANGES_REQUESTED',
          submitted_at: '2026-11-29T10:00:00Z',
        },
        {
          id: 2,
          user: user('b'),
          body: 'Nice work',
          state: 'COMMENTED',
          submitted_at: '2026-11-29T10:01:00Z',
        },
        { id: 3, user: user('c'), body: '', state: 'COMMENTED', submitted_at: '2026-11-29T10:02:00Z' },
        { id: 4, user: user('d'), body: 'LGTM', state: 'APPROVED', submitted_at: '2026-11-29T10:03:00Z' },
      ],
      comments: [
        {
          id: 11,
          pull_request_review_id: 1,
          user: user('a'),
          body: 'x',
          path: 'a.ts',
          line: 3,
          start_line: 1,
          side: 'RIGHT',
          diff_hunk: '@@',
          commit_id: HEAD,
        },
        {
          id: 12,
          pull_request_review_id: 3,
          user: user('c'),
          body: '@implementation-agent rename',
          path: 'b.ts',
          line: null,
          side: 'RIGHT',
          diff_hunk: '@@',
          commit_id: HEAD,
          in_reply_to_id: 11,
        },
      ],
    });

    const found = await read(client);

    expect(found.map((item) => [item.feedback.source, item.feedback.id])).toEqual([
      ['changes_requested_review', 1],
      ['commented_review', 3],
    ]);
    expect(found[0]?.feedback.comments[0]).toMatchObject({
      id: 11,
      path: 'a.ts',
      line: 3,
      startLine: 1,
      side: 'RIGHT',
    });
    expect(found[1]?.feedback.comments[0]).toMatchObject({ id: 12, line: null, inReplyToId: 11 });
  });

  it('takes /implement comments on the conversation, oldest first with the reviews', async () => {
    const client = clientWith({
      reviews: [
        {
          id: 1,
          user: user('a'),
          body: '',
          state: 'CHANGES_REQUESTED',
          submitted_at: '2026-11-29T10:05:00Z',
        },
      ],
      conversation: [
        { id: 21, user: user('m'), body: '/implement use DynamoDB', created_at: '2026-11-29T10:00:00Z' },
        {
          id: 22,
          user: user('m'),
          body: 'just chatting about /implement',
          created_at: '2026-11-29T10:01:00Z',
        },
      ],
    });

    const found = await read(client);

    expect(found.map((item) => [item.feedback.source, item.feedback.id])).toEqual([
      ['implement_comment', 21],
      ['changes_requested_review', 1],
    ]);
    expect(found[0]?.feedback.body).toBe('use DynamoDB');
  });
});
