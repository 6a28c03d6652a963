import { z } from 'zod';

/**
 * A GitHub account as the task records it: its login when recorded, GitHub's numeric account `id`
 * (stays through a rename, unlike the login) and `type` (`User`, `Bot`, `Organization`) when the
 * webhook's `sender` or the activity's `actor` gave them. Markers written before ids and types were
 * kept hold the login alone.
 */
export const accountSchema = z.strictObject({
  login: z.string().min(1).max(100),
  id: z.number().int().positive().optional(),
  type: z.string().min(1).max(40).optional(),
});

export type Account = z.infer<typeof accountSchema>;

/** An account as a marker list holds it: a bare login (older markers) or an `Account`. */
export type RecordedAccount = string | Account;

/** `entry` as an `Account`: a bare login is an account of that login. */
export function accountOf(entry: RecordedAccount): Account {
  return typeof entry === 'string' ? { login: entry } : entry;
}

/**
 * The same GitHub account: by account id when both sides have one (a login changes with a rename,
 * and a freed login may be taken by someone else), else by login, case-insensitively as GitHub
 * compares them. Undefined `b`: not the same.
 */
export function sameAccount(
  a: { readonly login: string; readonly id?: number | undefined },
  b: { readonly login: string; readonly id?: number | undefined } | undefined,
): boolean {
  if (b === undefined) return false;
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.login.toLowerCase() === b.login.toLowerCase();
}

/**
 * Whether an approval by `reviewer` may be one by the recorded account `recorded`, for setting it
 * aside (the requester's, a pusher's): the same account id, or the same login (case-insensitive).
 * Wider than `sameAccount` on purpose: a login that moved to another account after a rename still
 * sets its new holder's approval aside, which only ever asks for another writer's approval.
 */
export function mayBeAccount(
  reviewer: { readonly login: string; readonly id?: number | undefined },
  recorded: { readonly login: string; readonly id?: number | undefined } | undefined,
): boolean {
  if (recorded === undefined) return false;
  if (reviewer.id !== undefined && reviewer.id === recorded.id) return true;
  return reviewer.login.toLowerCase() === recorded.login.toLowerCase();
}

/**
 * A GitHub App, Actions or other machine account: `type` other than `User` as GitHub says (its
 * Copilot coding agent pushes as `Copilot`, type `Bot`, no suffix), or a `[bot]` login (GitHub's
 * suffix for App accounts; what older markers, which kept no type, have to go by). A bot's push
 * names no person, since any writer can make one push.
 */
export function isBotAccount(account: {
  readonly login: string;
  readonly type?: string | undefined;
}): boolean {
  return (account.type !== undefined && account.type !== 'User') || /\[bot\]$/i.test(account.login);
}
