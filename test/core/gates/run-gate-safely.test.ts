import { runGateSafely } from '../../../src/core/gates/run-gate-safely.js';

describe('runGateSafely', () => {
  it('passes a gate with no findings and fails one with findings', () => {
    expect(runGateSafely({ gate: 'paths', check: () => [] })).toEqual({
      gate: 'paths',
      passed: true,
      findings: [],
    });
    const finding = { gate: 'limits' as const, message: 'too big' };
    expect(runGateSafely({ gate: 'limits', check: () => [finding] })).toEqual({
      gate: 'limits',
      passed: false,
      findings: [finding],
    });
  });

  it('turns an exception into a finding of that gate', () => {
    const result = runGateSafely({
      gate: 'template',
      check: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    });
    expect(result).toEqual({
      gate: 'template',
      passed: false,
      findings: [
        {
          gate: 'template',
          message:
            'the template gate could not finish checking the bundle: Cannot read properties of undefined',
        },
      ],
    });
  });

  it('copes with thrown values that are not errors', () => {
    const result = runGateSafely({
      gate: 'typescript',
      check: () => {
        throw 'plain string';
      },
    });
    expect(result.findings[0]?.message).toContain('plain string');
  });
});
