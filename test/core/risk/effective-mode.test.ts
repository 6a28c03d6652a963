import { DEFAULT_CONFIG, agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { effectiveMode } from '../../../src/core/risk/effective-mode.js';
import { isProductionEnvironment } from '../../../src/core/risk/is-production-environment.js';
import type { RiskAssessment } from '../../../src/core/risk/risk-assessment.js';

const LOW: RiskAssessment = { level: 'low', reasons: [] };
const HIGH: RiskAssessment = {
  level: 'high',
  reasons: [
    {
      code: 'iam-resource',
      message: 'Creates or changes IAM resource Role (AWS::IAM::Role).',
      where: 't.yaml#Resources.Role',
    },
  ],
};

describe('effectiveMode', () => {
  it.each([
    ['automated', LOW, 'automated', 'Automated: every gate passed and the risk is low'],
    ['automated', HIGH, 'guided', 'Automated mode fell back to guided: high risk (1 reason below)'],
    ['hybrid', LOW, 'automated', 'Hybrid: low risk, so this runs automated'],
    [
      'hybrid',
      HIGH,
      'guided',
      'Hybrid: high risk (1 reason below), so this needs an approving review (guided)',
    ],
    ['guided', LOW, 'guided', 'Runs guided, as requested.'],
    ['guided', HIGH, 'guided', 'Runs guided, as requested.'],
    ['manual', HIGH, 'manual', 'Runs manual, as requested.'],
  ] as const)('%s at %o risk runs %s', (requested, risk, effective, explanation) => {
    const decision = effectiveMode({ requested, risk });
    expect(decision.effective).toBe(effective);
    expect(decision.requested).toBe(requested);
    expect(decision.explanation).toContain(explanation);
    expect(decision.risk).toBe(risk);
  });
});

describe('isProductionEnvironment', () => {
  const config = agentConfigSchema.parse({
    environments: { development: {}, live: { requires_approval: true }, prod: { requires_approval: false } },
  });
  it.each([
    ['production', DEFAULT_CONFIG, true],
    ['Production', DEFAULT_CONFIG, true],
    ['prod', config, true],
    ['live', config, true],
    ['staging', DEFAULT_CONFIG, false],
    ['development', config, false],
    // Was false: GitHub ignores case, so `PRODuctions` is the same environment; any `prod` counts (9n).
    ['productions', DEFAULT_CONFIG, true],
    ['preproduction', DEFAULT_CONFIG, false],
  ] as const)('%s → %s', (name, settings, expected) =>
    expect(isProductionEnvironment({ name, config: settings })).toBe(expected),
  );
});
