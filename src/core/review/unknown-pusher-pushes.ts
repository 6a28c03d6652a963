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
  | { readonly kind: 'named'; readonly login: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'no-task' };

const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * A GitHub App or Actions account (`github-actions[bot]`, `<app>[bot]`): its push names no person,
 * since any writer can make one push (a workflow they add commits with its `GITHUB_TOKEN`).
 */
const isBot = (login: string) => /\[bot\]$/i.test(login);

/**
 * Who pushed `head` as the task's record says: the recorded push of that head (`lastPush`: the
 * agent, or the `synchronize` sender), else a foreign push of that head whose pusher GitHub named,
 * else — for a marker written before pushes were recorded — the agent when the head is a commit it
 * recorded as its own. Anything else is unknown, a push by a bot other than the agent too (it names
 * no person: lead's decision, review #9g). No record at all (no task): `no-task`. Pure.
 */
export function headPusher(record: PushRecord, head: string): HeadPusher {
  const push = record.lastPush;
  if (push !== undefined && same(push.sha, head))
    return push.by.kind === 'agent'
      ? { kind: 'agent' }
      : push.by.kind === 'bot' || isBot(push.by.login)
        ? { kind: 'unknown' }
        : { kind: 'named', login: push.by.login };
  const named = record.foreignPushes?.find((entry) => same(entry.sha, head))?.login;
  if (named !== undefined) return isBot(named) ? { kind: 'unknown' } : { kind: 'named', login: named };
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
    (push !== undefined && push.by.kind === 'human' && !isBot(push.by.login) && same(push.sha, sha)) ||
    (record.foreignPushes ?? []).some(
      (entry) => entry.login !== undefined && !isBot(entry.login) && same(entry.sha, sha),
    );
  const shas = [
    ...(pusher.kind === 'unknown' ? [head] : []),
    ...(record.unvalidatedPush !== undefined && !named(record.unvalidatedPush)
      ? [record.unvalidatedPush]
      : []),
    ...(record.foreignPushes ?? [])
      .filter((entry) => (entry.login === undefined || isBot(entry.login)) && !named(entry.sha))
      .map((entry) => entry.sha),
  ];
  return [...new Set(shas.map((sha) => sha.toLowerCase()))];
}
