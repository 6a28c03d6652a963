// Review #9h: a `synchronize` whose `before` is not the recorded head hides pushes no event named.
import { unseenPushUnder } from '../../../src/core/review/unseen-push-under.js';
import { isBotAccount, mayBeAccount } from '../../../src/core/review/account.js';

const sha = (c: string) => c.repeat(40);
const agentAt = (head: string) => ({ last_push: { sha: head, by: { kind: 'agent' as const } } });

describe('unseenPushUnder', () => {
  it('returns `before` when it is not the recorded head', () => {
    expect(unseenPushUnder({ marker: agentAt(sha('b')), before: sha('E'), after: sha('c') })).toBe(sha('e'));
  });

  it.each([
    ['before is the recorded head', agentAt(sha('b')), sha('b'), sha('c')],
    ['the pushed head is recorded already', agentAt(sha('c')), sha('e'), sha('c')],
    [
      'before is a recorded push',
      { ...agentAt(sha('b')), foreign_pushes: [{ sha: sha('e') }] },
      sha('e'),
      sha('c'),
    ],
    ['the push created the branch', agentAt(sha('b')), sha('0'), sha('c')],
    ['no before', agentAt(sha('b')), undefined, sha('c')],
    ['a marker from before pushes were recorded', {}, sha('e'), sha('c')],
  ])('nothing when %s', (_name, marker, before, after) => {
    expect(unseenPushUnder({ marker, before, after })).toBeUndefined();
  });
});

describe('accounts (review #9h)', () => {
  it('tells a bot by its type first, by the `[bot]` suffix for older records', () => {
    expect(isBotAccount({ login: 'Copilot', type: 'Bot' })).toBe(true);
    expect(isBotAccount({ login: 'renovate[bot]' })).toBe(true);
    expect(isBotAccount({ login: 'alice', type: 'User' })).toBe(false);
  });

  it('sets aside a renamed account by its id, and a login by login', () => {
    expect(mayBeAccount({ login: 'mallory-2', id: 5 }, { login: 'mallory', id: 5 })).toBe(true);
    expect(mayBeAccount({ login: 'MALLORY' }, { login: 'mallory', id: 5 })).toBe(true);
    expect(mayBeAccount({ login: 'bob', id: 6 }, { login: 'mallory', id: 5 })).toBe(false);
  });
});
