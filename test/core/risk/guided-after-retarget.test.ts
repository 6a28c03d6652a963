import { effectiveMode } from '../../../src/core/risk/effective-mode.js';
import { guidedAfterRetarget } from '../../../src/core/risk/guided-after-retarget.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

const LOW: RiskAssessment = { level: 'low', reasons: [] };

// Review #9e: a re-run never looked at its pull request's base, and armed auto-merge into a branch
// the pull request was retargeted at without its `edited` delivery handled.
describe('guidedAfterRetarget: automated mode merges only into the task’s branch', () => {
  it.each(['automated', 'hybrid'] as const)(
    'a low-risk %s decision on a retargeted pull request runs guided',
    (requested) => {
      const decision = guidedAfterRetarget({
        decision: effectiveMode({ requested, risk: LOW }),
        pullNumber: 101,
        pullBase: 'release',
        taskBase: 'main',
      });
      expect(decision).toMatchObject({ requested, effective: 'guided', risk: LOW });
      expect(decision.explanation).toContain('pull request #101 now targets release, not main');
    },
  );

  it('on the task’s own base, the decision is the classifier’s', () => {
    const decision = effectiveMode({ requested: 'automated', risk: LOW });
    expect(guidedAfterRetarget({ decision, pullNumber: 1, pullBase: 'main', taskBase: 'main' })).toBe(
      decision,
    );
  });

  it.each(['guided', 'manual'] as const)('a %s decision is left as it is', (requested) => {
    const decision = effectiveMode({ requested, risk: LOW });
    expect(guidedAfterRetarget({ decision, pullNumber: 1, pullBase: 'release', taskBase: 'main' })).toBe(
      decision,
    );
  });
});
