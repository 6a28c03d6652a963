import type { DeployLock } from '../../../src/core/stores/deploy-lock-store.js';
import { describeLockHolder } from '../../../src/aws/dynamodb/describe-lock-holder.js';

const ACQUIRED = Date.parse('2026-11-24T10:00:00.000Z');
const MINUTE = 60_000;

const lock: DeployLock = {
  environment: 'production',
  repository: 'octo-org/orders-api',
  holder: 'alice',
  ref: 'main',
  sha: 'abc1234def5678abc1234def5678abc1234def56',
  deploymentId: 42,
  runUrl: 'https://github.com/octo-org/orders-api/actions/runs/7',
  acquiredAt: '2026-11-24T10:00:00.000Z',
  expiresAt: ACQUIRED / 1000 + 3600,
  token: 'secret-token',
};

describe('describeLockHolder', () => {
  it('says who holds the lock, since when, for what, until when and how to break it', () => {
    expect(describeLockHolder(lock, ACQUIRED + 12 * MINUTE)).toBe(
      '`production` is locked by @alice since 2026-11-24 10:00 UTC (12 minutes ago) for `main` (`abc1234`)' +
        ' — deployment 42, [run](https://github.com/octo-org/orders-api/actions/runs/7).' +
        ' It expires at 2026-11-24 11:00 UTC (in 48 minutes); a write user can `/unlock production`.',
    );
  });

  it('never shows the token that proves ownership', () => {
    expect(describeLockHolder(lock, ACQUIRED)).not.toContain('secret-token');
  });

  it('leaves out the deployment and run when the lock has none', () => {
    const { deploymentId: _deploymentId, runUrl: _runUrl, ...bare } = lock;
    expect(describeLockHolder(bare, ACQUIRED + 30_000)).toBe(
      '`production` is locked by @alice since 2026-11-24 10:00 UTC (just now) for `main` (`abc1234`).' +
        ' It expires at 2026-11-24 11:00 UTC (in 59 minutes); a write user can `/unlock production`.',
    );
  });

  it('counts long-held locks in hours and days, and says when a lock already expired', () => {
    const longLock = { ...lock, expiresAt: ACQUIRED / 1000 + 3 * 24 * 3600 };
    expect(describeLockHolder(longLock, ACQUIRED + 5 * 60 * MINUTE)).toContain('(5 hours ago)');
    expect(describeLockHolder(longLock, ACQUIRED + 5 * 60 * MINUTE)).toContain('(in 2 days)');
    expect(describeLockHolder(lock, ACQUIRED + 61 * MINUTE)).toContain(
      'It expired at 2026-11-24 11:00 UTC (1 minute ago)',
    );
  });

  it('mentions nobody but a holder whose name is a GitHub login', () => {
    const hostile: DeployLock = {
      ...lock,
      holder: 'mallory @everyone',
      environment: 'prod` @octo-org/admins `x',
      ref: 'feature/@bob\nping',
    };
    const text = describeLockHolder(hostile, ACQUIRED);
    // Outside code spans, no raw @ survives; inside them, GitHub does not link mentions.
    const outsideCode = text.replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toMatch(/@\w/);
    expect(text).toContain('``prod` @octo-org/admins `x``');
    expect(text).toContain('`feature/@bob\\u000aping`');
    expect(text).not.toContain('\n');
  });

  it('keeps a backtick in user text from ending the code span early', () => {
    const text = describeLockHolder({ ...lock, environment: '`staging`' }, ACQUIRED);
    expect(text.startsWith('`` `staging` `` is locked')).toBe(true);
    expect(text).toContain('a write user can `` /unlock `staging` ``.');
  });

  it('links only http(s) run URLs and keeps a parenthesis from ending the link', () => {
    expect(describeLockHolder({ ...lock, runUrl: 'javascript:alert(1)' }, ACQUIRED)).not.toContain('[run]');
    expect(describeLockHolder({ ...lock, runUrl: 'not a url' }, ACQUIRED)).not.toContain('[run]');
    expect(describeLockHolder({ ...lock, runUrl: 'https://ci.example/run)(x' }, ACQUIRED)).toContain(
      '[run](https://ci.example/run%29%28x)',
    );
  });
});
