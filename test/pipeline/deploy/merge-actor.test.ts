import { mergeActor } from '../../../src/pipeline/deploy/merge-actor.js';

const AGENT = 'implementation-agent[bot]';

/** The collaborator permission API as GitHub answers it: `role_name`, or 404 for a non-collaborator. */
function permissionClient(roles: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    repos: {
      async getCollaboratorPermissionLevel(p: { owner: string; repo: string; username: string }) {
        asked.push(p.username);
        const role = roles[p.username];
        if (role === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { permission: role === 'maintain' ? 'write' : role, role_name: role } };
      },
    },
  };
}

const actorOf = (params: { merger: string; requester?: string; roles: Record<string, string> }) => {
  const client = permissionClient(params.roles);
  const result = mergeActor({
    client,
    trust: { identity: async () => AGENT },
    owner: 'Codertocat',
    repo: 'Hello-World',
    merger: params.merger,
    marker: params.requester === undefined ? {} : { requester: params.requester },
  });
  return { client, result };
};

describe('mergeActor: whom a deploy on merge acts for', () => {
  it('a person who merged acts as themselves, with their own permission; the requester is not asked about', async () => {
    const { client, result } = actorOf({
      merger: 'alice',
      requester: 'bob',
      roles: { alice: 'write', bob: 'admin' },
    });
    expect(await result).toEqual({ ok: true, login: 'alice', permission: 'write' });
    expect(client.asked).toEqual(['alice']);
  });

  it('a person without write access who merged is passed on as such: the deploy rules refuse them', async () => {
    const { result } = actorOf({
      merger: 'triager',
      requester: 'bob',
      roles: { triager: 'triage', bob: 'admin' },
    });
    expect(await result).toEqual({ ok: true, login: 'triager', permission: 'triage' });
  });

  it.each(['write', 'maintain', 'admin'])(
    'the agent merged: acts for the requester, who has %s now',
    async (role) => {
      const { client, result } = actorOf({ merger: AGENT, requester: 'bob', roles: { bob: role } });
      expect(await result).toEqual({ ok: true, login: 'bob', permission: role, mergedByAgent: AGENT });
      // The bot's own permission (none) is never asked.
      expect(client.asked).toEqual(['bob']);
    },
  );

  it('knows the agent whatever the case GitHub spells its login in', async () => {
    const { result } = actorOf({
      merger: 'Implementation-Agent[bot]',
      requester: 'bob',
      roles: { bob: 'write' },
    });
    expect(await result).toMatchObject({ ok: true, login: 'bob', mergedByAgent: AGENT });
  });

  it.each([
    ['read', 'read'],
    ['triage', 'triage'],
    [undefined, 'none'],
  ])('the agent merged for a requester who now has %s: refused, naming why', async (role, shown) => {
    const { result } = actorOf({
      merger: AGENT,
      requester: 'bob',
      roles: role === undefined ? {} : { bob: role },
    });
    expect(await result).toEqual({
      ok: false,
      message: expect.stringContaining(
        `implementation-agent merged it for @bob, who asked for this task, but @bob no longer has write access to Codertocat/Hello-World (GitHub: ${shown})`,
      ),
    });
  });

  it('the agent merged and the task records no requester: refused, nobody asked about', async () => {
    const { client, result } = actorOf({ merger: AGENT, roles: {} });
    expect(await result).toEqual({
      ok: false,
      message: expect.stringContaining('the task records no requester to deploy for'),
    });
    expect(client.asked).toEqual([]);
  });
});
