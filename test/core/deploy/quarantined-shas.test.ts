import type { DeploymentRecord } from '../../../src/core/deploy/deployment-record.js';
import { quarantinedShas } from '../../../src/core/deploy/quarantined-shas.js';

const record = (id: number, sha: string, everSucceeded: boolean, rollbackOf?: number): DeploymentRecord => ({
  id,
  sha: sha.repeat(40),
  ref: 'main',
  environment: 'production',
  createdAt: '2026-11-24T10:00:00Z',
  everSucceeded,
  dryRun: false,
  ...(rollbackOf === undefined ? {} : { rollbackOf }),
});

describe('quarantinedShas', () => {
  it('quarantines the sha a rollback replaced', () => {
    const history = [record(3, 'a', true, 2), record(2, 'b', true), record(1, 'a', true)];
    expect([...quarantinedShas(history).keys()]).toEqual(['b'.repeat(40)]);
  });

  it('releases a sha deployed successfully after its rollback', () => {
    const history = [
      record(4, 'b', true),
      record(3, 'a', true, 2),
      record(2, 'b', true),
      record(1, 'a', true),
    ];
    expect(quarantinedShas(history).size).toBe(0);
  });

  it('keeps it quarantined when the redeploy after the rollback failed', () => {
    const history = [record(4, 'b', false), record(3, 'a', true, 2), record(2, 'b', true)];
    expect(quarantinedShas(history).get('b'.repeat(40))?.id).toBe(2);
  });

  it('quarantines nothing without rollbacks', () => {
    expect(quarantinedShas([record(2, 'b', true), record(1, 'a', true)]).size).toBe(0);
  });
});
