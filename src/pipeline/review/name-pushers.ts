import type { AgentConfig } from '../../core/config/agent-config.js';
import type { Account } from '../../core/review/account.js';
import type { LastPush } from '../../core/review/last-push.js';
import { pushAuthor } from '../../core/review/push-author.js';
import { recordPushers } from '../../core/review/record-pushers.js';
import { reviewPolicyFor } from '../../core/review/review-policy-for.js';
import { unknownPusherPushes } from '../../core/review/unknown-pusher-pushes.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { readPushers } from '../../github/read-pushers.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';

/** What asking GitHub found: the marker fields to record, and the head's push when it named its pusher. */
export interface NamedPushers {
  readonly patch: Partial<Pick<TaskMarker, 'foreign_pushes' | 'human_pushers' | 'trust_lost'>>;
  readonly headPush?: LastPush;
}

/**
 * Asks GitHub who pushed the pushes on the task's branch whose pusher the task's record cannot
 * name (`unknownPusherPushes`: a head no event named, a push found under the agent's commit, one
 * GitHub could not name before), from the branch's activity (`readPushers`), so the approval rule
 * sets the pusher's own approval aside as for a `synchronize` sender's. Every sha asked is recorded
 * (`recordPushers`: with its pusher, or without one while GitHub cannot say; `patch` holds only the
 * fields that changed); the head's named
 * pusher comes back as its push (`pushAuthor`), for `last_push`. Nothing is asked when nothing is
 * unknown or `review.allow_pusher_approval` lifts the rule. A failed or doubtful answer is logged
 * and leaves the pushes unknown: the rule then needs one more writer's approval.
 */
export async function namePushers(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  branch: string;
  headSha: string;
  marker: TaskMarker;
  /** The head's push this run knows (a `synchronize` delivery, the agent's own commit). */
  push: LastPush | undefined;
  config: AgentConfig;
  agentLogin: string | undefined;
}): Promise<NamedPushers> {
  const { deps, marker, agentLogin } = params;
  if (params.config.review.allow_pusher_approval) return { patch: {} };
  const policy = reviewPolicyFor({ review: params.config.review, marker, agentLogin, push: params.push });
  const asked = unknownPusherPushes(policy, params.headSha);
  if (asked.length === 0) return { patch: {} };
  const found = await readPushers({
    client: deps.client,
    owner: params.owner,
    repo: params.repo,
    branch: params.branch,
    shas: asked,
    agentLogin,
  });
  if (found.unknown !== undefined) deps.log(`Pushers on ${params.branch} not named: ${found.unknown}`);
  // Each pusher with the account id and type GitHub gave: a renamed pusher stays set aside, and a
  // bot (`type: Bot`, whatever its login) stays a push that names no person.
  const named = new Map<string, Account>([...found.pushers].map(([sha, pusher]) => [sha, pusher]));
  // The other unseen pushes under the asked one (two people pushed while no event came): each is
  // recorded with its pusher, or as unknown, so every pusher under the head is set aside.
  const earlier = (found.earlier ?? []).filter((push) => !asked.includes(push.sha));
  for (const push of earlier) if (push.pusher !== undefined) named.set(push.sha, push.pusher);
  const head = params.headSha.toLowerCase();
  const headPusher = found.pushers.get(head);
  // Only what changed: asking again and hearing the same is not a new record to write.
  const recorded = recordPushers({
    marker,
    asked: [...asked, ...earlier.map((push) => push.sha)],
    named,
  });
  const patch = Object.fromEntries(
    Object.entries(recorded).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify(marker[field as keyof typeof recorded]),
    ),
  );
  return {
    patch,
    ...(headPusher === undefined
      ? {}
      : { headPush: { sha: head, by: pushAuthor({ sender: headPusher, agentLogin }) } }),
  };
}
