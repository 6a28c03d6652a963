import { latestReviewVerdicts } from '../../../src/core/review/latest-review-verdicts.js';
import {
  withDeliveredReview,
  type IdentifiedReview,
} from '../../../src/core/review/with-delivered-review.js';

const HEAD = 'a'.repeat(40);
const review = (
  id: number,
  login: string,
  state: string,
  submitted_at: string | null = `2026-11-29T1${id}:00:00Z`,
): IdentifiedReview => ({ id, user: { login, type: 'User' }, state, commit_id: HEAD, submitted_at });

/** Each reviewer's standing verdict once the delivery is merged in. */
const verdicts = (reviews: readonly IdentifiedReview[], delivered?: IdentifiedReview) =>
  latestReviewVerdicts(withDeliveredReview({ reviews, delivered, headSha: HEAD })).map(
    (v) => `${v.login}:${v.state}`,
  );

describe('withDeliveredReview: the delivered review merged into the list GitHub answered', () => {
  it('a request for changes the list does not show yet counts', () => {
    expect(verdicts([], review(1, 'bob', 'CHANGES_REQUESTED'))).toEqual(['bob:CHANGES_REQUESTED']);
  });

  it('it follows the reviewer’s earlier approval: the newest verdict stands', () => {
    expect(verdicts([review(1, 'bob', 'APPROVED')], review(2, 'bob', 'CHANGES_REQUESTED'))).toEqual([
      'bob:CHANGES_REQUESTED',
    ]);
  });

  it('a redelivered old request never passes for the latest verdict: placed by when it was submitted', () => {
    const listed = [review(1, 'alice', 'APPROVED'), review(3, 'bob', 'APPROVED')];
    expect(verdicts(listed, review(2, 'bob', 'CHANGES_REQUESTED'))).toEqual([
      'alice:APPROVED',
      'bob:APPROVED',
    ]);
  });

  it('a delivered dismissal lifts the request the list still shows', () => {
    expect(verdicts([review(1, 'bob', 'CHANGES_REQUESTED')], review(1, 'bob', 'dismissed'))).toEqual([]);
  });

  it('a redelivered submission never undoes a dismissal the list shows', () => {
    expect(verdicts([review(1, 'bob', 'DISMISSED')], review(1, 'bob', 'changes_requested'))).toEqual([]);
  });

  it('a delivered approval the list lacks counts (webhook states are lower case)', () => {
    expect(verdicts([], review(4, 'bob', 'approved'))).toEqual(['bob:APPROVED']);
  });

  it('the same review listed and delivered is counted once', () => {
    const listed = [review(1, 'bob', 'CHANGES_REQUESTED')];
    expect(
      withDeliveredReview({
        reviews: listed,
        delivered: review(1, 'bob', 'changes_requested'),
        headSha: HEAD,
      }),
    ).toEqual(listed);
  });

  it('a delivery without a submission time goes after everything listed', () => {
    const listed = [review(1, 'bob', 'APPROVED')];
    expect(verdicts(listed, review(2, 'bob', 'CHANGES_REQUESTED', null))).toEqual(['bob:CHANGES_REQUESTED']);
  });

  it('a bot’s delivered review is still nobody’s verdict', () => {
    const bot: IdentifiedReview = {
      ...review(5, 'helper[bot]', 'APPROVED'),
      user: { login: 'helper[bot]', type: 'Bot' },
    };
    expect(verdicts([], bot)).toEqual([]);
  });

  it('a delivered review of an older head the list lacks is not the list lagging: left out', () => {
    const old = { ...review(2, 'bob', 'CHANGES_REQUESTED'), commit_id: 'b'.repeat(40) };
    expect(verdicts([review(1, 'bob', 'APPROVED')], old)).toEqual(['bob:APPROVED']);
  });

  it('a delivered dismissal of a listed review of an older head still lifts it', () => {
    const listed = [{ ...review(1, 'bob', 'CHANGES_REQUESTED'), commit_id: 'b'.repeat(40) }];
    const dismissed = { ...review(1, 'bob', 'dismissed'), commit_id: 'b'.repeat(40) };
    expect(verdicts(listed, dismissed)).toEqual([]);
  });

  it('no delivery: the list as GitHub answered it', () => {
    const listed = [review(1, 'bob', 'APPROVED')];
    expect(withDeliveredReview({ reviews: listed, delivered: undefined, headSha: HEAD })).toEqual(listed);
  });
});
