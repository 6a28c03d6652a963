import { isBotAccount, type Account } from './account.js';
import type { ForeignPush } from './foreign-push.js';
import type { LastPush } from './last-push.js';

/** What a task records of the pushes to its branch, as its review policy carries it (`reviewPolicyFor`). */
export interface PushRecord {
  /** The newest push the task recorded (marker `last_push`, or the push this run knows). */
  readonly lastPush: LastPush | undefined;
  /** Set when the marker predates push records: the commits it records as the agent's own. */
  readonly unrecordedPushes?: { readonly agentCommits: readonly string[] };
  /** Pushes someone other than the agent made, and who as GitHub said (marker `foreign_pushes`). */
  readonly foreignPushes?: readonly ForeignPush[];
  /** A head someone other than the agent pushed, under or at the head (marker `unvalidated_push`). */
  readonly unvalidatedPush?: string;
}

/** Who pushed `head`: the agent, a login GitHub named, nobody knows, or no task (no pusher rule). */
export type HeadPusher =
  | { readonly kind: 'agent' }
  | { readonly kind: 'named'; readonly login: string; readonly id?: number }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'no-task' };

const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The account a foreign push names, when it names one: its login, id and type as recorded. */
const pusherOf = (entry: ForeignPush): Account | undefined =>
  entry.login === undefined
    ? undefined
    : {
        login: entry.login,
        ...(entry.id === undefined ? {} : { id: entry.id }),
        ...(entry.type === undefined ? {} : { type: entry.type }),
      };

const namedPusher = (account: Account): HeadPusher => ({
  kind: 'named',
  login: account.login,
  ...(account.id === undefined ? {} : { id: account.id }),
});

/**
 * A push whose pusher names a person: not a bot's (`isBotAccount`: a GitHub App, Actions or other
 * `type: Bot` account; any writer can make one push, e.g. a workflow they add commits with its
 * `GITHUB_TOKEN`).
 */
const namesPerson = (account: Account | undefined): account is Account =>
  account !== undefined && !isBotAccount(account);

/**
 * Who pushed `head` as the task's record says: the recorded push of that head (`lastPush`: the
 * agent, or the `synchronize` sender), else a foreign push of that head whose pusher GitHub named,
 * else — for a marker written before pushes were recorded — the agent when the head is a commit it
 * recorded as its own. Anything else is unknown, a push by a bot other than the agent too (it names
 * no person: lead's decision, review #9g), told by its recorded account type (`Copilot` is `type:
 * Bot` without the `[bot]` suffix), else by the suffix (`isBotAccount`). No record at all (no task): `no-task`. Pure.
 */
export function headPusher(record: PushRecord, head: string): HeadPusher {
  const push = record.lastPush;
  if (push !== undefined && same(push.sha, head)) {
    if (push.by.kind === 'agent') return { kind: 'agent' };
    const account = { login: push.by.login, ...(push.by.id === undefined ? {} : { id: push.by.id }) };
    return push.by.kind === 'bot' || !namesPerson(account) ? { kind: 'unknown' } : namedPusher(account);
  }
  const entry = record.foreignPushes?.find((known) => same(known.sha, head));
  const named = entry === undefined ? undefined : pusherOf(entry);
  if (named !== undefined) return namesPerson(named) ? namedPusher(named) : { kind: 'unknown' };
  if (push === undefined) {
    const agentCommits = record.unrecordedPushes?.agentCommits;
    if (agentCommits === undefined) return { kind: 'no-task' };
    if (agentCommits.some((sha) => same(sha, head))) return { kind: 'agent' };
  }
  return { kind: 'unknown' };
}

/**
 * The pushes on the task's branch, at or under `head`, whose pusher nobody can name (DESIGN §5b:
 * whoever pushed a change does not approve it, so an approval may be that pusher's own): the head
 * when `headPusher` says unknown, the person's push the branch carries (`unvalidatedPush`: a push no
 * event named, found under the agent's commit) unless GitHub named its pusher, and every foreign
 * push GitHub could not name. Lowercase, without repeats, the head first. Empty for no task. Pure.
 */
export function unknownPusherPushes(record: PushRecord, head: string): string[] {
  const pusher = headPusher(record, head);
  if (pusher.kind === 'no-task') return [];
  const push = record.lastPush;
  const named = (sha: string) =>
    (push !== undefined && push.by.kind === 'human' && namesPerson(push.by) && same(push.sha, sha)) ||
    (record.foreignPushes ?? []).some((entry) => namesPerson(pusherOf(entry)) && same(entry.sha, sha));
  const shas = [
    ...(pusher.kind === 'unknown' ? [head] : []),
    ...(record.unvalidatedPush !== undefined && !named(record.unvalidatedPush)
      ? [record.unvalidatedPush]
      : []),
    ...(record.foreignPushes ?? [])
      .filter((entry) => !namesPerson(pusherOf(entry)) && !named(entry.sha))
      .map((entry) => entry.sha),
  ];
  return [...new Set(shas.map((sha) => sha.toLowerCase()))];
}
