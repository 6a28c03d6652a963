// Review 9l: a request is its writer's as well as its starter's. The marker keeps the others who
// asked (`co_requesters`: the author when someone else labeled it or ran it with
// `/implement`, a `/retry` author running a changed request) beside `requester`, and the
// self-approval rule sets their approvals aside as it does the requester's.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { applyReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { taskMarkerSchema, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { requesterPatch } from '../../../src/pipeline/task/requester-patch.js';

const HEAD = 'a'.repeat(40);

const approval = (login: string, id?: number): ReviewVerdict => ({
  login,
  ...(id === undefined ? {} : { id }),
  state: 'APPROVED',
  commitId: HEAD,
});

function policyOutcome(
  marker: Pick<TaskMarker, 'requester' | 'requester_id' | 'co_requesters'>,
  verdicts: ReviewVerdict[],
  allowSelfApproval = false,
) {
  const policy = reviewPolicyFor({
    review: { ...DEFAULT_CONFIG.review, allow_self_approval: allowSelfApproval },
    marker: { ...marker, last_push: { sha: HEAD, by: { kind: 'agent' } } },
    agentLogin: 'implementation-agent[bot]',
  });
  return applyReviewPolicy({ verdicts, policy, headSha: HEAD });
}

describe('co-requesters', () => {
  it("sets aside the issue author's approval when another writer labeled the issue", () => {
    const outcome = policyOutcome(
      { requester: 'label-adder-bob', co_requesters: [{ login: 'request-author-alice', id: 5101 }] },
      [approval('request-author-alice', 5101), approval('label-adder-bob', 5102), approval('carol', 5103)],
    );
    expect(outcome.setAside).toEqual([
      { login: 'request-author-alice', why: 'requester' },
      { login: 'label-adder-bob', why: 'requester' },
    ]);
    expect(outcome.verdicts.map((verdict) => verdict.login)).toEqual(['carol']);
  });

  it('knows a co-requester by account id through a rename', () => {
    const outcome = policyOutcome({ requester: 'bob', co_requesters: [{ login: 'alice-old', id: 5101 }] }, [
      approval('alice-new', 5101),
    ]);
    expect(outcome.setAside).toEqual([{ login: 'alice-new', why: 'requester' }]);
  });

  it('counts their approvals with allow_self_approval', () => {
    const outcome = policyOutcome(
      { requester: 'bob', co_requesters: [{ login: 'alice' }] },
      [approval('alice'), approval('bob')],
      true,
    );
    expect(outcome.setAside).toEqual([]);
    expect(outcome.verdicts).toHaveLength(2);
  });

  it('a bot co-requester (an issue a workflow opened) names no person: two writers are needed', () => {
    const outcome = policyOutcome(
      { requester: 'bob', co_requesters: [{ login: 'github-actions[bot]', type: 'Bot' }] },
      [],
    );
    expect(outcome.unnamedRequester).toBe('github-actions[bot]');
  });

  it('an older marker with one requester still reads, and the rule sets aside that one alone', () => {
    const marker = taskMarkerSchema.parse({
      task_id: 'Codertocat/Hello-World#1',
      state: 'pr_open',
      attempt: 1,
      requester: 'alice',
      requester_id: 7,
      updated_at: '2026-11-29T10:00:00.000Z',
    });
    expect(marker.co_requesters).toBeUndefined();
    const outcome = policyOutcome(marker, [approval('alice', 7), approval('bob', 8)]);
    expect(outcome.setAside).toEqual([{ login: 'alice', why: 'requester' }]);
  });

  it('the patch records the others once each, without the requester, and clears them when none', () => {
    expect(
      requesterPatch({
        login: 'bob',
        id: 2,
        type: 'User',
        others: [
          { login: 'Bob', id: 2 },
          { login: 'alice', id: 1, type: 'User' },
          { login: 'ALICE', id: 1 },
        ],
      }),
    ).toEqual({
      patch: {
        requester: 'bob',
        requester_id: 2,
        requester_type: 'User',
        co_requesters: [{ login: 'alice', id: 1, type: 'User' }],
      },
      clear: [],
    });
    expect(requesterPatch({ login: 'bob', id: 2, type: 'User', others: [{ login: 'BOB' }] }).clear).toEqual([
      'co_requesters',
    ]);
  });

  it('keeps ten co-requesters, the marker’s bound, and refuses to drop any past it (review 13m)', () => {
    const others = Array.from({ length: 10 }, (_, index) => ({ login: `writer-${index}` }));
    expect(() => requesterPatch({ login: 'bob', others: [...others, { login: 'writer-10' }] })).toThrow(
      RangeError,
    );
    const { patch } = requesterPatch({ login: 'bob', others });
    expect(patch.co_requesters).toHaveLength(10);
    const marker = taskMarkerSchema.parse({
      task_id: 'Codertocat/Hello-World#1',
      state: 'pr_open',
      attempt: 1,
      updated_at: '2026-11-29T10:00:00.000Z',
      ...patch,
    });
    expect(marker.co_requesters).toHaveLength(10);
  });
});
