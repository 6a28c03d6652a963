// Attacker pass 9i (test-only) on the one approval rule (src/core/review/): the requester rule
// (`review.allow_self_approval: false`) when the recorded requester is a bot, and refused attacks on
// it: a renamed requester or pusher (compared by account id), a freed login taken by someone else,
// a bot's or a reader's approval, a bot push needing two writers.
//
// The fault: a `repository_dispatch` is the one trigger whose sender may be a bot
// (classify-task-event.ts ignores bot senders of issues and comments, not of dispatches); any
// writer can send one with a workflow's GITHUB_TOKEN, whose sender is `github-actions[bot]`
// (type Bot). The task then records that bot as its requester, and the writer who had it send the
// request approves the pull request alone. For pushes the project already decided (review #9g) that
// a bot names no person, so its push counts as one of unknown pusher and two writers must approve;
// the requester slot has no such rule.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import type { RepositoryPermission } from '../../../src/core/deploy/repository-permission.js';
import { decideApproval } from '../../../src/core/review/decide-approval.js';
import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { latestReviewVerdicts } from '../../../src/core/review/latest-review-verdicts.js';
import { applyReviewPolicy } from '../../../src/core/review/review-policy.js';
import { approvalCheckView } from '../../../src/core/review/approval-check-view.js';
import { NO_REVIEWS } from '../../../src/core/review/decide-approval.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { classifyTaskEvent } from '../../../src/pipeline/events/classify-task-event.js';
import { repositoryDispatch } from '../../fixtures/trigger-events.js';

const AGENT = 'implementation-agent[bot]';
const HEAD = 'a'.repeat(40);
const BOT_HEAD = 'b'.repeat(40);

type Marker = Pick<
  TaskMarker,
  'requester' | 'requester_id' | 'last_push' | 'human_pushers' | 'foreign_pushes'
>;

const approval = (login: string, id: number, head = HEAD): ReviewVerdict => ({
  login,
  id,
  state: 'APPROVED',
  commitId: head,
});

function decide(params: { marker: Marker; head?: string; verdicts: ReviewVerdict[]; readers?: string[] }) {
  const head = params.head ?? HEAD;
  const policy = reviewPolicyFor({ review: DEFAULT_CONFIG.review, marker: params.marker, agentLogin: AGENT });
  const applied = applyReviewPolicy({ verdicts: params.verdicts, policy, headSha: head });
  const permissions = new Map<string, RepositoryPermission>(
    params.verdicts.map((verdict) => [
      verdict.login.toLowerCase(),
      (params.readers ?? []).includes(verdict.login) ? 'read' : 'write',
    ]),
  );
  return {
    ...decideApproval({
      verdicts: applied.verdicts,
      permissions,
      headSha: head,
      unknownPushes: applied.unknownPushes,
      unnamedRequester: applied.unnamedRequester,
    }),
    setAside: applied.setAside,
  };
}

const AGENT_HEAD_MARKER = (requester: string, requesterId?: number): Marker => ({
  requester,
  ...(requesterId === undefined ? {} : { requester_id: requesterId }),
  last_push: { sha: HEAD, by: { kind: 'agent' } },
});

describe('review 9i attacker: a bot recorded as the requester', () => {
  it('a repository_dispatch sent with a workflow token is a task whose requester is github-actions[bot]', () => {
    const payload = repositoryDispatch();
    payload.sender = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
    const event = classifyTaskEvent({ name: 'repository_dispatch', payload });
    expect(event).toMatchObject({
      kind: 'dispatch',
      requester: 'github-actions[bot]',
      requesterId: 41898282,
    });
  });

  // Was: src/core/review/review-policy.ts applyReviewPolicy sets aside only approvals that
  // `mayBeAccount` matches to the requester; a requester that is a bot (`isBotAccount`: the
  // `[bot]` login `github-actions[bot]`, account 41898282) matches nobody, and is not counted as
  // an asker nobody can name (unlike a bot's push, `unknownPusherPushes`), so one writer suffices.
  it('a task dispatched as github-actions[bot] is not approved by one writer (who may have dispatched it)', () => {
    const decision = decide({
      marker: AGENT_HEAD_MARKER('github-actions[bot]', 41898282),
      verdicts: [approval('alice', 7)],
    });
    expect(decision.approved).toBe(false);
    expect(decision.unnamedRequester).toBe('github-actions[bot]');
  });

  it('control: two writers approve a task dispatched as a bot', () => {
    const decision = decide({
      marker: AGENT_HEAD_MARKER('github-actions[bot]', 41898282),
      verdicts: [approval('alice', 7), approval('carol', 9)],
    });
    expect(decision.approved).toBe(true);
  });
});

describe('a bot requester: more cases of the kind', () => {
  it.each([
    ['an App account', 'deploy-helper[bot]', 123],
    ['a login recorded without an id', 'github-actions[bot]', undefined],
    ['another case of the suffix', 'Renovate[BOT]', 2740337],
  ])('%s as the requester needs two writers', (_name, login, id) => {
    const marker = AGENT_HEAD_MARKER(login, id);
    expect(decide({ marker, verdicts: [approval('alice', 7)] }).approved).toBe(false);
    expect(decide({ marker, verdicts: [approval('alice', 7), approval('carol', 9)] }).approved).toBe(true);
  });

  it('a person as the requester still needs one writer (not themself)', () => {
    const decision = decide({ marker: AGENT_HEAD_MARKER('dave', 4), verdicts: [approval('alice', 7)] });
    expect(decision.approved).toBe(true);
    expect(decision).not.toHaveProperty('unnamedRequester');
  });

  it('with self-approval allowed, a bot requester sets no second writer', () => {
    const policy = reviewPolicyFor({
      review: { ...DEFAULT_CONFIG.review, allow_self_approval: true },
      marker: AGENT_HEAD_MARKER('github-actions[bot]', 41898282),
      agentLogin: AGENT,
    });
    const applied = applyReviewPolicy({ verdicts: [approval('alice', 7)], policy, headSha: HEAD });
    expect(applied).not.toHaveProperty('unnamedRequester');
  });

  it('the approval check says why a second writer is needed, and what lifts it', () => {
    const one = approvalCheckView({
      decision: { ...NO_REVIEWS, approvedBy: ['alice'], unnamedRequester: 'github-actions[bot]' },
      setAside: [],
      headSha: HEAD,
    });
    expect(one.status).toBe('in_progress');
    expect(one.summary).toContain('One more approval from another writer is needed because');
    expect(one.summary).toContain('a bot any writer can have send a request, asked for the task');
    expect(one.summary).toContain(
      "@alice's approval may be the asker's own (`review.allow_self_approval: true` lifts the rule)",
    );
    const both = approvalCheckView({
      decision: {
        ...NO_REVIEWS,
        unknownPushes: [BOT_HEAD],
        unnamedRequester: 'github-actions[bot]',
      },
      setAside: [],
      headSha: HEAD,
    });
    expect(both.summary).toContain(
      'Approvals from 2 different writers are needed because GitHub could not say who pushed `bbbbbbb`, and',
    );
    expect(both.summary).toContain(
      '(`review.allow_pusher_approval: true` and `review.allow_self_approval: true` lift the rule)',
    );
    const approved = approvalCheckView({
      decision: {
        ...NO_REVIEWS,
        approved: true,
        approvedBy: ['alice', 'carol'],
        unnamedRequester: 'github-actions[bot]',
      },
      setAside: [],
      headSha: HEAD,
    });
    expect(approved.summary).not.toContain('asked for the task');
  });
});

describe('review 9i attacker: refused approvals', () => {
  it("the requester's approval under a new login (same account id) is set aside", () => {
    const decision = decide({
      marker: AGENT_HEAD_MARKER('alice', 7),
      verdicts: [approval('alice-renamed', 7)],
    });
    expect(decision.approved).toBe(false);
    expect(decision.setAside).toEqual([{ login: 'alice-renamed', why: 'requester' }]);
  });

  it("someone who took the requester's freed login is set aside too (fails towards another writer)", () => {
    const decision = decide({ marker: AGENT_HEAD_MARKER('alice', 7), verdicts: [approval('alice', 99)] });
    expect(decision.approved).toBe(false);
  });

  it('a pusher recorded by id who renamed is still the pusher', () => {
    const marker: Marker = {
      requester: 'dave',
      requester_id: 4,
      last_push: { sha: HEAD, by: { kind: 'human', login: 'bob', id: 5 } },
    };
    const decision = decide({ marker, verdicts: [approval('bob-renamed', 5)] });
    expect(decision.approved).toBe(false);
    expect(decision.setAside).toEqual([{ login: 'bob-renamed', why: 'pusher' }]);
  });

  it('a head pushed by a bot typed Bot without the suffix needs two writers', () => {
    const marker: Marker = {
      requester: 'dave',
      requester_id: 4,
      last_push: { sha: BOT_HEAD, by: { kind: 'bot', login: 'Copilot', id: 198982749 } },
    };
    expect(decide({ marker, head: BOT_HEAD, verdicts: [approval('alice', 7, BOT_HEAD)] }).approved).toBe(
      false,
    );
    expect(
      decide({
        marker,
        head: BOT_HEAD,
        verdicts: [approval('alice', 7, BOT_HEAD), approval('carol', 9, BOT_HEAD)],
      }).approved,
    ).toBe(true);
  });

  it("a reader's approval does not count, nor does it make the second of two", () => {
    const marker: Marker = {
      requester: 'dave',
      requester_id: 4,
      last_push: { sha: BOT_HEAD, by: { kind: 'bot', login: 'dependabot[bot]', id: 49699333 } },
    };
    const decision = decide({
      marker,
      head: BOT_HEAD,
      verdicts: [approval('alice', 7, BOT_HEAD), approval('rita', 11, BOT_HEAD)],
      readers: ['rita'],
    });
    expect(decision.approved).toBe(false);
    expect(decision.withoutWriteAccess).toEqual([{ login: 'rita', permission: 'read' }]);
  });

  it("reviews by a Bot-typed account (no suffix) and by a [bot] login are nobody's verdict", () => {
    const verdicts = latestReviewVerdicts([
      { user: { login: 'Copilot', type: 'Bot', id: 198982749 }, state: 'APPROVED', commit_id: HEAD },
      { user: { login: 'auto-approve[bot]', id: 3 }, state: 'APPROVED', commit_id: HEAD },
    ]);
    expect(verdicts).toEqual([]);
  });

  it("a writer's later comment review leaves their request for changes standing", () => {
    const verdicts = latestReviewVerdicts([
      { user: { login: 'carol', type: 'User', id: 9 }, state: 'CHANGES_REQUESTED', commit_id: HEAD },
      { user: { login: 'carol', type: 'User', id: 9 }, state: 'COMMENTED', commit_id: HEAD },
      { user: { login: 'alice', type: 'User', id: 7 }, state: 'APPROVED', commit_id: HEAD },
    ]);
    const decision = decide({ marker: AGENT_HEAD_MARKER('dave', 4), verdicts });
    expect(decision.approved).toBe(false);
    expect(decision.changesRequestedBy).toEqual(['carol']);
  });
});
