import nock from 'nock';
import { createGitHubFake, type GitHubFakeOptions } from '../../support/github-fake-server.js';
import { API } from './github-api.js';

/**
 * The stateful GitHub stand-in (`createGitHubFake`) behind api.github.com through nock, for tests
 * where the app must see what it wrote before (a redelivery reads back the first delivery's work).
 * Installation tokens are granted; everything under the repository, account lookups by id and
 * GraphQL reads of an issue's edit history go to the stand-in.
 */
export function githubFakeBehindNock(
  options: Omit<GitHubFakeOptions, 'owner' | 'repo' | 'defaultBranch'> & {
    /**
     * Called once a request was handled (its effect is in the stand-in's state), before the answer
     * is sent: a promise it returns holds the answer back, to let other work happen meanwhile.
     */
    hold?: (request: { method: string; url: string; body: unknown }) => Promise<void> | undefined;
  },
) {
  const { hold, ...fakeOptions } = options;
  const fake = createGitHubFake({
    owner: 'Codertocat',
    repo: 'Hello-World',
    defaultBranch: 'master',
    tokenLogin: 'implementation-agent[bot]',
    deploymentCreator: 'implementation-agent[bot]',
    ...fakeOptions,
  });
  const scope = nock(API).persist();
  scope
    .post(/^\/app\/installations\/\d+\/access_tokens$/)
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    scope.intercept(/^\/(repos\/|user\/\d+$)/, method).reply(async (uri, body) => {
      const request = {
        method,
        url: uri,
        body: typeof body === 'string' ? (body === '' ? undefined : JSON.parse(body)) : body,
      };
      const answer = fake.handle(request);
      await hold?.(request);
      return answer;
    });
  }
  // An issue body's edit history (GraphQL), read when a labeling or `/implement` runs the body;
  // other GraphQL stays unrouted, as the tests of auto-merge expect.
  scope
    .post('/graphql', (body: { query?: unknown }) => String(body.query).includes('userContentEdits'))
    .reply((uri, body) =>
      fake.handle({ method: 'POST', url: uri, body: typeof body === 'string' ? JSON.parse(body) : body }),
    );
  return fake;
}
