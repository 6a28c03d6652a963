import type { AgentConfig } from '../config/agent-config.js';
import type { TaskMarker } from '../state/state-marker.js';
import { agentRecordedCommits } from './agent-recorded-commits.js';
import { foreignPushesAfter, foreignPushOf } from './foreign-push.js';
import { humanPushersAfter } from './human-pushers-after.js';
import type { LastPush } from './last-push.js';
import type { ReviewPolicy } from './review-policy.js';

/**
 * The one review policy every consumer of the approval rule applies (the guided approval check,
 * `/deploy`'s `approval` rule, merge-when-green): the repository's `review` config, the requester
 * and co-requesters (login, account id and type as recorded) and the newest push the task's trusted marker records
 * (absent when there is no trusted marker: nobody's approval is set aside as theirs), and the agent's own login. `push` is a push newer
 * than the marker knows (the `synchronize` delivery being handled, the agent's own commit just
 * pushed): it stands in for the marker's `last_push`. A marker with neither (written before pushes
 * were recorded) fails closed: the head's pusher is unknown unless it is a commit the marker records
 * as the agent's own (`unrecordedPushes`, `agentRecordedCommits`). Everyone else who pushed to the
 * branch before (marker `human_pushers`, with `push` counted in: `humanPushersAfter`) is
 * `humanPushers` (more than the marker keeps: `trustLost`, as `pushersPatch` records it, and so for
 * the pushes `foreignPushesPatch` records); the pushes someone else made and who GitHub said made them (`foreign_pushes`)
 * and the person's push the branch carries (`unvalidated_push`) tell which pushes' pusher nobody
 * can name (`unknownPusherPushes`).
 */
export function reviewPolicyFor(params: {
  review: AgentConfig['review'];
  marker:
    | Pick<
        TaskMarker,
        | 'requester'
        | 'requester_id'
        | 'requester_type'
        | 'co_requesters'
        | 'last_push'
        | 'last_outcome'
        | 'unsent_artifacts'
        | 'human_pushers'
        | 'foreign_pushes'
        | 'unvalidated_push'
        | 'trust_lost'
      >
    | undefined;
  agentLogin: string | undefined;
  push?: LastPush | undefined;
}): ReviewPolicy {
  const { marker } = params;
  const lastPush = params.push ?? marker?.last_push;
  // Pushers before the head's, the agent's commits on top of theirs (`humanPushersAfter`).
  const after =
    marker === undefined
      ? { pushers: [], pastBound: false }
      : params.push === undefined
        ? { pushers: marker.human_pushers ?? [], pastBound: false }
        : humanPushersAfter({ marker, push: params.push });
  const humanPushers = after.pushers;
  // The marker's last push, a person's, stays named once `push` (newer) stands in for it.
  const replaced = params.push === undefined ? undefined : marker?.last_push;
  // It keeps its pusher's id and, for a bot's push, that it names no person (`foreignPushOf`).
  const replacedPush = foreignPushOf(replaced);
  const foreignPushes = [
    ...(marker?.foreign_pushes ?? []),
    ...(replacedPush === undefined ? [] : [replacedPush]),
  ];
  // What the marker records of this push (`pushPatch`): past the bound it loses one (`trust_lost`).
  const pushRecorded = [replacedPush, foreignPushOf(params.push)].flatMap((push) => push ?? []);
  const foreignPastBound =
    pushRecorded.length > 0 &&
    foreignPushesAfter({ recorded: marker?.foreign_pushes, pushes: pushRecorded }).pastBound;
  return {
    requester:
      marker?.requester === undefined
        ? undefined
        : {
            login: marker.requester,
            ...(marker.requester_id === undefined ? {} : { id: marker.requester_id }),
            ...(marker.requester_type === undefined ? {} : { type: marker.requester_type }),
          },
    ...(marker?.co_requesters === undefined || marker.co_requesters.length === 0
      ? {}
      : { coRequesters: marker.co_requesters }),
    allowSelfApproval: params.review.allow_self_approval,
    agentLogin: params.agentLogin,
    reapproveOnPush: params.review.reapprove_on_push,
    lastPush,
    ...(marker !== undefined && lastPush === undefined
      ? { unrecordedPushes: { agentCommits: agentRecordedCommits(marker) } }
      : {}),
    ...(humanPushers.length === 0 ? {} : { humanPushers }),
    ...(foreignPushes.length === 0 ? {} : { foreignPushes }),
    ...(marker?.unvalidated_push === undefined ? {} : { unvalidatedPush: marker.unvalidated_push }),
    allowPusherApproval: params.review.allow_pusher_approval,
    // A push that takes the pushers or the pushes past their bound loses one of them
    // (`pushersPatch`, `foreignPushesPatch`: `trust_lost`).
    ...(marker?.trust_lost === true || after.pastBound || foreignPastBound ? { trustLost: true } : {}),
  };
}
