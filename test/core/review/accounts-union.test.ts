import { accountMerged, accountsUnion } from '../../../src/core/review/accounts-union.js';
import { pushersAfter } from '../../../src/core/review/human-pushers-after.js';

// Review #10n: a login-only record of an account replaced the older record that kept its id, so
// after a rename the account's approval counted again.
describe('accountsUnion: one entry per account, no account id ever lost', () => {
  it('a login-only record joins the id-bearing one of its login and keeps its id and type', () => {
    expect(accountsUnion([{ login: 'mallory', id: 666, type: 'User' }, 'mallory'])).toEqual([
      { login: 'mallory', id: 666, type: 'User' },
    ]);
  });

  it('an id-bearing record takes in a login-only one of its login', () => {
    expect(accountsUnion(['Mallory', { login: 'mallory', id: 666 }])).toEqual([
      { login: 'mallory', id: 666 },
    ]);
  });

  it('two account ids under one login stay two entries', () => {
    expect(
      accountsUnion([
        { login: 'alice', id: 501 },
        { login: 'alice', id: 999 },
      ]),
    ).toEqual([
      { login: 'alice', id: 501 },
      { login: 'alice', id: 999 },
    ]);
  });

  it('the same id under a new login is one entry with the newer login, the newest last', () => {
    expect(accountsUnion([{ login: 'old', id: 7 }, 'bob', { login: 'new', id: 7 }])).toEqual([
      { login: 'bob' },
      { login: 'new', id: 7 },
    ]);
  });

  it('accountMerged keeps the older type when the newer gave none', () => {
    expect(accountMerged({ login: 'x', id: 1, type: 'Bot' }, { login: 'x', id: 1 })).toEqual({
      login: 'x',
      id: 1,
      type: 'Bot',
    });
  });
});

describe('pushersAfter: a later push known by login alone keeps the recorded id', () => {
  it('keeps mallory’s id when her push is recorded without one', () => {
    expect(
      pushersAfter([{ login: 'mallory', id: 666, type: 'User' }], [{ login: 'Mallory' }]).pushers,
    ).toEqual([{ login: 'mallory', id: 666, type: 'User' }]);
  });
});
