import nock from 'nock';
import { createGitHubFake, type GitHubFakeOptions } from '../../support/github-fake-server.js';
import { API } from './github-api.js';

/**
 * The stateful GitHub stand-in (`createGitHubFake`) behind api.github.com through nock, for tests
 * where the app must see what it wrote before (a redelivery reads back the first delivery's work).
 * Installation tokens are granted; everything under the repository goes to the stand-in.
 */
export function githubFakeBehindNock(options: Omit<GitHubFakeOptions, 'owner' | 'repo' | 'defaultBranch'>) {
  const fake = createGitHubFake({
    owner: 'Codertocat',
    repo: 'Hello-World',
    defaultBranch: 'master',
    tokenLogin: 'implementation-agent[bot]',
    deploymentCreator: 'implementation-agent[bot]',
    ...options,
  });
  const scope = nock(API).persist();
  scope
    .post(/^\/app\/installations\/\d+\/access_tokens$/)
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    scope.intercept(/^\/repos\//, method).reply((uri, body) =>
      fake.handle({
        method,
        url: uri,
        body: typeof body === 'string' ? (body === '' ? undefined : JSON.parse(body)) : body,
      }),
    );
  }
  return fake;
}
