import { describe, expect, it } from '@jest/globals';
import { createGitHubFake } from './github-fake-server.js';

// The stand-in answers as GitHub does; GitHub matches logins without regard to case.

describe('the GitHub stand-in: repository permissions', () => {
  const fake = createGitHubFake({
    owner: 'Codertocat',
    repo: 'Hello-World',
    defaultBranch: 'main',
    permissions: { Codertocat: 'admin', 'octo-reader': 'read', 'Octo-Maintainer': 'maintain' },
  });
  const permissionOf = (login: string) =>
    fake.handle({
      method: 'GET',
      url: `/repos/Codertocat/Hello-World/collaborators/${encodeURIComponent(login)}/permission`,
      body: undefined,
    });

  it.each([
    ['Codertocat', 'admin', 'admin'],
    ['codertocat', 'admin', 'admin'],
    ['OCTO-READER', 'read', 'read'],
    ['octo-maintainer', 'write', 'maintain'],
    ['someone-else', 'none', 'none'],
  ])('%s is answered %s (role %s), whatever the case of the login', (login, permission, role) => {
    expect(permissionOf(login)).toEqual([200, { permission, role_name: role }]);
  });
});
