import {
  describeUnreadFeedback,
  readReviewFeedback,
  type ReviewFeedbackClient,
} from '../../src/github/read-review-feedback.js';

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
  }).then((read) => read.items);

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
          commit_id: HEAD,
        },
        {
          id: 2,
          user: user('b'),
          body: 'Nice work',
          state: 'COMMENTED',
          submitted_at: '2026-11-29T10:01:00Z',
          commit_id: HEAD,
        },
        {
          id: 3,
          user: user('c'),
          body: '',
          state: 'COMMENTED',
          submitted_at: '2026-11-29T10:02:00Z',
          commit_id: HEAD,
        },
        {
          id: 4,
          user: user('d'),
          body: 'LGTM',
          state: 'APPROVED',
          submitted_at: '2026-11-29T10:03:00Z',
          commit_id: HEAD,
        },
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
          commit_id: HEAD,
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

  it('reads conversation comments only since `since`; inline comments newest first and reviews whole (drafts keep their time)', async () => {
    const asked: Record<string, unknown>[] = [];
    const client: ReviewFeedbackClient = {
      pulls: {
        listReviews: (p) => (asked.push({ list: 'reviews', ...p }), page([])),
        listReviewComments: (p) => (asked.push({ list: 'review comments', ...p }), page([])),
      },
      issues: { listComments: (p) => (asked.push({ list: 'comments', ...p }), page([])) },
    };

    await readReviewFeedback({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: undefined,
      since: '2026-11-29T10:00:00Z',
    });

    expect(asked).toEqual([
      expect.not.objectContaining({ since: expect.anything() }),
      {
        list: 'review comments',
        owner: 'o',
        repo: 'r',
        pull_number: 2,
        sort: 'created',
        direction: 'desc',
        per_page: 100,
      },
      expect.objectContaining({ list: 'comments', since: '2026-11-29T10:00:00Z' }),
    ]);
  });

  it('past 10 pages of inline or conversation comments, takes what it read and names the lists', async () => {
    const endless =
      <T>(item: (n: number) => T) =>
      (p: { page?: number }) =>
        Promise.resolve({
          data: [item(p.page ?? 1)],
          headers: { link: `<https://api.github.com/x?per_page=100&page=${(p.page ?? 1) + 1}>; rel="next"` },
        });
    const client: ReviewFeedbackClient = {
      pulls: {
        listReviews: () =>
          page([
            {
              id: 1,
              user: user('a'),
              body: '',
              state: 'CHANGES_REQUESTED',
              submitted_at: '2026-11-29T10:00:00Z',
              commit_id: HEAD,
            },
          ]),
        listReviewComments: endless((n) => ({
          id: 100 + n,
          pull_request_review_id: n === 1 ? 1 : 999,
          user: user(n === 1 ? 'a' : 'spam'),
          body: 'x',
          path: 'a.ts',
          line: 1,
          side: 'RIGHT',
          diff_hunk: '@@',
          commit_id: HEAD,
        })),
      },
      issues: {
        listComments: endless((n) => ({
          id: 200 + n,
          user: user(n === 1 ? 'a' : 'spam'),
          body: n === 1 ? '/implement rename it' : 'spam',
          created_at: '2026-11-29T10:01:00Z',
        })),
      },
    };

    const read = await readReviewFeedback({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: undefined,
    });

    expect(read.incomplete).toEqual(['review comments', 'comments']);
    expect(read.items.map((item) => [item.feedback.source, item.feedback.id])).toEqual([
      ['changes_requested_review', 1],
      ['implement_comment', 201],
    ]);
    expect(read.items[0]?.feedback.comments.map((comment) => comment.id)).toEqual([101]);
    expect(describeUnreadFeedback(read, 2)).toBe(
      'Pull request #2 has more feedback than implementation-agent reads in one run: inline review comments older than the newest 1000 were not read, so feedback in them may have been missed; only the first 1000 comments were read, so later feedback there may have been missed.',
    );
  });

  it('attaches the comments, listed newest first, to their review in the order they were written', async () => {
    const comment = (id: number) => ({
      id,
      pull_request_review_id: 1,
      user: user('a'),
      body: `c${id}`,
      path: 'a.ts',
      line: id,
      side: 'RIGHT',
      diff_hunk: '@@',
      commit_id: HEAD,
    });
    const found = await read(
      clientWith({
        reviews: [
          {
            id: 1,
            user: user('a'),
            body: '',
            state: 'CHANGES_REQUESTED',
            submitted_at: '2026-11-29T10:00:00Z',
            commit_id: HEAD,
          },
        ],
        comments: [comment(13), comment(12), comment(11)],
      }),
    );

    expect(found[0]?.feedback.comments.map((one) => one.id)).toEqual([11, 12, 13]);
  });

  it('keeps start_side: a range starting on the base is read as LEFT', async () => {
    const found = await read(
      clientWith({
        reviews: [
          {
            id: 1,
            user: user('a'),
            body: '',
            state: 'CHANGES_REQUESTED',
            submitted_at: '2026-11-29T10:00:00Z',
            commit_id: HEAD,
          },
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
            start_side: 'LEFT',
            side: 'RIGHT',
            diff_hunk: '@@',
            commit_id: HEAD,
          },
        ],
      }),
    );

    expect(found[0]?.feedback.comments[0]).toMatchObject({ startLine: 1, startSide: 'LEFT', side: 'RIGHT' });
  });

  // Review #9: reviews have no `since`; read oldest first, a flood of 1,000 comment reviews hid
  // every newer request for changes. They are read newest first, and the older ones named unread.
  it('past 1,000 reviews, reads the newest and says the older ones were not read', async () => {
    const pages = 25;
    const asked: number[] = [];
    const client: ReviewFeedbackClient = {
      pulls: {
        listReviews: ({ page: p = 1 }) => {
          asked.push(p);
          const data = Array.from({ length: 100 }, (_, i) => ({
            id: (p - 1) * 100 + i + 1,
            user: user(p === pages && i === 99 ? 'a' : 'spam'),
            body: 'x',
            state: p === pages && i === 99 ? 'CHANGES_REQUESTED' : 'COMMENTED',
            submitted_at: '2026-11-29T10:00:00Z',
            commit_id: HEAD,
          }));
          const api = 'https://api.github.com/repos/o/r/pulls/2/reviews';
          const link =
            p < pages
              ? `<${api}?per_page=100&page=${p + 1}>; rel="next", <${api}?per_page=100&page=${pages}>; rel="last"`
              : undefined;
          return Promise.resolve({ data, headers: { link } });
        },
        listReviewComments: () => page([]),
      },
      issues: { listComments: () => page([]) },
    };

    const found = await readReviewFeedback({
      client,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      agentLogin: undefined,
    });

    expect(asked).toHaveLength(11);
    expect(found.items.map((item) => [item.feedback.source, item.feedback.id])).toEqual([
      ['changes_requested_review', 2500],
    ]);
    expect(found.olderReviewsUnread).toBe(true);
    expect(describeUnreadFeedback(found, 2)).toBe(
      'Pull request #2 has more feedback than implementation-agent reads in one run: reviews older than the newest 1000 were not read, so feedback in them was not taken in.',
    );
  });

  it('says nothing was skipped when every list was read', () => {
    expect(
      describeUnreadFeedback({ items: [], incomplete: [], olderReviewsUnread: false }, 2),
    ).toBeUndefined();
  });
});
