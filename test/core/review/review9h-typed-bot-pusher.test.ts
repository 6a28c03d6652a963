// Review #9h attacker pass (fresh eyes), "a push by another bot counts as unknown" (lead's decision,
// review #9g) once the agent commits on top of it. GitHub says who is a bot by the account's
// `type: Bot`, not by its login: GitHub's Copilot coding agent pushes as `Copilot` (type `Bot`,
// no `[bot]` suffix). `pushAuthor` classifies its `synchronize` as a bot's push (`last_push` kind
// `bot`) and the head then needs two writers; but the record of that push once it is under the
// agent's commit (`reviewPolicyFor`'s replaced `last_push`, `pushPatch`'s and `recordPushers`'
// `foreign_pushes`) keeps only the login, and `unknownPusherPushes` tells bots by the `[bot]`
// suffix: the bot's push becomes a push named `Copilot`, so one writer's approval of the agent's
// commit on top of it passes (the writer who had the bot push, too).
//
// Held: a `[bot]`-suffixed bot's push stays unknown under the agent's commit; the bot-typed head
// itself is unknown.

import { decideApproval } from '../../../src/core/review/decide-approval.js';
import type { ReviewVerdict } from '../../../src/core/review/latest-review-verdicts.js';
import { pushAuthor } from '../../../src/core/review/push-author.js';
import { applyReviewPolicy } from '../../../src/core/review/review-policy.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';
import type { RepositoryPermission } from '../../../src/core/deploy/repository-permission.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';

const AGENT = 'implementation-agent[bot]';
/** The bot's push (synchronize sender `Copilot`, type `Bot`). */
const BOT_HEAD = 'c'.repeat(40);
/** The agent's feedback commit on top of it. */
const AGENT_HEAD = 'a'.repeat(40);

const approved = (login: string, head: string): ReviewVerdict => ({
  login,
  state: 'APPROVED',
  commitId: head,
});

function decide(params: {
  marker: Pick<TaskMarker, 'requester' | 'last_push' | 'human_pushers' | 'foreign_pushes'>;
  push?: TaskMarker['last_push'];
  head: string;
  approvers: string[];
}) {
  const policy = reviewPolicyFor({
    review: DEFAULT_CONFIG.review,
    marker: params.marker,
    agentLogin: AGENT,
    push: params.push,
  });
  const verdicts = params.approvers.map((login) => approved(login, params.head));
  const applied = applyReviewPolicy({ verdicts, policy, headSha: params.head });
  const permissions = new Map<string, RepositoryPermission>(
    params.approvers.map((login) => [login.toLowerCase(), 'write']),
  );
  return decideApproval({
    verdicts: applied.verdicts,
    permissions,
    headSha: params.head,
    unknownPushes: applied.unknownPushes,
  });
}

const botPush = (login: string) => ({
  sha: BOT_HEAD,
  by: pushAuthor({ sender: { login, type: 'Bot' }, agentLogin: AGENT }),
});

describe('approval rule: a bot-typed push without the [bot] suffix, under the agent commit', () => {
  it('held: the bot-typed head itself is a push of unknown pusher (one writer does not pass)', () => {
    const marker = { requester: 'requester-dev', last_push: botPush('Copilot') };
    expect(marker.last_push.by.kind).toBe('bot');
    expect(decide({ marker, head: BOT_HEAD, approvers: ['bob'] }).approved).toBe(false);
  });

  it("FAULT: pusher approves own push through a bot account without `[bot]` (`Copilot`, type Bot): once the agent's commit is on top (reviewPolicyFor's replaced last_push), bob's approval alone passes", () => {
    const marker = {
      requester: 'requester-dev',
      last_push: botPush('Copilot'),
      human_pushers: ['copilot'],
    };
    const decision = decide({
      marker,
      push: { sha: AGENT_HEAD, by: { kind: 'agent' } },
      head: AGENT_HEAD,
      approvers: ['bob'],
    });
    // Right: the bot's push under the head names no person, so two writers must approve.
    expect(decision.approved).toBe(false);
    expect(decision.unknownPushes).toEqual([BOT_HEAD]);
  });

  it('held: a `[bot]`-suffixed bot push under the agent commit stays unknown', () => {
    const marker = {
      requester: 'requester-dev',
      last_push: botPush('github-actions[bot]'),
      human_pushers: ['github-actions[bot]'],
    };
    const decision = decide({
      marker,
      push: { sha: AGENT_HEAD, by: { kind: 'agent' } },
      head: AGENT_HEAD,
      approvers: ['bob'],
    });
    expect(decision.approved).toBe(false);
    expect(
      decide({
        marker,
        push: { sha: AGENT_HEAD, by: { kind: 'agent' } },
        head: AGENT_HEAD,
        approvers: ['bob', 'carol'],
      }).approved,
    ).toBe(true);
  });
});
