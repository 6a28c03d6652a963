import type { RequestPayload } from '../../../src/core/request/execution-request.js';
import { effectiveMode } from '../../../src/core/risk/effective-mode.js';
import { modeAfterCommit } from '../../../src/core/risk/mode-after-commit.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { modeForRun } from '../../../src/pipeline/implement/mode-for-run.js';

// Review #9c: `modeAfterCommit` promises "a task that fell back to guided never returns to
// automated through a later commit" (`before.fellBack`), and `judgeAgentCommit` passes it for
// review-feedback commits. `modeForRun` (an `/implement` re-run on the task's branch) does not:
// a hybrid task that fell back to guided because its PR was retargeted to another base (the guard
// records only `effective_mode: guided`, no `unvalidated_push`) turns automated again on a low-risk
// re-run, and `runIssueTask` arms GitHub's auto-merge on the same PR, whose base the re-run never
// sets back (`publishPullRequest` updates only title and body): it merges into the other base.

const BRANCH = 'implementation/1-orders-api';
const LOW = { level: 'low' as const, reasons: [] };

const fellBackOnNewBase: TaskMarker = {
  task_id: 'Codertocat/Hello-World#1',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  branch: BRANCH,
  pull_number: 2,
  execution_mode: 'hybrid',
  effective_mode: 'guided',
  risk_level: 'low',
  updated_at: '2026-11-29T10:00:00.000Z',
};

const hybridRequest = { execution_request: { execution_mode: 'hybrid' } } as unknown as RequestPayload;

describe('review #9c attacks: a re-run after a fallback to guided', () => {
  it('control: a feedback commit on the same task stays guided (judgeAgentCommit passes fellBack)', () => {
    const after = modeAfterCommit({
      requested: 'hybrid',
      risk: LOW,
      before: { riskLevel: 'low', fellBack: true },
    });
    expect(after.decision.effective).toBe('guided');
  });

  it('FAULT: an /implement re-run of a hybrid task that fell back to guided (new base) stays guided', () => {
    const judged = modeForRun({
      decision: effectiveMode({ requested: 'hybrid', risk: LOW }),
      request: hybridRequest,
      branch: BRANCH,
      marker: fellBackOnNewBase,
    });
    expect(judged.decision.effective).toBe('guided');
  });

  it.each([
    [
      'a task still automated (no fallback)',
      { ...fellBackOnNewBase, effective_mode: 'automated' as const },
      BRANCH,
      'automated',
    ],
    [
      'the fallen-back task re-run on another branch (a new pull request)',
      fellBackOnNewBase,
      'implementation/1-orders-api-2',
      'automated',
    ],
    [
      'a task whose mode was never recorded (no pull request yet)',
      { ...fellBackOnNewBase, effective_mode: undefined, pull_number: undefined },
      BRANCH,
      'automated',
    ],
  ] as const)(
    'sibling: an /implement re-run of %s is judged on its own files',
    (_name, marker, branch, effective) => {
      const given: TaskMarker = { ...marker };
      if (given.effective_mode === undefined) delete given.effective_mode;
      if (given.pull_number === undefined) delete given.pull_number;
      const judged = modeForRun({
        decision: effectiveMode({ requested: 'hybrid', risk: LOW }),
        request: hybridRequest,
        branch,
        marker: given,
      });
      expect(judged.decision.effective).toBe(effective);
    },
  );
});
