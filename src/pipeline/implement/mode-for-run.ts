import type { RequestPayload } from '../../core/request/execution-request.js';
import type { ModeDecision } from '../../core/risk/effective-mode.js';
import { modeAfterCommit, type ModeAfterCommit } from '../../core/risk/mode-after-commit.js';
import { runsAutomated } from '../../core/state/runs-automated.js';
import type { TaskMarker } from '../../core/state/state-marker.js';

/**
 * The mode a generation runs in once its commit lands on `branch` (DESIGN §4, §5b): the
 * classifier's `decision` over the generated files, judged with what the task's branch already
 * holds (`modeAfterCommit`). On the branch the task's pull request already uses, an earlier
 * `risk_level: high` is carried (the files judged then may still be in it); a person's push
 * recorded as `unvalidated_push` keeps the task guided wherever the run builds, and so does a fallback
 * to guided recorded on that branch's task (asked automated or hybrid, its recorded mode not
 * `runsAutomated`: `before.fellBack`), as for a feedback commit, and a marker whose trust facts
 * were lost (`trust_lost`). A first run (no
 * marker, or another branch) is judged on its own files.
 */
export function modeForRun(params: {
  decision: ModeDecision;
  request: RequestPayload;
  branch: string;
  marker: TaskMarker | undefined;
}): ModeAfterCommit {
  const { marker } = params;
  const onItsBranch = marker?.branch === params.branch && marker.pull_number !== undefined;
  const requested = params.request.execution_request.execution_mode;
  // As `judgeAgentCommit` judges a feedback commit: a task that asked for automated (or hybrid) and
  // recorded a mode that is not automated fell back (e.g. a new base) and stays guided. A person's
  // push (`unvalidated_push`) keeps it guided already, and names the push as the reason.
  const ranAs = onItsBranch ? (marker.execution_mode ?? requested) : undefined;
  const fellBack =
    onItsBranch &&
    marker.unvalidated_push === undefined &&
    marker.effective_mode !== undefined &&
    (ranAs === 'automated' || ranAs === 'hybrid') &&
    !runsAutomated(marker);
  return modeAfterCommit({
    requested,
    risk: params.decision.risk,
    before: {
      riskLevel: onItsBranch ? marker.risk_level : undefined,
      unvalidatedPush: marker?.unvalidated_push,
      ...(fellBack ? { fellBack: true } : {}),
      // Cleared with the old branch's pushes on a branch made anew (`RECREATED_BRANCH_RESETS`).
      ...(marker?.trust_lost === true ? { trustLost: true } : {}),
    },
  });
}
