import { deploysOnMerge } from '../../../src/core/deploy/deploys-on-merge.js';

describe('deploysOnMerge: only an automated, low-risk task with a target deploys on merge (DESIGN §4)', () => {
  it.each([
    [{ effective_mode: 'automated', risk_level: 'low', environment: 'staging' }, true],
    // Hybrid judged low risk is recorded as automated.
    [{ effective_mode: 'automated', environment: 'development' }, true],
    [{ effective_mode: 'automated', risk_level: 'high', environment: 'staging' }, false],
    [{ effective_mode: 'guided', risk_level: 'low', environment: 'staging' }, false],
    [{ effective_mode: 'manual', risk_level: 'low', environment: 'staging' }, false],
    [{ risk_level: 'low', environment: 'staging' }, false],
    [{ effective_mode: 'automated', risk_level: 'low' }, false],
  ] as const)('%j → %s', (marker, deploys) => {
    expect(deploysOnMerge(marker).deploy).toBe(deploys);
  });

  it('names the target environment, and says why not otherwise', () => {
    expect(deploysOnMerge({ effective_mode: 'automated', environment: 'staging' })).toEqual({
      deploy: true,
      environment: 'staging',
    });
    expect(deploysOnMerge({ effective_mode: 'guided', environment: 'staging' })).toEqual({
      deploy: false,
      reason: 'the task runs guided, so only `/deploy` deploys it',
    });
  });
});
