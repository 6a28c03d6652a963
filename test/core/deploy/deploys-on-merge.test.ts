import { deploysOnMerge } from '../../../src/core/deploy/deploys-on-merge.js';
import { mergeDeployTarget } from '../../../src/core/deploy/merge-deploy-target.js';

describe('deploysOnMerge: only an automated, low-risk task deploys on merge (DESIGN §4)', () => {
  it.each([
    [{ effective_mode: 'automated', risk_level: 'low' }, true],
    // Hybrid judged low risk is recorded as automated.
    [{ effective_mode: 'automated' }, true],
    [{ effective_mode: 'automated', risk_level: 'high' }, false],
    [{ effective_mode: 'guided', risk_level: 'low' }, false],
    [{ effective_mode: 'manual', risk_level: 'low' }, false],
    [{ risk_level: 'low' }, false],
    // The task's state before the merge: live review states deploy, a stopped or failed task does not.
    [{ effective_mode: 'automated', risk_level: 'low', state: 'pr_open' }, true],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'approved' }, true],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'cancelled' }, false],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'cancelled', cancelled_by_close: true }, true],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'failed' }, false],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'generating' }, false],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'validating' }, false],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'received' }, false],
    [{ effective_mode: 'automated', risk_level: 'low', state: 'awaiting_input' }, false],
  ] as const)('%j → %s', (marker, deploys) => {
    expect(deploysOnMerge(marker).deploy).toBe(deploys);
  });

  it('says why not', () => {
    expect(deploysOnMerge({ effective_mode: 'guided' })).toEqual({
      deploy: false,
      reason: 'the task runs guided, so only `/deploy` deploys it',
    });
    expect(deploysOnMerge({ effective_mode: 'automated', state: 'cancelled' })).toEqual({
      deploy: false,
      reason: 'the task was stopped with `/cancel`, so only `/deploy` deploys it',
    });
    expect(deploysOnMerge({ effective_mode: 'automated', state: 'awaiting_input' })).toEqual({
      deploy: false,
      reason:
        'the task was waiting for a corrected request when its pull request was merged, so only `/deploy` deploys it',
    });
    expect(deploysOnMerge({})).toEqual({
      deploy: false,
      reason: 'the task has no recorded execution mode, so only `/deploy` deploys it',
    });
  });
});

describe('mergeDeployTarget: the recorded target, else the proven request’s, else the config’s first', () => {
  it.each([
    [
      { recorded: 'staging', requested: 'development', deployOrder: ['dev'] },
      { environment: 'staging', source: 'task' },
    ],
    [
      { recorded: undefined, requested: 'development', deployOrder: ['dev'] },
      { environment: 'development', source: 'request' },
    ],
    [
      { recorded: undefined, requested: undefined, deployOrder: ['dev', 'prod'] },
      { environment: 'dev', source: 'config' },
    ],
    [{ recorded: undefined, requested: undefined, deployOrder: [] }, undefined],
  ] as const)('%j → %j', (input, target) => {
    expect(mergeDeployTarget(input)).toEqual(target);
  });
});

describe('deploysOnMerge with the trust facts lost', () => {
  it('does not deploy an automated task whose record of who asked and pushed was lost (trust_lost)', () => {
    const decision = deploysOnMerge({ effective_mode: 'automated', risk_level: 'low', trust_lost: true });
    expect(decision).toEqual({ deploy: false, reason: expect.stringContaining('`trust_lost`') });
    expect(decision.deploy === false && decision.reason).toMatch(/only `\/deploy` deploys it$/);
  });
});
