import { approvalCheckView } from '../../../src/core/review/approval-check-view.js';
import { NO_REVIEWS } from '../../../src/core/review/decide-approval.js';

const HEAD = 'abcdef0123456789abcdef0123456789abcdef01';

describe('approvalCheckView', () => {
  it('is pending (never failed) before any review, saying what is needed', () => {
    const view = approvalCheckView({ decision: NO_REVIEWS, setAside: [], headSha: HEAD });
    expect(view).toMatchObject({ status: 'in_progress', title: 'Waiting for an approving review' });
    expect(view.conclusion).toBeUndefined();
    expect(view.summary).toContain('write, maintain or admin permission approves `abcdef0`');
  });

  it('passes naming the approvers', () => {
    const view = approvalCheckView({
      decision: { ...NO_REVIEWS, approved: true, approvedBy: ['alice', 'bob'] },
      setAside: [],
      headSha: HEAD,
    });
    expect(view).toEqual({
      status: 'completed',
      conclusion: 'success',
      title: 'Approved by @alice, @bob',
      summary: '@alice, @bob approved `abcdef0`, the head of this pull request.',
    });
  });

  it('says why each review so far does not count', () => {
    const view = approvalCheckView({
      decision: {
        ...NO_REVIEWS,
        changesRequestedBy: ['carol'],
        withoutWriteAccess: [{ login: 'dave', permission: 'read' }],
        stale: ['erin'],
      },
      setAside: [
        { login: 'requester', why: 'requester' },
        { login: 'implementation-agent[bot]', why: 'agent' },
      ],
      headSha: HEAD,
    });
    expect(view.title).toBe('Changes requested');
    expect(view.summary).toContain('@carol requested changes');
    expect(view.summary).toContain("@dave's approval does not count: permission **read**");
    expect(view.summary).toContain('@erin approved an earlier commit');
    expect(view.summary).toContain('@requester asked for this task and cannot approve it');
    expect(view.summary).toContain('is the agent; it does not approve its own work');
  });

  it('says the head’s pusher cannot approve it, and when nobody knows who pushed it', () => {
    const pusher = approvalCheckView({
      decision: NO_REVIEWS,
      setAside: [{ login: 'mallory', why: 'pusher' }],
      headSha: HEAD,
    });
    expect(pusher.summary).toContain(
      '@mallory pushed `abcdef0`; someone else must approve it (`review.allow_pusher_approval`).',
    );
    const unknown = approvalCheckView({
      decision: { ...NO_REVIEWS, unknownPushes: [HEAD] },
      setAside: [],
      headSha: HEAD,
    });
    expect(unknown.status).toBe('in_progress');
    expect(unknown.summary).toContain(
      '- Approvals from 2 different writers are needed because GitHub could not say who pushed `abcdef0`',
    );
  });

  // #9 review 9f: nobody can name whoever pushed a commit at or under the head: one more writer.
  // Review #9h: two different writers in all, however many such pushes (each has one pusher).
  it('asks for a second writer while pushes have a pusher nobody can name, naming who approved', () => {
    const one = approvalCheckView({
      decision: { ...NO_REVIEWS, approvedBy: ['mallory'], unknownPushes: ['e'.repeat(40)] },
      setAside: [],
      headSha: HEAD,
    });
    expect(one.status).toBe('in_progress');
    expect(one.summary).toContain(
      "- One more approval from another writer is needed because GitHub could not say who pushed `eeeeeee`: @mallory's approval may be the pusher's own (`review.allow_pusher_approval: true` lifts the rule).",
    );
    const two = approvalCheckView({
      decision: { ...NO_REVIEWS, approvedBy: ['mallory'], unknownPushes: ['e'.repeat(40), 'f'.repeat(40)] },
      setAside: [],
      headSha: HEAD,
    });
    expect(two.summary).toContain(
      "- One more approval from another writer is needed because GitHub could not say who pushed `eeeeeee`, `fffffff`: @mallory's approval",
    );
    const both = approvalCheckView({
      decision: {
        ...NO_REVIEWS,
        approved: true,
        approvedBy: ['mallory', 'bob'],
        unknownPushes: ['e'.repeat(40), 'f'.repeat(40)],
      },
      setAside: [],
      headSha: HEAD,
    });
    expect(both.summary).not.toContain('GitHub could not say');
  });

  it('with more reviews than are read, names the approvals read and why they do not count', () => {
    const view = approvalCheckView({
      decision: { ...NO_REVIEWS, approvedBy: ['ann'], tooManyReviews: true },
      setAside: [],
      headSha: HEAD,
    });
    expect(view.status).toBe('in_progress');
    expect(view.summary).toContain(
      'more reviews than implementation-agent reads (the newest 1,000): a request for changes older than those may still stand, so it cannot be approved here (@ann approved `abcdef0`).',
    );
  });
});
