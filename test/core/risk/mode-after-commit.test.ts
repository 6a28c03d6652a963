import { modeAfterCommit, type BranchStanding } from '../../../src/core/risk/mode-after-commit.js';
import type { ExecutionMode } from '../../../src/core/request/execution-request.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

const LOW: RiskAssessment = { level: 'low', reasons: [] };
const HIGH: RiskAssessment = {
  level: 'high',
  reasons: [{ code: 'iam-resource', where: 'infra/queue.yaml#Resources.Admin', message: 'An IAM role.' }],
};
const PUSH = 'e'.repeat(40);

describe('modeAfterCommit: a commit on a task’s branch is judged, and risk only accumulates', () => {
  // requested, the commit's risk, what the branch had, → effective mode, recorded risk
  const cases: Array<
    [ExecutionMode, RiskAssessment, BranchStanding, 'automated' | 'guided' | 'manual', 'low' | 'high']
  > = [
    ['automated', LOW, { riskLevel: 'low' }, 'automated', 'low'],
    ['automated', HIGH, { riskLevel: 'low' }, 'guided', 'high'],
    ['hybrid', LOW, { riskLevel: 'low' }, 'automated', 'low'],
    ['hybrid', HIGH, { riskLevel: 'low' }, 'guided', 'high'],
    // A commit that no longer shows the risk does not lift it: the branch may still hold it.
    ['automated', LOW, { riskLevel: 'high' }, 'guided', 'high'],
    ['hybrid', LOW, { riskLevel: 'high' }, 'guided', 'high'],
    // A fallback for another reason (a new base) is not undone by a clean commit.
    ['automated', LOW, { riskLevel: 'low', fellBack: true }, 'guided', 'low'],
    // A person's push in the branch keeps it guided.
    ['automated', LOW, { riskLevel: 'low', unvalidatedPush: PUSH }, 'guided', 'low'],
    // No earlier record (a first generation): the commit's own risk decides.
    ['automated', LOW, {}, 'automated', 'low'],
    // Guided and manual run as asked; the risk is still recorded, carried too.
    ['guided', HIGH, { riskLevel: 'low' }, 'guided', 'high'],
    ['guided', LOW, { riskLevel: 'high' }, 'guided', 'high'],
    ['manual', HIGH, {}, 'manual', 'high'],
  ];

  it.each(cases)(
    '%s, commit %o, branch %o → %s, risk %s',
    (requested, risk, before, effective, riskLevel) => {
      const result = modeAfterCommit({ requested, risk, before });
      expect(result.decision.effective).toBe(effective);
      expect(result.decision.requested).toBe(requested);
      expect(result.riskLevel).toBe(riskLevel);
    },
  );

  it('says why a carried risk keeps the task guided, and shows the commit’s own reasons', () => {
    const result = modeAfterCommit({ requested: 'automated', risk: LOW, before: { riskLevel: 'high' } });
    expect(result.decision.explanation).toContain('an earlier commit on this branch was judged high risk');
    expect(result.decision.explanation).toContain('a later commit never turns automated mode back on');
    expect(result.decision.risk).toBe(LOW);
  });

  it('names the person’s push once, not twice, when the risk is carried too', () => {
    const result = modeAfterCommit({
      requested: 'automated',
      risk: LOW,
      before: { riskLevel: 'high', unvalidatedPush: PUSH },
    });
    expect(result.decision.explanation.match(/It stays guided/g)).toHaveLength(1);
  });
});

describe('modeAfterCommit with the trust facts lost', () => {
  it('keeps a clean automated commit guided and says why (`trust_lost`)', () => {
    const after = modeAfterCommit({
      requested: 'automated',
      risk: LOW,
      before: { riskLevel: 'low', trustLost: true },
    });
    expect(after.decision.effective).toBe('guided');
    expect(after.decision.explanation).toContain('`trust_lost`');
  });
});
