import { effectiveMode } from '../../../src/core/risk/effective-mode.js';
import { guidedAfterPush } from '../../../src/core/risk/guided-after-push.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

const LOW: RiskAssessment = { level: 'low', reasons: [] };
const PUSH = 'f'.repeat(40);

describe('guidedAfterPush: a re-run built on a person’s push stays guided', () => {
  it.each(['automated', 'hybrid'] as const)(
    'a low-risk %s decision runs guided while the push is in the branch',
    (requested) => {
      const decision = guidedAfterPush({
        decision: effectiveMode({ requested, risk: LOW }),
        unvalidatedPush: PUSH,
      });
      expect(decision).toMatchObject({ requested, effective: 'guided', risk: LOW });
      expect(decision.explanation).toContain('It stays guided, though: the branch holds fffffff');
    },
  );

  it('with no push recorded, the decision is the classifier’s', () => {
    const decision = effectiveMode({ requested: 'automated', risk: LOW });
    expect(guidedAfterPush({ decision, unvalidatedPush: undefined })).toBe(decision);
  });

  it.each(['guided', 'manual'] as const)('a %s decision is left as it is', (requested) => {
    const decision = effectiveMode({ requested, risk: LOW });
    expect(guidedAfterPush({ decision, unvalidatedPush: PUSH })).toBe(decision);
  });
});
