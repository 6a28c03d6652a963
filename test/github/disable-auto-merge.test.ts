import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { DISABLE_AUTO_MERGE_MUTATION, disableAutoMerge } from '../../src/github/disable-auto-merge.js';
import { PULL_REQUEST_ID_QUERY } from '../../src/github/enable-auto-merge.js';

const API = 'https://api.github.com';
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
const graphql = (query: string, variables?: Record<string, unknown>) => octokit.graphql(query, variables);
const target = { graphql, owner: 'Codertocat', repo: 'Hello-World', number: 42 };

afterEach(() => nock.cleanAll());

describe('disableAutoMerge', () => {
  it('sends the mutation with the pull request id it was given', async () => {
    const sent: unknown[] = [];
    const scope = nock(API)
      .post('/graphql', (body: unknown) => (sent.push(body), true))
      .reply(200, {
        data: { disablePullRequestAutoMerge: { pullRequest: { number: 42, autoMergeRequest: null } } },
      });

    await expect(disableAutoMerge({ ...target, pullRequestId: 'PR_kwDO42' })).resolves.toEqual({
      status: 'disabled',
    });
    expect(sent).toEqual([{ query: DISABLE_AUTO_MERGE_MUTATION, variables: { pullRequestId: 'PR_kwDO42' } }]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks GitHub for the node id first when it was not given', async () => {
    const sent: Array<{ query: string; variables: unknown }> = [];
    nock(API)
      .post('/graphql', (body: { query: string; variables: unknown }) => (sent.push(body), true))
      .reply(200, { data: { repository: { pullRequest: { id: 'PR_kwDO42' } } } })
      .post('/graphql', (body: { query: string; variables: unknown }) => (sent.push(body), true))
      .reply(200, { data: { disablePullRequestAutoMerge: { pullRequest: { number: 42 } } } });

    await expect(disableAutoMerge(target)).resolves.toEqual({ status: 'disabled' });
    expect(sent.map((body) => body.query)).toEqual([PULL_REQUEST_ID_QUERY, DISABLE_AUTO_MERGE_MUTATION]);
    expect(sent[1]?.variables).toEqual({ pullRequestId: 'PR_kwDO42' });
  });

  it('returns GitHub’s GraphQL refusal as refused, with its message', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, {
        data: { disablePullRequestAutoMerge: null },
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      });

    await expect(disableAutoMerge({ ...target, pullRequestId: 'PR_kwDO42' })).resolves.toEqual({
      status: 'refused',
      message: 'Resource not accessible by integration',
    });
  });

  it('an answer still naming an auto-merge request is not off: only what GitHub confirmed', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, {
        data: {
          disablePullRequestAutoMerge: {
            pullRequest: { number: 42, autoMergeRequest: { enabledAt: '2026-11-29T13:00:00Z' } },
          },
        },
      });

    await expect(disableAutoMerge({ ...target, pullRequestId: 'PR_kwDO42' })).resolves.toEqual({
      status: 'refused',
      message: 'GitHub answered that auto-merge is still enabled',
    });
  });

  it('throws HTTP failures', async () => {
    nock(API).post('/graphql').reply(502, 'Bad Gateway');
    await expect(disableAutoMerge({ ...target, pullRequestId: 'PR_kwDO42' })).rejects.toThrow();
  });
});
