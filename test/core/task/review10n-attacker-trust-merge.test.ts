/**
 * Attacker pass (review #10n) on merging trust facts (src/core/task/trust-facts.ts
 * `mergeTrustFacts`, used when a board goes on from the tasks mirror's record while the status
 * comment's marker is older or unreadable). Its promise: "nobody set aside by either is let back
 * in", sets only grow, a union past a bound sets `trust_lost`. Tried: lists shrunk or emptied in the
 * newer facts, a lowered requester, `trust_lost` in one side only, and the same person known by
 * login in one version and by account id in the other (a marker written before ids were kept, a
 * login renamed since). A fault is `it.failing` asserting the right answer; an attack refused is an
 * ordinary test.
 */
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { applyReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { MAX_CO_REQUESTERS, mergeTrustFacts, type TrustFacts } from '../../../src/core/task/trust-facts.js';

const HEAD = 'a'.repeat(40);

/** The approvals of the head that count under `facts` (self-approval off). */
function counted(facts: TrustFacts, approvers: { login: string; id: number }[]): string[] {
  const marker = {
    task_id: 'acme/shop#7',
    state: 'pr_open',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-24T10:00:00.000Z',
    ...facts,
    last_push: { sha: HEAD, by: { kind: 'agent' } },
  } as TaskMarker;
  const policy = reviewPolicyFor({
    review: { ...DEFAULT_CONFIG.review, allow_self_approval: false },
    marker,
    agentLogin: 'implementation-agent[bot]',
  });
  return applyReviewPolicy({
    verdicts: approvers.map((who) => ({ ...who, state: 'APPROVED', commitId: HEAD })),
    policy,
    headSha: HEAD,
  }).verdicts.map((verdict) => verdict.login);
}

describe('review10n attacker: the same person known differently by the two versions', () => {
  it('a pusher known by id in the older facts and by login alone in the newer keeps the id (a rename still sets her aside)', () => {
    const older: TrustFacts = {
      requester: 'alice',
      requester_id: 501,
      human_pushers: [{ login: 'mallory', id: 666, type: 'User' }],
    };
    const newer: TrustFacts = { requester: 'alice', requester_id: 501, human_pushers: ['mallory'] };
    // Either version alone sets aside mallory's approval after she renames to mal2 (the older by id).
    expect(counted(older, [{ login: 'mal2', id: 666 }])).toEqual([]);
    expect(counted(mergeTrustFacts(newer, older), [{ login: 'mal2', id: 666 }])).toEqual([]);
  });

  it('an older requester with another account id under the same login is kept (as a co-requester)', () => {
    const older: TrustFacts = { requester: 'alice', requester_id: 501, requester_type: 'User' };
    const newer: TrustFacts = { requester: 'alice', requester_id: 999, requester_type: 'User' };
    // Account 501 (renamed alice-old since) is set aside by the older facts; the merge must not let it in.
    expect(counted(older, [{ login: 'alice-old', id: 501 }])).toEqual([]);
    expect(counted(mergeTrustFacts(newer, older), [{ login: 'alice-old', id: 501 }])).toEqual([]);
  });
});

describe('review10n attacker: merges that keep everyone (refused)', () => {
  it('a newer version with an emptied pusher list keeps the older pusher', () => {
    const merged = mergeTrustFacts(
      { requester: 'alice', requester_id: 501, human_pushers: [] },
      { requester: 'alice', requester_id: 501, human_pushers: [{ login: 'mallory', id: 666, type: 'User' }] },
    );
    expect(counted(merged, [{ login: 'mallory', id: 666 }])).toEqual([]);
  });

  it('a newer version naming another requester keeps the older one set aside', () => {
    const merged = mergeTrustFacts(
      { requester: 'bob', requester_id: 2 },
      { requester: 'alice', requester_id: 501, requester_type: 'User' },
    );
    expect(
      counted(merged, [
        { login: 'alice', id: 501 },
        { login: 'bob', id: 2 },
      ]),
    ).toEqual([]);
  });

  it('a newer version without a requester keeps the older requester', () => {
    expect(mergeTrustFacts({}, { requester: 'alice', requester_id: 501 })).toMatchObject({
      requester: 'alice',
      requester_id: 501,
    });
  });

  it('trust_lost on either side stays', () => {
    expect(mergeTrustFacts({ requester: 'a' }, { trust_lost: true }).trust_lost).toBe(true);
    expect(mergeTrustFacts({ trust_lost: true }, { requester: 'a' }).trust_lost).toBe(true);
  });

  it('co-requesters past the bound together set trust_lost rather than dropping one', () => {
    const accounts = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        login: `p${from + index}`,
        id: from + index,
        type: 'User' as const,
      }));
    const merged = mergeTrustFacts(
      { co_requesters: accounts(100, MAX_CO_REQUESTERS) },
      { co_requesters: accounts(200, 1) },
    );
    expect(merged.trust_lost).toBe(true);
  });
});
