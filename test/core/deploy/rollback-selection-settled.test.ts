import type { DeploymentRecord } from '../../../src/core/deploy/deployment-record.js';
import { isRollbackSelectionSettled } from '../../../src/core/deploy/rollback-selection-settled.js';
import type { NoRollbackReason } from '../../../src/core/deploy/select-rollback-target.js';

const deployment: DeploymentRecord = {
  id: 1,
  sha: 'a'.repeat(40),
  ref: 'a'.repeat(40),
  environment: 'staging',
  createdAt: '2026-11-24T10:00:00Z',
  everSucceeded: true,
  dryRun: false,
};
const nothing = (reason: NoRollbackReason) => ({ kind: 'nothing' as const, reason, message: '' });

describe('isRollbackSelectionSettled', () => {
  it('stops at a target: older deployments cannot be newer than it', () => {
    expect(isRollbackSelectionSettled({ selection: { kind: 'target', deployment } })).toBe(true);
  });

  it.each<[NoRollbackReason, boolean]>([
    ['invalid-sha', true],
    ['ambiguous-sha', true],
    ['already-current', true],
    ['other-environment', true],
    ['no-deployments', false],
    ['no-successful', false],
    ['no-previous', false],
    ['not-found', false],
    ['never-succeeded', false],
    ['dry-run', false],
  ])('for a sha, “%s” settled: %s', (reason, settled) => {
    expect(
      isRollbackSelectionSettled({ selection: nothing(reason), target: { kind: 'sha', sha: 'abcdef1' } }),
    ).toBe(settled);
  });

  it.each<NoRollbackReason>(['never-succeeded', 'dry-run'])(
    'for a deployment id, “%s” is settled',
    (reason) => {
      expect(
        isRollbackSelectionSettled({ selection: nothing(reason), target: { kind: 'deployment', id: 1 } }),
      ).toBe(true);
    },
  );
});
