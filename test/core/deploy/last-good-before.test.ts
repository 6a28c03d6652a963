import type { DeploymentRecord } from '../../../src/core/deploy/deployment-record.js';
import { lastGoodBefore } from '../../../src/core/deploy/last-good-before.js';

const record = (
  id: number,
  sha: string,
  everSucceeded: boolean,
  environment = 'staging',
): DeploymentRecord => ({
  id,
  sha: sha.repeat(40),
  ref: 'main',
  environment,
  createdAt: `2026-11-24T10:${String(id).padStart(2, '0')}:00Z`,
  everSucceeded,
  dryRun: false,
});

describe('lastGoodBefore', () => {
  const failed = { id: 40, sha: 'd'.repeat(40), environment: 'staging' };

  it('returns the newest earlier deployment of the environment that succeeded', () => {
    const history = [
      record(40, 'd', false),
      record(39, 'c', false),
      record(38, 'b', true),
      record(37, 'a', true),
    ];
    expect(lastGoodBefore({ history, failed })?.id).toBe(38);
  });

  it('skips other environments, the same sha and later deployments', () => {
    const history = [
      record(41, 'e', true),
      record(40, 'd', false),
      record(39, 'c', true, 'production'),
      record(38, 'd', true),
      record(36, 'a', true),
    ];
    expect(lastGoodBefore({ history, failed })?.id).toBe(36);
  });

  it('finds nothing when nothing earlier succeeded', () => {
    expect(
      lastGoodBefore({ history: [record(40, 'd', false), record(39, 'c', false)], failed }),
    ).toBeUndefined();
  });
});
