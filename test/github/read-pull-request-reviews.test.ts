import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { MAX_REVIEW_PAGES, readPullRequestReviews } from '../../src/github/read-pull-request-reviews.js';
import { webhookExample } from '../fixtures/webhook-payloads.js';

const API = 'https://api.github.com';
const PATH = '/repos/Codertocat/Hello-World/pulls/2/reviews';
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
const client = { pulls: { listReviews: octokit.rest.pulls.listReviews } };

/** Review number `n` (1 = the oldest): the real payload's review, as the list endpoint gives it. */
function review(n: number) {
  const { review: real } = webhookExample('pull_request_review', 'submitted');
  return { ...real, id: n, state: 'COMMENTED', user: { ...real.user, login: `reviewer-${n % 7}` } };
}

/** GitHub's `Link` header on `page` of `pages` (docs.github.com, *Using pagination in the REST API*). */
function link(page: number, pages: number): Record<string, string> {
  const at = (p: number) => `<${API}${PATH}?per_page=100&page=${p}>`;
  const rels = [
    ...(page > 1 ? [`${at(page - 1)}; rel="prev"`] : []),
    ...(page < pages ? [`${at(page + 1)}; rel="next"`, `${at(pages)}; rel="last"`] : []),
    ...(page > 1 ? [`${at(1)}; rel="first"`] : []),
  ];
  return rels.length === 0 ? {} : { Link: rels.join(', ') };
}

/** Interceptors for the listed `pages` of a `total`-page list of 100 reviews a page; the rest are not served. */
function serve(total: number, pages: readonly number[]) {
  const scope = nock(API);
  for (const page of pages) {
    const items = Array.from({ length: 100 }, (_, i) => review((page - 1) * 100 + i + 1));
    scope
      .get(PATH)
      .query(page === 1 ? { per_page: '100' } : { per_page: '100', page: String(page) })
      .reply(200, items, link(page, total));
  }
  return scope;
}

const read = () =>
  readPullRequestReviews({ client, owner: 'Codertocat', repo: 'Hello-World', pullNumber: 2 });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// Review #9: one attacker flooding a pull request with reviews made every reader of them throw
// (manual mode's push review) or read only the oldest (the approval rule, feedback catch-up).
describe('readPullRequestReviews: bounded, newest first', () => {
  it('25 pages: reads the first page for its Link, then the newest 10 backwards; returns the newest 1,000, oldest first', async () => {
    const asked: string[] = [];
    const scope = serve(25, [1, ...range(16, 25)]).on('request', (req: { path: string }) => {
      asked.push(new URL(req.path, API).searchParams.get('page') ?? '1');
    });

    const { reviews, truncated } = await read();

    expect(truncated).toBe(true);
    expect(reviews).toHaveLength(MAX_REVIEW_PAGES * 100);
    expect(reviews.map((r) => r.id)).toEqual(range(1501, 2500));
    expect(asked).toEqual(['1', '25', '24', '23', '22', '21', '20', '19', '18', '17', '16']);
    expect(scope.isDone()).toBe(true);
  });

  it('one page without a Link: one call, the whole list', async () => {
    const scope = nock(API)
      .get(PATH)
      .query({ per_page: '100' })
      .reply(200, [review(1), review(2)]);

    expect(await read()).toEqual({ reviews: [review(1), review(2)], truncated: false });
    expect(scope.isDone()).toBe(true);
  });

  it('up to 11 pages: every review, in order, in at most 11 calls', async () => {
    const scope = serve(11, range(1, 11));

    const { reviews, truncated } = await read();

    expect(truncated).toBe(false);
    expect(reviews.map((r) => r.id)).toEqual(range(1, 1100));
    expect(scope.isDone()).toBe(true);
  });

  it('12 pages: the first page is left out once a page between it and the newest 1,000 is unread', async () => {
    const scope = serve(12, [1, ...range(3, 12)]);

    const { reviews, truncated } = await read();

    expect(truncated).toBe(true);
    expect(reviews.map((r) => r.id)).toEqual(range(201, 1200));
    expect(scope.isDone()).toBe(true);
  });

  it('a next page but no last one proves no newest part: nothing is claimed, nothing thrown', async () => {
    nock(API)
      .get(PATH)
      .query({ per_page: '100' })
      .reply(200, [review(1)], { Link: `<${API}${PATH}?per_page=100&page=2>; rel="next"` });

    expect(await read()).toEqual({ reviews: [], truncated: true });
  });
});
