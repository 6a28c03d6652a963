import { pusherApprovalNote } from '../../../src/core/review/pusher-approval-note.js';

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

describe('pusherApprovalNote: whose approval the pusher rule set aside, for the status comment', () => {
  it('names an earlier pusher and how to get an approval counted', () => {
    expect(pusherApprovalNote({ setAside: [{ login: 'bob', why: 'earlier-pusher' }], headSha: HEAD })).toBe(
      'Not counted: @bob pushed commits that are still under `ec26c3e`, so that approval is set aside (whoever pushed a change does not approve it). ' +
        "Another writer's approval counts, or set `review.allow_pusher_approval: true` in `.github/implementation-agent.yml`.",
    );
  });

  it('names the head’s pusher and an earlier one together', () => {
    const note = pusherApprovalNote({
      setAside: [
        { login: 'alice', why: 'pusher' },
        { login: 'bob', why: 'earlier-pusher' },
      ],
      headSha: HEAD,
    });
    expect(note).toContain('@alice pushed `ec26c3e`; @bob pushed commits that are still under `ec26c3e`');
  });

  it('says nothing for approvals set aside for other reasons', () => {
    expect(
      pusherApprovalNote({
        setAside: [
          { login: 'requester-dev', why: 'requester' },
          { login: 'carol', why: 'agent' },
        ],
        headSha: HEAD,
        decision: { approvedBy: ['ann', 'bob'], unknownPushes: [HEAD] },
      }),
    ).toBeUndefined();
  });

  it('says why another writer is needed while a push has a pusher nobody can name', () => {
    expect(
      pusherApprovalNote({
        setAside: [{ login: 'bob', why: 'earlier-pusher' }],
        headSha: HEAD,
        decision: { approvedBy: ['ann'], unknownPushes: ['e'.repeat(40)] },
      }),
    ).toContain(
      "Another writer's approval counts, or set `review.allow_pusher_approval: true` in `.github/implementation-agent.yml`. One more approval from another writer is needed because GitHub could not say who pushed `eeeeeee`: @ann's approval may be the pusher's own",
    );
  });
});
