import {
  assertDeployTransition,
  canDeployTransition,
  DEPLOY_STATES,
  IllegalDeployTransitionError,
} from '../../../src/core/state/deploy-state.js';

describe('per-environment deploy state transitions', () => {
  it.each([
    [undefined, 'deploying'],
    ['deploying', 'deployed'],
    ['deploying', 'deploy_failed'],
    ['deploying', 'rolled_back'],
    // A run that died before recording its end blocks nothing: the next deployment supersedes it.
    ['deploying', 'deploying'],
    ['deployed', 'deploying'],
    ['deployed', 'rolled_back'],
    // A failed deploy blocks nothing: the environment may be deployed again, or rolled back.
    ['deploy_failed', 'deploying'],
    ['deploy_failed', 'rolled_back'],
    ['rolled_back', 'deploying'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canDeployTransition(from, to)).toBe(true);
    expect(() => assertDeployTransition({ environment: 'staging', from, to })).not.toThrow();
  });

  it.each([
    [undefined, 'deployed'],
    [undefined, 'deploy_failed'],
    [undefined, 'rolled_back'],
    ['deployed', 'deploy_failed'],
    ['rolled_back', 'deployed'],
    ['deploy_failed', 'deployed'],
  ] as const)('refuses %s → %s, naming the environment and the allowed moves', (from, to) => {
    expect(canDeployTransition(from, to)).toBe(false);
    const attempt = () => assertDeployTransition({ environment: 'staging', from, to });
    expect(attempt).toThrow(IllegalDeployTransitionError);
    expect(attempt).toThrow(/staging.*allowed: /);
  });

  it('lets every state deploy again', () => {
    for (const state of DEPLOY_STATES) expect(canDeployTransition(state, 'deploying')).toBe(true);
  });
});
