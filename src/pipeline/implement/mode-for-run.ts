import type { RequestPayload } from '../../core/request/execution-request.js';
import type { ModeDecision } from '../../core/risk/effective-mode.js';
import { modeAfterCommit, type ModeAfterCommit } from '../../core/risk/mode-after-commit.js';
import type { TaskMarker } from '../../core/state/state-marker.js';

/**
 * The mode a generation runs in once its commit lands on `branch` (DESIGN §4, §5b): the
 * classifier's `decision` over the generated files, judged with what the task's branch already
 * holds (`modeAfterCommit`). On the branch the task's pull request already uses, an earlier
 * `risk_level: high` is carried (the files judged then may still be in it); a person's push
 * recorded as `unvalidated_push` keeps the task guided wherever the run builds. A first run (no
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
  return modeAfterCommit({
    requested: params.request.execution_request.execution_mode,
    risk: params.decision.risk,
    before: {
      riskLevel: onItsBranch ? marker.risk_level : undefined,
      unvalidatedPush: marker?.unvalidated_push,
    },
  });
}
