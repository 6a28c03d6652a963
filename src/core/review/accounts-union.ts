import { accountOf, sameAccount, type Account, type RecordedAccount } from './account.js';

/**
 * Two records of one account (`sameAccount`) as one that loses nothing either knew: `newer`'s
 * login, and the account id and type of whichever has one (`newer`'s first). So a record by login
 * alone (a marker written before ids were kept, a push whose pusher GitHub gave no id) never wipes
 * the id an older record kept: that id is what still sets the account aside after a rename. Pure.
 */
export function accountMerged(older: Account, newer: Account): Account {
  const id = newer.id ?? older.id;
  const type = newer.type ?? older.type;
  return {
    login: newer.login,
    ...(id === undefined ? {} : { id }),
    ...(type === undefined ? {} : { type }),
  };
}

/**
 * `entries` (oldest first) with one entry per account: records of the same account (`sameAccount`:
 * by id when both have one, else by login) merged (`accountMerged`) and put where the newest of
 * them was. Two ids under one login stay two entries; a login-only record joins one id-bearing
 * record of its login instead of replacing it. None is dropped: callers judge their bound. Pure.
 */
export function accountsUnion(entries: readonly RecordedAccount[]): Account[] {
  const all: Account[] = [];
  for (const entry of entries) {
    const account = accountOf(entry);
    const at = all.findIndex((known) => sameAccount(known, account));
    const known = at >= 0 ? all.splice(at, 1)[0] : undefined;
    all.push(known === undefined ? account : accountMerged(known, account));
  }
  return all;
}
