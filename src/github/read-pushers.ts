import { z } from 'zod';
import { readPages } from './read-all-pages.js';

export interface PushActivityClient {
  repos: {
    listActivities(p: {
      owner: string;
      repo: string;
      ref: string;
      direction: 'desc';
      per_page: number;
      after?: string;
      before?: string;
    }): Promise<{ data: unknown[]; headers?: { link?: string | undefined } }>;
  };
}

/** Who GitHub says pushed a head: the activity's `actor` (`type` is `User` or `Bot`; `id` its account id). */
export interface Pusher {
  readonly login: string;
  readonly type: string;
  readonly id?: number;
}

/** The answer: the pusher of each sha GitHub named, and why the others are unknown (for the log). */
export interface PushersFound {
  readonly pushers: ReadonlyMap<string, Pusher>;
  readonly unknown?: string;
  /**
   * Every other push under the newest asked sha, down to the agent's previous update of the branch
   * (newest first): a push no event told the agent of either, with its pusher (`login`) when the
   * activity names one. Two unseen pushes leave one `unvalidated_push`; this finds the rest.
   */
  readonly earlier?: readonly { readonly sha: string; readonly pusher?: Pusher }[];
}

/** Updates a page: the most the endpoint gives. */
const PER_PAGE = 100;
/**
 * Pages read: the branch's newest 300 updates. The list is anyone-with-write's input (each push
 * adds one) and is read on every sync that has a push to name, so it is bounded; a task branch
 * sees a handful of pushes, and the push to name is among its newest. Past it: unknown.
 */
export const MAX_ACTIVITY_PAGES = 3;

/**
 * Activities that made the branch point at `after`, by their actor. The list is filtered to the
 * task branch's ref, so every update in it moved that branch: a push, a force push, its creation,
 * and a pull request merged into it (`pr_merge`, by whoever pressed merge) or by a merge queue
 * (`merge_queue_merge`) — GitHub's REST "List repository activities" `activity_type` values. Only
 * `branch_deletion` leaves no head (its `after` is all zeros, which no asked sha is).
 */
const PUSHES: ReadonlySet<string> = new Set([
  'push',
  'force_push',
  'branch_creation',
  'pr_merge',
  'merge_queue_merge',
]);

const activitySchema = z.object({
  after: z.string().max(64),
  activity_type: z.string(),
  actor: z
    .object({
      login: z.string().min(1).max(100),
      id: z.number().int().positive().optional(),
      type: z.string().min(1).max(40).optional(),
    })
    .nullable(),
});

/**
 * Who pushed each of `shas` to `branch`, from GitHub's record of the branch's updates ("List
 * repository activities", `GET /repos/{owner}/{repo}/activity` with `ref=refs/heads/<branch>`,
 * newest first; docs.github.com, *REST API endpoints for repositories*; needs `contents: read`).
 * A sha's pusher is the `actor` of the update (`PUSHES`: a push, a merge into the branch…) whose
 * `after` is that sha: login, account id and type (a `Bot` names no person). The answer is untrusted network input, read at most `MAX_ACTIVITY_PAGES` pages, and any doubt
 * leaves a sha unknown (out of `pushers`, `unknown` saying why), never guessed: a failed call, an
 * item that is not an activity, a list longer than the bound (an older update of the same sha may
 * name someone else), no update naming it, a deleted actor, two different actors for one sha, or
 * the agent's own login (`agentLogin`: the agent knows its own pushes from its record, and a head
 * it did not record is not one). Never throws.
 */
export async function readPushers(params: {
  client: PushActivityClient;
  owner: string;
  repo: string;
  branch: string;
  shas: readonly string[];
  agentLogin: string | undefined;
}): Promise<PushersFound> {
  const { client, owner, repo } = params;
  const wanted = new Set(params.shas.map((sha) => sha.toLowerCase()));
  let read: { items: unknown[]; complete: boolean };
  try {
    read = await readPages<unknown>({
      maxPages: MAX_ACTIVITY_PAGES,
      fetchPage: async ({ after, before }) => {
        const answer = await client.repos.listActivities({
          owner,
          repo,
          ref: `refs/heads/${params.branch}`,
          direction: 'desc',
          per_page: PER_PAGE,
          ...(after === undefined ? {} : { after }),
          ...(before === undefined ? {} : { before }),
        });
        if (!Array.isArray(answer.data)) throw new Error('the activity list is not a list');
        return { items: answer.data, link: answer.headers?.link };
      },
    });
  } catch (error) {
    return { pushers: new Map(), unknown: `GitHub's activity list did not answer (${String(error)})` };
  }
  if (!read.complete)
    return {
      pushers: new Map(),
      unknown: `the branch has more than ${MAX_ACTIVITY_PAGES * PER_PAGE} updates`,
    };
  const parsed = z.array(activitySchema).safeParse(read.items);
  if (!parsed.success)
    return { pushers: new Map(), unknown: 'an entry of the activity list is not an activity' };
  const actors = new Map<string, Set<string>>();
  const pushers = new Map<string, Pusher>();
  for (const activity of parsed.data) {
    const sha = activity.after.toLowerCase();
    if (!wanted.has(sha) || !PUSHES.has(activity.activity_type)) continue;
    const login = activity.actor?.login.toLowerCase() ?? '';
    actors.set(sha, (actors.get(sha) ?? new Set()).add(login));
    if (activity.actor !== null && !pushers.has(sha)) pushers.set(sha, pusherOf(activity.actor));
  }
  const agent = params.agentLogin?.toLowerCase();
  for (const [sha, logins] of actors) {
    if (logins.size !== 1 || logins.has('') || (agent !== undefined && logins.has(agent)))
      pushers.delete(sha);
  }
  const missing = [...wanted].filter((sha) => !pushers.has(sha));
  const earlier = pushesUnder({ activities: parsed.data, wanted, agent });
  return {
    pushers,
    ...(missing.length === 0
      ? {}
      : {
          unknown: `GitHub's activity list names no single pusher other than the agent for ${missing.join(', ')}`,
        }),
    ...(earlier.length === 0 ? {} : { earlier }),
  };
}

/**
 * The pushes listed (newest first) after the first push of a `wanted` sha, until an update by the
 * agent: someone else's pushes under it since the agent's previous push. A deleted actor names nobody.
 */
function pushesUnder(params: {
  activities: readonly z.infer<typeof activitySchema>[];
  wanted: ReadonlySet<string>;
  agent: string | undefined;
}): { sha: string; pusher?: Pusher }[] {
  const { activities, wanted, agent } = params;
  const start = activities.findIndex(
    (activity) => PUSHES.has(activity.activity_type) && wanted.has(activity.after.toLowerCase()),
  );
  if (start < 0) return [];
  const found: { sha: string; pusher?: Pusher }[] = [];
  for (const activity of activities.slice(start + 1)) {
    const { actor } = activity;
    if (agent !== undefined && actor?.login.toLowerCase() === agent) break;
    const sha = activity.after.toLowerCase();
    if (!PUSHES.has(activity.activity_type) || wanted.has(sha)) continue;
    found.push(actor === null ? { sha } : { sha, pusher: pusherOf(actor) });
  }
  return found;
}

/** The activity's actor as a `Pusher`: an actor without `type` (older answers) is taken as a `User`. */
function pusherOf(actor: NonNullable<z.infer<typeof activitySchema>['actor']>): Pusher {
  return {
    login: actor.login,
    type: actor.type ?? 'User',
    ...(actor.id === undefined ? {} : { id: actor.id }),
  };
}
