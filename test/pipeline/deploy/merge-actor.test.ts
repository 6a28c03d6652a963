import { mergeActor } from '../../../src/pipeline/deploy/merge-actor.js';

const AGENT = 'implementation-agent[bot]';

/**
 * The collaborator permission API as GitHub answers it: `role_name`, or 404 for a non-collaborator;
 * and `GET /user/{account_id}`: the login each account has now (`accounts`), or 404 for none.
 */
function permissionClient(roles: Record<string, string>, accounts: Record<number, string> = {}) {
  const asked: string[] = [];
  const lookedUp: number[] = [];
  return {
    asked,
    lookedUp,
    users: {
      async getById(p: { account_id: number }) {
        lookedUp.push(p.account_id);
        const login = accounts[p.account_id];
        if (login === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { login } };
      },
    },
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

const actorOf = (params: {
  merger: string;
  requester?: string;
  requesterId?: number;
  roles: Record<string, string>;
  accounts?: Record<number, string>;
}) => {
  const client = permissionClient(params.roles, params.accounts);
  const result = mergeActor({
    client,
    trust: { identity: async () => AGENT },
    owner: 'Codertocat',
    repo: 'Hello-World',
    merger: params.merger,
    marker: {
      ...(params.requester === undefined ? {} : { requester: params.requester }),
      ...(params.requesterId === undefined ? {} : { requester_id: params.requesterId }),
    },
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

  it('the agent merged for a requester who renamed their account: acts for the account (by id), not the old login', async () => {
    // bob renamed to bob-2; someone else took the freed login `bob` and has admin.
    const { client, result } = actorOf({
      merger: AGENT,
      requester: 'bob',
      requesterId: 42,
      roles: { bob: 'admin', 'bob-2': 'write' },
      accounts: { 42: 'bob-2' },
    });
    expect(await result).toEqual({ ok: true, login: 'bob-2', permission: 'write', mergedByAgent: AGENT });
    expect(client.lookedUp).toEqual([42]);
    expect(client.asked).toEqual(['bob-2']);
  });

  it("the renamed requester no longer has write access: refused, though the old login's new holder has it", async () => {
    const { result } = actorOf({
      merger: AGENT,
      requester: 'bob',
      requesterId: 42,
      roles: { bob: 'admin', 'bob-2': 'read' },
      accounts: { 42: 'bob-2' },
    });
    expect(await result).toMatchObject({
      ok: false,
      message: expect.stringContaining('@bob-2 no longer has write access'),
    });
  });

  it("the requester's account was deleted: refused, and the old login is not asked about", async () => {
    const { client, result } = actorOf({
      merger: AGENT,
      requester: 'bob',
      requesterId: 42,
      roles: { bob: 'admin' },
    });
    expect(await result).toEqual({
      ok: false,
      message: expect.stringContaining('no longer has a GitHub account'),
    });
    expect(client.asked).toEqual([]);
  });

  it('a marker written before ids were kept: the recorded login, nobody looked up', async () => {
    const { client, result } = actorOf({ merger: AGENT, requester: 'bob', roles: { bob: 'write' } });
    expect(await result).toMatchObject({ ok: true, login: 'bob' });
    expect(client.lookedUp).toEqual([]);
  });
});
