import { readPushers, type PushActivityClient } from '../../src/github/read-pushers.js';

const HEAD = 'e'.repeat(40);
const OTHER = 'f'.repeat(40);
const AGENT = 'implementation-agent[bot]';

/** One update of the branch as `GET /repos/{owner}/{repo}/activity` lists it. */
const activity = (
  after: string,
  actor: { login: string; type: string; id?: number } | null,
  type = 'push',
) => ({
  id: 1,
  node_id: 'RA_kwDOABCD1',
  before: 'b'.repeat(40),
  after,
  ref: 'refs/heads/implementation/1-orders-api',
  timestamp: '2026-11-29T09:30:00Z',
  activity_type: type,
  actor,
});

const client = (data: unknown[]): PushActivityClient => ({
  repos: { listActivities: async () => ({ data }) },
});

const read = (data: unknown[]) =>
  readPushers({
    client: client(data),
    owner: 'Codertocat',
    repo: 'Hello-World',
    branch: 'implementation/1-orders-api',
    shas: [HEAD.toUpperCase()],
    agentLogin: AGENT,
  });

const mallory = { login: 'mallory', type: 'User' };

describe('readPushers (review 9f)', () => {
  it('names the actor of the push, force push or branch creation whose after is the sha', async () => {
    for (const type of ['push', 'force_push', 'branch_creation']) {
      const found = await read([activity(HEAD, mallory, type)]);
      expect(found.pushers.get(HEAD)).toEqual(mallory);
      expect(found.unknown).toBeUndefined();
    }
  });

  it.each([
    ['a deleted actor', [activity(HEAD, null)]],
    [
      'two different actors for the one sha',
      [activity(HEAD, mallory, 'force_push'), activity(HEAD, { login: 'eve', type: 'User' })],
    ],
    ['the agent itself', [activity(HEAD, { login: AGENT, type: 'Bot' })]],
    ['another after only', [activity(OTHER, mallory)]],
    ['an entry that is not an activity', [activity(HEAD, mallory), { after: 42 }]],
  ])('leaves the sha unknown for %s', async (_name, data) => {
    const found = await read(data);
    expect(found.pushers.has(HEAD)).toBe(false);
    expect(found.unknown).toBeDefined();
  });

  it.each(['pr_merge', 'merge_queue_merge'])(
    'names the actor of a %s into the task branch as the pusher of its head (review #9h)',
    async (type) => {
      const found = await read([activity(HEAD, { login: 'bob', id: 9, type: 'User' }, type)]);
      expect(found.pushers.get(HEAD)).toEqual({ login: 'bob', id: 9, type: 'User' });
    },
  );

  it('the same actor twice (a push, then a force push back) still names them', async () => {
    const found = await read([
      activity(HEAD, mallory, 'force_push'),
      activity(HEAD, { login: 'Mallory', type: 'User' }),
    ]);
    expect(found.pushers.get(HEAD)?.login).toBe('mallory');
  });

  it('a failing call is an unknown answer, never a throw', async () => {
    const failing: PushActivityClient = {
      repos: {
        listActivities: async () => {
          throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
        },
      },
    };
    const found = await readPushers({
      client: failing,
      owner: 'o',
      repo: 'r',
      branch: 'b',
      shas: [HEAD],
      agentLogin: AGENT,
    });
    expect(found.pushers.size).toBe(0);
    expect(found.unknown).toContain('did not answer');
  });
});

describe('readPushers: every other push under the asked one, since the agent last pushed (review 9g)', () => {
  const EARLIER = 'd'.repeat(40);
  const OLDEST = 'c'.repeat(40);
  const agent = { login: AGENT, type: 'Bot' };

  it("lists the pushes under the asked sha, newest first, down to the agent's previous update", async () => {
    const found = await read([
      activity(HEAD, { login: 'alice', type: 'User' }),
      activity(EARLIER, mallory),
      activity(OTHER, null, 'force_push'),
      activity(OLDEST, agent),
      activity('a'.repeat(40), { login: 'eve', type: 'User' }),
    ]);
    expect(found.earlier).toEqual([
      { sha: EARLIER, pusher: { login: 'mallory', type: 'User' } },
      { sha: OTHER },
    ]);
  });

  // GitHub REST "List repository activities": `activity_type` is push, force_push, branch_creation,
  // branch_deletion, pr_merge or merge_queue_merge. The list is filtered by `ref` to the task branch,
  // so a `pr_merge` there is a pull request merged INTO the task branch: it moved the branch to
  // `after`, by its actor, as a push would (review #9h). Only a deletion leaves no head.
  it('a merge into the task branch moves its head like a push; nothing under the asked sha lists nothing', async () => {
    expect((await read([activity(HEAD, mallory), activity(EARLIER, mallory, 'pr_merge')])).earlier).toEqual([
      { sha: EARLIER, pusher: { login: 'mallory', type: 'User' } },
    ]);
    expect(
      (
        await read([
          activity(HEAD, mallory),
          activity(EARLIER, { login: 'bob', id: 9, type: 'User' }, 'merge_queue_merge'),
        ])
      ).earlier,
    ).toEqual([{ sha: EARLIER, pusher: { login: 'bob', id: 9, type: 'User' } }]);
    expect((await read([activity(HEAD, mallory), activity(OLDEST, agent)])).earlier).toBeUndefined();
  });
});
