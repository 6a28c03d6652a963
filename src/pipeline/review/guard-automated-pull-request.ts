import { mention } from '../../core/markdown/mention.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { approvalCheckView } from '../../core/review/approval-check-view.js';
import { pushAuthor } from '../../core/review/push-author.js';
import { unvalidatedHead } from '../../core/review/unvalidated-head.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import { runsAutomated } from '../../core/state/runs-automated.js';
import { TRUST_LOST_REASON } from '../../core/task/trust-lost-reason.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import type { TaskOutcome } from '../task/task-outcome.js';
import type { PullRequestTaskEvent } from './classify-pull-request-event.js';
import { fallBackToGuided } from './fall-back-to-guided.js';
import type { SyncedTask } from './sync-pull-request-task.js';

/**
 * Automated mode merges without a person only what the agent validated, into the branch it was
 * asked for (DESIGN §4, §5b). Run after `syncPullRequestTask` on a push (`pull_request.synchronize`),
 * an edit or a reopen of an open pull request whose task runs automated: when someone other than the agent
 * pushed (the delivery's `sender`, GitHub's fact — the agent's own pushes come as its login, and a
 * push made with the Action's `GITHUB_TOKEN` starts no run at all), when the head read now is not
 * the agent's recorded commit (`unvalidatedHead` over the marker's `last_push`: on any other event,
 * and on the agent's own `synchronize` too, whose head may have moved past its commit), or the pull request now
 * targets another base than the task's (`base_branch`, else the default branch), or the task's
 * trust facts were lost (`trust_lost`: `TRUST_LOST_REASON`), the task falls
 * back to guided (`fallBackToGuided`: GitHub's auto-merge is turned off, a retry recorded while
 * GitHub has not confirmed it, the approval check shown on the head), the marker records
 * `effective_mode: guided` (so neither merge-when-green nor deploy on merge acts on it) and, for a
 * push, its head as `unvalidated_push` (so a re-run built on it stays guided), and the status
 * comment and the pull request say why.
 * Returns `synced.outcome`, its message extended when the task fell back; a redelivery finds the
 * task guided and does nothing more.
 */
export async function guardAutomatedPullRequest(
  deps: TaskEventDependencies,
  params: { readonly event: PullRequestTaskEvent; readonly synced: SyncedTask },
): Promise<TaskOutcome> {
  const { event, synced } = params;
  const { marker, outcome, pull, board } = synced;
  if (!runsAutomated(marker) || synced.approval === undefined || !('message' in outcome)) return outcome;
  const fallback = await fallbackReason(deps, { event, pull, marker });
  if (fallback === undefined) return outcome;
  const { reason, pushed } = fallback;
  const { owner, repo } = event.repository;
  const { pullNumber } = event;
  const fallBack = await fallBackToGuided({
    deps,
    owner,
    repo,
    pullNumber,
    pullRequestId: pull.node_id,
    headSha: pull.head.sha,
    view: approvalCheckView({
      decision: synced.approval,
      setAside: synced.approval.setAside,
      headSha: pull.head.sha,
    }),
    headline: `**Automated mode fell back to guided:** ${reason}.`,
  });
  await board.move(board.current?.state ?? marker.state, {
    // A push stays in the branch a re-run builds on: `unvalidated_push` keeps the task guided then.
    patch: {
      effective_mode: 'guided',
      ...(pushed ? { unvalidated_push: pull.head.sha } : {}),
      ...('patch' in fallBack.record ? fallBack.record.patch : {}),
    },
    details: fallBack.details,
  });
  deps.log(`Task on #${event.issueNumber} fell back to guided: ${reason}`);
  return { ...outcome, message: `${outcome.message} ${fallBack.details}` };
}

/**
 * Why the pull request is no longer what the agent validated (`pushed`: its head is someone else's
 * push); undefined when it still is. A `synchronize` names its pusher (the delivery's `sender`);
 * one the agent sent still needs the head read now to be its recorded commit (`unvalidatedHead`);
 * any other event (a reopen after a push made while the pull request was closed, whose own
 * `synchronize` GitHub never sends) finds the head by comparing it with the marker's record of the
 * agent's own commits (`unvalidatedHead`).
 */
async function fallbackReason(
  deps: TaskEventDependencies,
  params: {
    event: PullRequestTaskEvent;
    pull: SyncedTask['pull'];
    marker: TaskMarker;
  },
): Promise<{ reason: string; pushed: boolean } | undefined> {
  const { event, pull, marker } = params;
  // Whose approval or push counts is unknown: nothing merges unattended until trust is re-established.
  if (marker.trust_lost === true) return { reason: TRUST_LOST_REASON, pushed: false };
  const target = marker.base_branch ?? event.repository.defaultBranch;
  if (pull.base.ref !== target) {
    return {
      reason: `pull request #${event.pullNumber} now targets ${codeSpan(pull.base.ref)}, not ${codeSpan(target)}, the branch the task was opened against`,
      pushed: false,
    };
  }
  const head = `\`${pull.head.sha.slice(0, 7)}\``;
  if (event.event !== 'pull_request.synchronize') {
    const unvalidated = unvalidatedHead({ marker, head: pull.head.sha });
    if (unvalidated === undefined) return undefined;
    const how = unvalidated.seen
      ? 'was pushed by someone other than implementation-agent'
      : 'is a push no event ever told implementation-agent of (GitHub sends no `synchronize` for a push made while a pull request is closed)';
    return {
      reason: `the head of pull request #${event.pullNumber}, ${head}, ${how}, and implementation-agent never validated nor risk-classified it`,
      pushed: true,
    };
  }
  const author = pushAuthor({ sender: event.sender, agentLogin: await deps.trust.identity() });
  if (author.kind === 'agent') {
    // The agent's own push vouches for its commit, not for the head read now: a person's push
    // right after it (its own `synchronize` lost or not yet delivered) is what would merge.
    if (unvalidatedHead({ marker, head: pull.head.sha }) === undefined) return undefined;
    return {
      reason: `the head of pull request #${event.pullNumber}, ${head}, is not the commit implementation-agent recorded as its newest push (a push after it no event has told implementation-agent of yet), and implementation-agent never validated nor risk-classified it`,
      pushed: true,
    };
  }
  const who =
    event.sender === undefined ? 'someone other than implementation-agent' : mention(event.sender.login);
  return {
    reason: `${who} pushed ${head}, which implementation-agent never validated nor risk-classified`,
    pushed: true,
  };
}
