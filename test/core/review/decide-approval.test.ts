import type { RepositoryPermission } from '../../../src/core/deploy/repository-permission.js';
import { decideApproval } from '../../../src/core/review/decide-approval.js';
import {
  latestReviewVerdicts,
  type PullRequestReview,
} from '../../../src/core/review/latest-review-verdicts.js';

const HEAD = 'c'.repeat(40);
const OLDER = 'b'.repeat(40);

const review = (login: string, state: string, commit = HEAD): PullRequestReview => ({
  user: { login },
  state,
  commit_id: commit,
});

function decide(reviews: PullRequestReview[], permissions: Record<string, RepositoryPermission> = {}) {
  const verdicts = latestReviewVerdicts(reviews);
  const known = new Map(
    verdicts.map((verdict) => [
      verdict.login.toLowerCase(),
      permissions[verdict.login] ?? ('write' as const),
    ]),
  );
  return decideApproval({ verdicts, permissions: known, headSha: HEAD });
}

describe('latestReviewVerdicts', () => {
  it('keeps each reviewer’s latest approval or request for changes, in order', () => {
    expect(
      latestReviewVerdicts([
        review('ann', 'CHANGES_REQUESTED', OLDER),
        review('bob', 'APPROVED'),
        review('ann', 'APPROVED'),
        review('ann', 'COMMENTED'),
        review('cy', 'PENDING'),
      ]),
    ).toEqual([
      { login: 'ann', state: 'APPROVED', commitId: HEAD },
      { login: 'bob', state: 'APPROVED', commitId: HEAD },
    ]);
  });

  it('drops a verdict whose review was dismissed, and reviews by deleted users', () => {
    expect(latestReviewVerdicts([review('ann', 'APPROVED'), review('ann', 'DISMISSED')])).toEqual([]);
    expect(latestReviewVerdicts([{ user: null, state: 'APPROVED', commit_id: HEAD }])).toEqual([]);
  });

  it.each([
    ['a Bot-typed account', { login: 'auto-approver', type: 'Bot' }],
    ['a [bot] login without a type', { login: 'renovate[bot]' }],
    ['a [bot] login in another case', { login: 'Dependabot[BOT]', type: 'User' }],
  ])('never counts a review by %s, approval or request for changes', (_name, user) => {
    expect(latestReviewVerdicts([{ user, state: 'APPROVED', commit_id: HEAD }])).toEqual([]);
    expect(latestReviewVerdicts([{ user, state: 'CHANGES_REQUESTED', commit_id: HEAD }])).toEqual([]);
    // A bot's later review does not withdraw a person's verdict either.
    expect(
      latestReviewVerdicts([
        review('ann', 'APPROVED'),
        { user, state: 'CHANGES_REQUESTED', commit_id: HEAD },
      ]),
    ).toEqual([{ login: 'ann', state: 'APPROVED', commitId: HEAD }]);
  });

  it('treats logins that differ only in case as one reviewer', () => {
    expect(latestReviewVerdicts([review('Ann', 'APPROVED'), review('ann', 'CHANGES_REQUESTED')])).toEqual([
      { login: 'ann', state: 'CHANGES_REQUESTED', commitId: HEAD },
    ]);
  });
});

describe('decideApproval', () => {
  it.each<[string, PullRequestReview[], Record<string, RepositoryPermission>, boolean]>([
    ['an approval of the head by a writer', [review('ann', 'APPROVED')], {}, true],
    ['an approval by a maintainer', [review('ann', 'APPROVED')], { ann: 'maintain' }, true],
    ['an approval by an admin', [review('ann', 'APPROVED')], { ann: 'admin' }, true],
    // The example: an APPROVED review from a user with read access.
    ['an approval by a reader', [review('ann', 'APPROVED')], { ann: 'read' }, false],
    ['an approval by a triager', [review('ann', 'APPROVED')], { ann: 'triage' }, false],
    ['an approval by an outsider', [review('ann', 'APPROVED')], { ann: 'none' }, false],
    ['an approval of an older commit only', [review('ann', 'APPROVED', OLDER)], {}, false],
    [
      'an approval, then a request for changes by the same writer',
      [review('ann', 'APPROVED'), review('ann', 'CHANGES_REQUESTED')],
      {},
      false,
    ],
    [
      'a writer’s approval while another writer asks for changes',
      [review('ann', 'APPROVED'), review('bob', 'CHANGES_REQUESTED', OLDER)],
      {},
      false,
    ],
    [
      'a writer’s approval while a reader asks for changes',
      [review('ann', 'APPROVED'), review('bob', 'CHANGES_REQUESTED')],
      { bob: 'read' },
      true,
    ],
    [
      'a request for changes, then an approval of the head',
      [review('ann', 'CHANGES_REQUESTED', OLDER), review('ann', 'APPROVED')],
      {},
      true,
    ],
    ['a comment after an approval', [review('ann', 'APPROVED'), review('ann', 'COMMENTED')], {}, true],
    ['an approval later dismissed', [review('ann', 'APPROVED'), review('ann', 'DISMISSED')], {}, false],
    ['no reviews', [], {}, false],
  ])('%s → approved %s', (_case, reviews, permissions, approved) => {
    expect(decide(reviews, permissions).approved).toBe(approved);
  });

  it('says why approvals did not count', () => {
    expect(
      decide([review('ann', 'APPROVED'), review('bob', 'APPROVED', OLDER), review('cy', 'APPROVED')], {
        ann: 'read',
        cy: 'triage',
      }),
    ).toEqual({
      approved: false,
      approvedBy: [],
      changesRequestedBy: [],
      withoutWriteAccess: [
        { login: 'ann', permission: 'read' },
        { login: 'cy', permission: 'triage' },
      ],
      stale: ['bob'],
    });
  });

  it('counts a reviewer it has no permission for as having none', () => {
    const verdicts = latestReviewVerdicts([review('ann', 'APPROVED')]);
    expect(decideApproval({ verdicts, permissions: new Map(), headSha: HEAD }).approved).toBe(false);
  });
});

// #9 review 9f: a push whose pusher nobody can name may be an approver's own.
describe('decideApproval with pushes whose pusher nobody can name', () => {
  const UNSEEN = 'e'.repeat(40);
  const decideUnknown = (
    reviews: PullRequestReview[],
    unknownPushes: string[],
    permissions: Record<string, RepositoryPermission> = {},
  ) => {
    const verdicts = latestReviewVerdicts(reviews);
    const known = new Map(
      verdicts.map((v) => [v.login.toLowerCase(), permissions[v.login] ?? ('write' as const)]),
    );
    return decideApproval({ verdicts, permissions: known, headSha: HEAD, unknownPushes });
  };

  it('needs approvals of the head from two different writers for one such push', () => {
    const one = decideUnknown([review('ann', 'APPROVED')], [UNSEEN]);
    expect(one).toMatchObject({ approved: false, approvedBy: ['ann'], unknownPushes: [UNSEEN] });
    expect(decideUnknown([review('ann', 'APPROVED'), review('bob', 'APPROVED')], [UNSEEN]).approved).toBe(
      true,
    );
  });

  it('counts one reviewer once, however many times they approve', () => {
    expect(decideUnknown([review('ann', 'APPROVED'), review('ANN', 'APPROVED')], [UNSEEN]).approved).toBe(
      false,
    );
  });

  it('counts only writers, on the current head', () => {
    const reviews = [
      review('ann', 'APPROVED'),
      review('reader', 'APPROVED'),
      review('bob', 'APPROVED', OLDER),
    ];
    expect(decideUnknown(reviews, [UNSEEN], { reader: 'read' }).approved).toBe(false);
  });

  // Review #9h: each push has one pusher, so of two different approvers at least one is not the
  // pusher of any given push: two writers suffice however many pushes are of unknown pusher.
  it('needs two different writers however many such pushes there are', () => {
    const two = [review('ann', 'APPROVED'), review('bob', 'APPROVED')];
    expect(decideUnknown([review('ann', 'APPROVED')], [UNSEEN, HEAD]).approved).toBe(false);
    expect(decideUnknown(two, [UNSEEN, HEAD]).approved).toBe(true);
    expect(decideUnknown(two, [UNSEEN, HEAD, OLDER]).approved).toBe(true);
  });

  it('still refuses while a writer requests changes', () => {
    const reviews = [review('ann', 'APPROVED'), review('bob', 'APPROVED'), review('cy', 'CHANGES_REQUESTED')];
    expect(decideUnknown(reviews, [UNSEEN]).approved).toBe(false);
  });

  it('without such pushes, one writer is enough and the decision names none', () => {
    expect(decide([review('ann', 'APPROVED')])).not.toHaveProperty('unknownPushes');
    expect(decideUnknown([review('ann', 'APPROVED')], []).approved).toBe(true);
  });
});
