import { decideMergeWhenGreen } from '../../../src/core/review/decide-merge-when-green.js';
import type { ChecksVerdict } from '../../../src/core/checks/combine-checks.js';

const SHA = 'a'.repeat(40);
const green: ChecksVerdict = { state: 'success', failing: [], pending: [], validation: 'success' };
const base = {
  marker: {
    effective_mode: 'automated',
    risk_level: 'low',
    last_push: { sha: SHA, by: { kind: 'agent' } },
  } as const,
  pull: { open: true, draft: false, headSha: SHA, baseRef: 'main' },
  targetBase: 'main',
  sha: SHA,
  checks: green,
  approval: { changesRequestedBy: [] as string[] },
};

describe('decideMergeWhenGreen', () => {
  it('merges the judged head of an open automated PR whose CI is green', () => {
    expect(decideMergeWhenGreen(base)).toEqual({ merge: true, sha: SHA });
  });

  it.each([
    ['guided task', { marker: { effective_mode: 'guided' as const } }, 'not automated'],
    [
      'high risk',
      { marker: { effective_mode: 'automated' as const, risk_level: 'high' as const } },
      // Not "the task runs automated, not automated": the log says what actually stopped it.
      'judged high risk',
    ],
    ['closed', { pull: { ...base.pull, open: false } }, 'not open'],
    ['draft', { pull: { ...base.pull, draft: true } }, 'draft'],
    ['head moved', { pull: { ...base.pull, headSha: 'b'.repeat(40) } }, 'head moved'],
    // Someone retargeted the pull request: green everywhere, but not the branch the task was for.
    ['retargeted', { pull: { ...base.pull, baseRef: 'release-1' } }, 'now targets release-1, not main'],
    ['target differs only in case', { targetBase: 'Main' }, 'not Main'],
    ['changes requested', { approval: { changesRequestedBy: ['octo'] } }, 'octo'],
    [
      'failing',
      { checks: { ...green, state: 'failure' as const, failing: ['ci/jenkins'] } },
      'failing: ci/jenkins',
    ],
    [
      'pending',
      { checks: { ...green, state: 'pending' as const, pending: ['build'] } },
      'still running: build',
    ],
    ['no CI', { checks: { ...green, state: 'none' as const } }, 'no check or status'],
    // A person pushed to the automated task's branch: green CI, but the agent never validated it.
    ['head never validated', { checks: { ...green, validation: 'none' as const } }, 'never validated'],
    ['validation failed', { checks: { ...green, validation: 'failure' as const } }, 'validation failed'],
    ['validation running', { checks: { ...green, validation: 'pending' as const } }, 'still running'],
    // The branch force-pushed back to an earlier commit of the agent's: it passed its check once,
    // but the task recorded a newer one (review #9f).
    [
      'an earlier agent commit, not the newest recorded',
      { marker: { ...base.marker, last_push: { sha: 'c'.repeat(40), by: { kind: 'agent' as const } } } },
      'not the newest commit',
    ],
    [
      "a person's recorded push",
      { marker: { ...base.marker, last_push: { sha: SHA, by: { kind: 'human' as const, login: 'octo' } } } },
      'not the newest commit',
    ],
    [
      'a head recorded as unvalidated',
      { marker: { ...base.marker, unvalidated_push: SHA } },
      'not the newest',
    ],
    [
      'a marker that records no commit of the agent',
      { marker: { effective_mode: 'automated' as const, risk_level: 'low' as const } },
      'not the newest',
    ],
  ])('does not merge: %s', (_name, change, reason) => {
    const decision = decideMergeWhenGreen({ ...base, ...change });
    expect(decision.merge).toBe(false);
    expect(decision.merge ? '' : decision.reason).toContain(reason);
  });
});

describe('decideMergeWhenGreen with the trust facts lost', () => {
  it('does not merge an automated task whose record of who asked and pushed was lost (trust_lost)', () => {
    const decision = decideMergeWhenGreen({ ...base, marker: { ...base.marker, trust_lost: true } });
    expect(decision).toEqual({ merge: false, reason: expect.stringContaining('`trust_lost`') });
  });
});
