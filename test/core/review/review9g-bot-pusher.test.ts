import { decideApproval } from '../../../src/core/review/decide-approval.js';
import type { LastPush } from '../../../src/core/review/last-push.js';
import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { applyReviewPolicy, type ReviewPolicy } from '../../../src/core/review/review-policy.js';
import { headPusher, unknownPusherPushes } from '../../../src/core/review/unknown-pusher-pushes.js';
import type { RepositoryPermission } from '../../../src/core/deploy/repository-permission.js';

// Review #9g attacker pass (fresh eyes), "whoever pushed a change does not approve it" (DESIGN §5b;
// README "Three settings … allow_pusher_approval"): a push made through another bot account. Any
// writer can add a workflow on a branch of their own that, on push, commits their content to the
// task branch with the workflow's GITHUB_TOKEN: GitHub records the push as `github-actions[bot]`'s
// (the App still gets `pull_request.synchronize`, sender `github-actions[bot]`, type `Bot`; the
// activity list names the same actor). The pusher rule then sets aside only the bot, whose reviews
// never count anyway, and the writer who made the bot push approves their own code alone. A bot's
// push names no person whose approval can be set aside, so it is the unknown-pusher case: approvals
// of two different writers are needed, so at least one of them did not cause it.
//
// Tried and held (run here or read in src/core/review): a named human pusher (any case of login) set aside; an earlier human pusher under
// the agent's head set aside (`human_pushers`, also filled at each `synchronize` from the previous
// `last_push`); an unknown head pusher needs two writers, two unknown pushes three; an approval of
// an older head is stale (with `reapprove_on_push` on); the requester's approval set aside in any
// case; the agent's approval never counts; a dismissed review withdraws the verdict and a later
// COMMENTED review leaves a request for changes standing.

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const botPush: LastPush = { sha: HEAD, by: { kind: 'bot', login: 'github-actions[bot]' } };
const policy: ReviewPolicy = {
  requester: 'requester-dev',
  allowSelfApproval: false,
  agentLogin: 'implementation-agent[bot]',
  reapproveOnPush: true,
  lastPush: botPush,
  humanPushers: ['github-actions[bot]'],
  allowPusherApproval: false,
};
const approved = (login: string): ReviewVerdict => ({ login, state: 'APPROVED', commitId: HEAD });

function decide(verdicts: ReviewVerdict[]) {
  const applied = applyReviewPolicy({ verdicts, policy, headSha: HEAD });
  const permissions = new Map<string, RepositoryPermission>(
    verdicts.map((v) => [v.login.toLowerCase(), 'write']),
  );
  return decideApproval({
    verdicts: applied.verdicts,
    permissions,
    headSha: HEAD,
    unknownPushes: applied.unknownPushes,
  });
}

describe('approval rule: a head pushed by a bot other than the agent', () => {
  it("FAULT: pusher approves own push through a bot account: one writer's approval of a github-actions[bot] push counts alone", () => {
    // mallory's workflow pushed HEAD as github-actions[bot]; mallory approves it.
    expect(decide([approved('mallory')]).approved).toBe(false);
  });

  it('control: approvals of two different writers pass, whoever caused the bot push', () => {
    expect(decide([approved('mallory'), approved('alice')]).approved).toBe(true);
  });
});

describe('review #9g siblings: a push by another bot is a push of unknown pusher', () => {
  const OLDER = 'a'.repeat(40);

  it('a head pushed by a bot is unknown (headPusher), whatever kind the marker gave it', () => {
    expect(headPusher({ lastPush: botPush }, HEAD)).toEqual({ kind: 'unknown' });
    const asHuman: LastPush = { sha: HEAD, by: { kind: 'human', login: 'renovate[bot]' } };
    expect(headPusher({ lastPush: asHuman }, HEAD)).toEqual({ kind: 'unknown' });
  });

  it('a foreign push GitHub named as a bot counts unknown, beside the head', () => {
    const record = {
      lastPush: { sha: HEAD, by: { kind: 'agent' as const } },
      foreignPushes: [{ sha: OLDER, login: 'github-actions[bot]' }],
    };
    expect(unknownPusherPushes(record, HEAD)).toEqual([OLDER]);
  });

  it('a bot head and an unknown push under it need three different writers', () => {
    const record = { lastPush: botPush, foreignPushes: [{ sha: OLDER }] };
    expect(unknownPusherPushes(record, HEAD)).toEqual([HEAD, OLDER]);
  });

  it("control: a person's push stays named (only that person is set aside)", () => {
    const human: LastPush = { sha: HEAD, by: { kind: 'human', login: 'alice' } };
    expect(headPusher({ lastPush: human }, HEAD)).toEqual({ kind: 'named', login: 'alice' });
    expect(unknownPusherPushes({ lastPush: human }, HEAD)).toEqual([]);
  });
});
