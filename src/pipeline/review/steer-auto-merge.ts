import { agentAppSlugOf } from '../../core/checks/agent-checks.js';
import { validationRefusal } from '../../core/checks/validation-refusal.js';
import type { AgentConfig } from '../../core/config/agent-config.js';
import { autoMergeStep } from '../../core/review/auto-merge-step.js';
import type { ApprovalDecision } from '../../core/review/decide-approval.js';
import { standingChangesRequest } from '../../core/review/standing-changes-request.js';
import { unvalidatedHead } from '../../core/review/unvalidated-head.js';
import type { TaskMarker } from '../../core/state/state-marker.js';
import type { TaskState } from '../../core/state/task-state.js';
import { readChecksVerdict } from '../../github/read-checks-verdict.js';
import type { TaskEventDependencies } from '../events/task-event-dependencies.js';
import { armAutoMerge } from './arm-auto-merge.js';
import { disarmAutoMerge } from './disarm-auto-merge.js';

/** Marker fields a step on the auto-merge sets or drops. */
type AutoMergeField = 'auto_merge_held' | 'auto_merge_off_pending';

/** What the sync records of a step on the auto-merge: the status line, the marker's fields. */
export interface AutoMergeSteer {
  /** One markdown paragraph for the status comment. */
  readonly message: string;
  /** Set on the marker: the hold once GitHub confirmed auto-merge off, or a retry still pending. */
  readonly patch?: Partial<Record<AutoMergeField, true>>;
  /** Dropped from the marker: the hold once auto-merge is on again, the retry once confirmed. */
  readonly clear?: readonly AutoMergeField[];
  /** Auto-merge was not turned on (the repository does not allow it…): merge-when-green should judge the head now. */
  readonly mergeWhenGreen?: true;
}

/**
 * Steers an automated task's GitHub auto-merge by the reviews on its open pull request
 * (`autoMergeStep`), within the sync's turn on the task: a counted request for changes turns it off
 * (`disarmAutoMerge`) and holds it — only once GitHub confirmed it off, so a failure is asked
 * again on the next event, the status saying it may still merge; a task that must not merge by
 * itself any more whose earlier turn-off GitHub did not confirm is asked again (`retry-off`); once
 * none stands (`standingChangesRequest`: that reviewer approved, the review was dismissed) it is turned on again (`armAutoMerge`, pinned to `headSha`) — only when the head
 * is the newest commit the task recorded as the agent's (`unvalidatedHead` over the marker's
 * `last_push`: an earlier commit of its own the branch was force-pushed back to is not) and
 * carries the agent's own passing `implementation-agent` check (`validationRefusal`, the check runs
 * on `headSha`): a head the agent did not validate stays held, the status saying why. Where GitHub
 * did not turn it on, `mergeWhenGreen` asks the caller to judge the head for merge-when-green
 * (checks that already finished send no new event). Undefined: nothing to do. Never throws on
 * GitHub's refusals; throws what reading the checks throws.
 */
export async function steerAutoMerge(params: {
  deps: TaskEventDependencies;
  owner: string;
  repo: string;
  pullNumber: number;
  pullRequestId: string | undefined;
  marker: TaskMarker;
  /** The state the sync moves the task to. */
  to: TaskState;
  open: boolean;
  headSha: string;
  approval: Pick<ApprovalDecision, 'changesRequestedBy' | 'tooManyReviews'> | undefined;
  config: AgentConfig;
}): Promise<AutoMergeSteer | undefined> {
  const { deps, owner, repo, pullNumber, headSha } = params;
  if (params.approval === undefined) return undefined;
  const standing = standingChangesRequest(params.approval);
  const step = autoMergeStep({
    marker: params.marker,
    to: params.to,
    open: params.open,
    standing: standing !== undefined,
  });
  if (step === 'turn-off' || step === 'retry-off') {
    const disarmed = await disarmAutoMerge({
      graphql: deps.graphql,
      owner,
      repo,
      pullNumber,
      pullRequestId: params.pullRequestId,
      log: deps.log,
    });
    if (step === 'retry-off') {
      // An earlier attempt GitHub did not confirm (`auto_merge_off_pending`): said once it is off.
      if (disarmed.status === 'failed') return undefined;
      return {
        ...disarmed.record,
        message: `${disarmed.message} (An earlier attempt had not been confirmed.)`,
      };
    }
    // Held only once GitHub confirmed it: otherwise the next event asks again (`autoMergeStep`).
    return {
      ...(disarmed.status === 'off'
        ? { patch: { auto_merge_held: true }, clear: ['auto_merge_off_pending'] }
        : disarmed.record),
      message:
        `${disarmed.message} Automated mode does not merge past a standing request for changes: once that reviewer approves ` +
        '(or the review is dismissed) and the head still passes every gate at low risk, implementation-agent turns ' +
        'auto-merge back on; nothing is deployed on merge while the request stands.',
    };
  }
  if (step !== 'turn-on') return undefined;
  // Only the agent's newest recorded commit: an earlier one of its own carries a passing check too,
  // and a branch force-pushed back to it would undo what the task moved past (`unvalidatedHead`).
  const unseen = unvalidatedHead({ marker: params.marker, head: headSha });
  if (unseen !== undefined) {
    const why = `the head \`${headSha.slice(0, 7)}\` is not the newest commit implementation-agent recorded and validated for this task`;
    deps.log(`Auto-merge on #${pullNumber} stays off: ${why}`);
    return { message: `No request for changes stands any more, but auto-merge stays off: ${why}.` };
  }
  const checks = await readChecksVerdict({
    client: deps.client,
    owner,
    repo,
    sha: headSha,
    agentAppSlug: agentAppSlugOf(await deps.trust.identity()),
  });
  const unvalidated = validationRefusal(checks.validation, headSha);
  if (unvalidated !== undefined) {
    deps.log(`Auto-merge on #${pullNumber} stays off: ${unvalidated}`);
    return {
      message: `No request for changes stands any more, but auto-merge stays off: ${unvalidated}.`,
    };
  }
  const armed = await armAutoMerge({
    graphql: deps.graphql,
    owner,
    repo,
    pullNumber,
    pullRequestId: params.pullRequestId,
    headSha,
    mergeMethod: params.config.auto_merge.merge_method,
    approval: params.approval,
    log: deps.log,
  });
  return {
    clear: armed.status === 'enabled' ? ['auto_merge_held', 'auto_merge_off_pending'] : ['auto_merge_held'],
    message: `No request for changes stands any more, and the head passes every gate at low risk: ${armed.message}`,
    ...(armed.status === 'not-enabled' ? { mergeWhenGreen: true as const } : {}),
  };
}
