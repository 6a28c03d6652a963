import { headAtRequest } from '../../../src/core/deploy/head-at-request.js';

const REQUESTED = '2026-11-24T10:00:00Z';
const HEAD = 'a'.repeat(40);
const PARENT = 'b'.repeat(40);
const OLDEST = 'c'.repeat(40);
const NO_COMMIT = '0'.repeat(40);

const push = (before: string, after: string, timestamp: string) => ({ before, after, timestamp });

describe('headAtRequest: from the branch’s updates', () => {
  it('proves the head when its last update came before the command', () => {
    expect(
      headAtRequest({
        requestedAt: REQUESTED,
        currentHead: HEAD,
        activity: [push(PARENT, HEAD, '2026-11-24T09:00:00Z')],
      }),
    ).toEqual({ kind: 'proven', sha: HEAD });
  });

  it('counts an update at the very second of the command as before it', () => {
    expect(
      headAtRequest({ requestedAt: REQUESTED, currentHead: HEAD, activity: [push(PARENT, HEAD, REQUESTED)] }),
    ).toEqual({
      kind: 'proven',
      sha: HEAD,
    });
  });

  // The example: a commit pushed after /deploy with a back-dated committer date. The commit's
  // date plays no part; GitHub's timestamp of the push does.
  it('finds a push after the command, and what the branch held before it', () => {
    expect(
      headAtRequest({
        requestedAt: REQUESTED,
        currentHead: HEAD,
        activity: [push(PARENT, HEAD, '2026-11-24T10:05:00Z'), push(OLDEST, PARENT, '2026-11-24T09:00:00Z')],
      }),
    ).toEqual({ kind: 'moved', reason: 'pushed', movedAt: '2026-11-24T10:05:00Z', shaAtRequest: PARENT });
  });

  it('takes the first of several pushes after the command, whatever order they are listed in', () => {
    expect(
      headAtRequest({
        requestedAt: REQUESTED,
        currentHead: HEAD,
        activity: [
          push(OLDEST, PARENT, '2026-11-24T10:01:00Z'),
          push(PARENT, HEAD, '2026-11-24T10:02:00Z'),
          push('d'.repeat(40), OLDEST, '2026-11-24T09:00:00Z'),
        ],
      }),
    ).toMatchObject({ kind: 'moved', movedAt: '2026-11-24T10:01:00Z', shaAtRequest: OLDEST });
  });

  it('knows no earlier sha when the branch was created after the command', () => {
    expect(
      headAtRequest({
        requestedAt: REQUESTED,
        currentHead: HEAD,
        activity: [push(NO_COMMIT, HEAD, '2026-11-24T10:01:00Z')],
      }),
    ).toEqual({ kind: 'moved', reason: 'pushed', movedAt: '2026-11-24T10:01:00Z' });
  });

  it('does not take updates that have not caught up with the head as proof; it falls back to check suites', () => {
    const lagging = [push(OLDEST, PARENT, '2026-11-24T09:00:00Z')];
    expect(headAtRequest({ requestedAt: REQUESTED, currentHead: HEAD, activity: lagging })).toEqual({
      kind: 'unproven',
    });
    expect(
      headAtRequest({
        requestedAt: REQUESTED,
        currentHead: HEAD,
        activity: lagging,
        checkSuites: [{ created_at: '2026-11-24T10:03:00Z' }],
      }),
    ).toEqual({ kind: 'moved', reason: 'pushed', movedAt: '2026-11-24T10:03:00Z' });
  });
});

describe('headAtRequest: from check suites', () => {
  it.each([
    [
      'the first suite before the command',
      ['2026-11-24T10:30:00Z', '2026-11-24T09:59:00Z'],
      { kind: 'proven', sha: HEAD },
    ],
    [
      'every suite after the command',
      ['2026-11-24T10:30:00Z', '2026-11-24T10:04:00Z'],
      { kind: 'moved', reason: 'pushed', movedAt: '2026-11-24T10:04:00Z' },
    ],
    ['no suite at all', [], { kind: 'unproven' }],
  ])('%s', (_case, createdAt, expected) => {
    const checkSuites = createdAt.map((created_at) => ({ created_at }));
    expect(headAtRequest({ requestedAt: REQUESTED, currentHead: HEAD, checkSuites })).toEqual(expected);
  });

  it('is unproven when GitHub answered neither', () => {
    expect(headAtRequest({ requestedAt: REQUESTED, currentHead: HEAD })).toEqual({ kind: 'unproven' });
  });
});

describe('headAtRequest: a merged pull request', () => {
  it.each([
    ['merged before the command', '2026-11-24T09:30:00Z', { kind: 'proven', sha: 'f'.repeat(40) }],
    [
      'merged after the command',
      '2026-11-24T10:10:00Z',
      { kind: 'moved', reason: 'merged', movedAt: '2026-11-24T10:10:00Z' },
    ],
  ])('%s', (_case, mergedAt, expected) => {
    expect(
      headAtRequest({ requestedAt: REQUESTED, currentHead: HEAD, merged: { sha: 'f'.repeat(40), mergedAt } }),
    ).toEqual(expected);
  });
});
