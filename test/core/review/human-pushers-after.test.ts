import {
  humanPushersAfter,
  MAX_HUMAN_PUSHERS,
  pushersPatch,
} from '../../../src/core/review/human-pushers-after.js';
import type { LastPush } from '../../../src/core/review/last-push.js';
import { applyReviewPolicy, type ReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';

const HEAD = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const agentPush: LastPush = { sha: HEAD, by: { kind: 'agent' } };
const humanPush = (login: string, sha = OLD): LastPush => ({ sha, by: { kind: 'human', login } });

// Review #9c: the agent's commit on top of a person's push used to erase who pushed underneath it.
describe('humanPushersAfter: who but the agent pushed to the branch', () => {
  it('keeps the previous pusher when the agent commits on top (a marker from before human_pushers)', () => {
    expect(humanPushersAfter({ marker: { last_push: humanPush('Maintainer') }, push: agentPush })).toEqual({
      pushers: ['maintainer'],
      pastBound: false,
    });
  });

  it('adds a new pusher once, lowercase, the newest last; a bot’s push counts too', () => {
    const marker = { human_pushers: ['maintainer'], last_push: agentPush };
    expect(humanPushersAfter({ marker, push: humanPush('MAINTAINER', HEAD) }).pushers).toEqual([
      'maintainer',
    ]);
    const bot: LastPush = { sha: HEAD, by: { kind: 'bot', login: 'dependabot[bot]' } };
    expect(humanPushersAfter({ marker, push: bot }).pushers).toEqual([
      'maintainer',
      { login: 'dependabot[bot]', type: 'Bot' },
    ]);
  });

  it('records nobody for the agent’s own pushes', () => {
    expect(humanPushersAfter({ marker: { last_push: agentPush }, push: agentPush }).pushers).toEqual([]);
  });

  it(`keeps ${MAX_HUMAN_PUSHERS} without a flag: the bound itself is not past it`, () => {
    const many = Array.from({ length: MAX_HUMAN_PUSHERS - 1 }, (_, index) => `writer-${index}`);
    const after = humanPushersAfter({ marker: { human_pushers: many }, push: humanPush('newest') });
    expect(after).toEqual({ pushers: [...many, 'newest'], pastBound: false });
    expect(pushersPatch(after)).toEqual({ human_pushers: [...many, 'newest'] });
  });

  // Review 13o: the 21st pusher dropped the oldest, whose approval of the head then counted again.
  it(`past ${MAX_HUMAN_PUSHERS} pushers it drops nobody silently: the marker gets trust_lost`, () => {
    const many = Array.from({ length: MAX_HUMAN_PUSHERS }, (_, index) => `writer-${index}`);
    const after = humanPushersAfter({ marker: { human_pushers: many }, push: humanPush('newest') });
    expect(after.pastBound).toBe(true);
    expect(after.pushers).toHaveLength(MAX_HUMAN_PUSHERS);
    const patch = pushersPatch(after);
    expect(patch.trust_lost).toBe(true);
    // Still a marker that reads back.
    expect(
      parseStateMarker(
        `<!-- implementation-agent:state ${JSON.stringify({ task_id: 'o/r#1', state: 'pr_open', attempt: 1, cost_usd: 0, updated_at: '2026-11-29T10:00:00.000Z', ...patch })} -->`,
      ),
    ).toMatchObject(patch);
  });

  it('past the bound, no approval counts, not even the writer left out of the list', () => {
    const review = {
      allow_self_approval: false,
      reapprove_on_push: true,
      allow_pusher_approval: false,
      max_iterations: 3,
    };
    const many = Array.from({ length: MAX_HUMAN_PUSHERS }, (_, index) => `writer-${index}`);
    const marker = { requester: 'requester-dev', last_push: agentPush, human_pushers: many };
    // The push being handled takes the list past its bound before the marker records it.
    const policy = reviewPolicyFor({
      review,
      marker,
      agentLogin: undefined,
      push: humanPush('newest', HEAD),
    });
    expect(policy.trustLost).toBe(true);
    const approvals = ['writer-0', 'alice'].map((login) => ({
      login,
      state: 'APPROVED' as const,
      commitId: HEAD,
    }));
    const result = applyReviewPolicy({ verdicts: approvals, policy, headSha: HEAD });
    expect(result.verdicts).toEqual([]);
    expect(result.setAside).toEqual([
      { login: 'writer-0', why: 'trust-lost' },
      { login: 'alice', why: 'trust-lost' },
    ]);
    // Once recorded, the marker alone says so.
    const recorded = {
      ...marker,
      ...pushersPatch(humanPushersAfter({ marker, push: humanPush('newest', HEAD) })),
    };
    expect(reviewPolicyFor({ review, marker: recorded, agentLogin: undefined }).trustLost).toBe(true);
  });
});

describe('applyReviewPolicy: an earlier pusher’s approval of the agent’s head is set aside', () => {
  const policy: ReviewPolicy = {
    requester: 'requester-dev',
    allowSelfApproval: false,
    agentLogin: 'implementation-agent[bot]',
    reapproveOnPush: true,
    lastPush: agentPush,
    humanPushers: ['maintainer'],
    allowPusherApproval: false,
  };
  const approved = (login: string) => ({ login, state: 'APPROVED' as const, commitId: HEAD });

  it('sets the earlier pusher aside and counts another writer', () => {
    const result = applyReviewPolicy({
      verdicts: [approved('Maintainer'), approved('alice')],
      policy,
      headSha: HEAD,
    });
    expect(result.verdicts.map((verdict) => verdict.login)).toEqual(['alice']);
    expect(result.setAside).toEqual([{ login: 'Maintainer', why: 'earlier-pusher' }]);
  });

  it('keeps the earlier pusher’s request for changes and, with allowPusherApproval, their approval', () => {
    const changes = { login: 'maintainer', state: 'CHANGES_REQUESTED' as const, commitId: HEAD };
    expect(applyReviewPolicy({ verdicts: [changes], policy, headSha: HEAD }).verdicts).toEqual([changes]);
    const allowed = applyReviewPolicy({
      verdicts: [approved('maintainer')],
      policy: { ...policy, allowPusherApproval: true },
      headSha: HEAD,
    });
    expect(allowed.setAside).toEqual([]);
  });

  it('reviewPolicyFor reads human_pushers from the marker, and counts a push newer than it', () => {
    const review = {
      allow_self_approval: false,
      reapprove_on_push: true,
      allow_pusher_approval: false,
      max_iterations: 3,
    };
    const marker = { requester: 'requester-dev', last_push: agentPush, human_pushers: ['maintainer'] };
    expect(reviewPolicyFor({ review, marker, agentLogin: undefined }).humanPushers).toEqual(['maintainer']);
    const newer = reviewPolicyFor({ review, marker, agentLogin: undefined, push: humanPush('bob', HEAD) });
    expect(newer.humanPushers).toEqual(['maintainer', 'bob']);
    expect(newer.trustLost).toBeUndefined();
  });
});
