import { runAsyncGateSafely } from '../../../src/core/gates/run-async-gate-safely.js';

describe('runAsyncGateSafely', () => {
  it('passes a gate with no findings and fails one with findings', async () => {
    expect(await runAsyncGateSafely({ gate: 'secrets', check: async () => [] })).toEqual({
      gate: 'secrets',
      passed: true,
      findings: [],
    });
    const finding = { gate: 'secrets' as const, path: 'src/a.ts', message: 'line 1, column 1: Slack token' };
    expect(await runAsyncGateSafely({ gate: 'secrets', check: async () => [finding] })).toEqual({
      gate: 'secrets',
      passed: false,
      findings: [finding],
    });
  });

  it('turns a rejection, or a throw before any promise, into a finding of that gate', async () => {
    const rejected = await runAsyncGateSafely({
      gate: 'secrets',
      check: () => Promise.reject(new Error('scanner crashed')),
    });
    const thrown = await runAsyncGateSafely({
      gate: 'secrets',
      check: () => {
        throw new TypeError('no bundle');
      },
    });

    expect(rejected).toEqual({
      gate: 'secrets',
      passed: false,
      findings: [
        {
          gate: 'secrets',
          message: 'the secrets gate could not finish checking the bundle: scanner crashed',
        },
      ],
    });
    expect(thrown.findings[0]?.message).toBe(
      'the secrets gate could not finish checking the bundle: no bundle',
    );
  });
});
