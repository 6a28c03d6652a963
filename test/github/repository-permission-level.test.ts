import {
  repositoryPermissionLevel,
  type PermissionClient,
} from '../../src/github/repository-permission-level.js';

type PermissionAnswer = Awaited<ReturnType<PermissionClient['repos']['getCollaboratorPermissionLevel']>>;

function fakeRepository(answer: () => Promise<PermissionAnswer>) {
  const requests: Array<Record<string, unknown>> = [];
  const client: PermissionClient = {
    repos: {
      getCollaboratorPermissionLevel: async (params) => {
        requests.push(params);
        return answer();
      },
    },
  };
  return { client, requests };
}

const levelOf = (client: PermissionClient) =>
  repositoryPermissionLevel({ client, owner: 'acme', repo: 'shop', username: 'octocat' });

describe('repositoryPermissionLevel', () => {
  it('prefers role_name, which tells maintain apart from write', async () => {
    const repo = fakeRepository(async () => ({ data: { permission: 'write', role_name: 'maintain' } }));
    await expect(levelOf(repo.client)).resolves.toBe('maintain');
    expect(repo.requests).toEqual([{ owner: 'acme', repo: 'shop', username: 'octocat' }]);
  });

  it('tells triage apart from read', async () => {
    const repo = fakeRepository(async () => ({ data: { permission: 'read', role_name: 'triage' } }));
    await expect(levelOf(repo.client)).resolves.toBe('triage');
  });

  it('falls back to the legacy permission when role_name is absent', async () => {
    const repo = fakeRepository(async () => ({ data: { permission: 'write' } }));
    await expect(levelOf(repo.client)).resolves.toBe('write');
  });

  it("answers 'none' for someone who is not a collaborator (404)", async () => {
    const repo = fakeRepository(async () => {
      throw Object.assign(new Error('Not Found'), { status: 404 });
    });
    await expect(levelOf(repo.client)).resolves.toBe('none');
  });

  it('lets other failures propagate, so an outage is never read as no permission', async () => {
    const failure = Object.assign(new Error('Server Error'), { status: 500 });
    const repo = fakeRepository(async () => {
      throw failure;
    });
    await expect(levelOf(repo.client)).rejects.toBe(failure);
  });

  it('lets an error without a status propagate', async () => {
    const failure = new Error('socket hang up');
    const repo = fakeRepository(async () => {
      throw failure;
    });
    await expect(levelOf(repo.client)).rejects.toBe(failure);
  });
});
