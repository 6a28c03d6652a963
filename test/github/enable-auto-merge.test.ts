import { Octokit } from '@octokit/rest';
import nock from 'nock';
import {
  ENABLE_AUTO_MERGE_MUTATION,
  PULL_REQUEST_ID_QUERY,
  enableAutoMerge,
} from '../../src/github/enable-auto-merge.js';

const API = 'https://api.github.com';
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
const graphql = (query: string, variables?: Record<string, unknown>) => octokit.graphql(query, variables);
/** The head the caller validated, pinned as `expectedHeadOid`. */
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const target = { graphql, owner: 'Codertocat', repo: 'Hello-World', number: 42, expectedHeadOid: HEAD };

/** A GraphQL refusal as GitHub sends it: HTTP 200, `data` with a null field, and `errors`. */
function refusal(message: string) {
  return {
    data: { enablePullRequestAutoMerge: null },
    errors: [
      {
        type: 'UNPROCESSABLE',
        path: ['enablePullRequestAutoMerge'],
        locations: [{ line: 2, column: 3 }],
        message,
      },
    ],
  };
}

afterEach(() => nock.cleanAll());

describe('enableAutoMerge', () => {
  it('sends the mutation with the pull request id and the merge method in GitHub enum form', async () => {
    const sent: unknown[] = [];
    const scope = nock(API)
      .post('/graphql', (body: unknown) => (sent.push(body), true))
      .reply(200, {
        data: {
          enablePullRequestAutoMerge: {
            pullRequest: {
              number: 42,
              autoMergeRequest: { enabledAt: '2026-11-29T13:00:00Z', mergeMethod: 'SQUASH' },
            },
          },
        },
      });

    const result = await enableAutoMerge({ ...target, pullRequestId: 'PR_kwDOABC', mergeMethod: 'squash' });

    expect(result).toEqual({ status: 'enabled', mergeMethod: 'squash' });
    expect(sent).toEqual([
      {
        query: ENABLE_AUTO_MERGE_MUTATION,
        variables: { pullRequestId: 'PR_kwDOABC', mergeMethod: 'SQUASH', expectedHeadOid: HEAD },
      },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for the node id first when the REST answer had none', async () => {
    const sent: Array<{ query: string; variables: unknown }> = [];
    const record = (body: { query: string; variables: unknown }) => (sent.push(body), true);
    const scope = nock(API)
      .post('/graphql', record)
      .reply(200, { data: { repository: { pullRequest: { id: 'PR_fromQuery' } } } })
      .post('/graphql', record)
      .reply(200, { data: { enablePullRequestAutoMerge: { pullRequest: { number: 42 } } } });

    await expect(enableAutoMerge({ ...target, mergeMethod: 'rebase' })).resolves.toEqual({
      status: 'enabled',
      mergeMethod: 'rebase',
    });
    expect(sent.map((body) => body.query)).toEqual([PULL_REQUEST_ID_QUERY, ENABLE_AUTO_MERGE_MUTATION]);
    expect(sent[0]?.variables).toEqual({ owner: 'Codertocat', repo: 'Hello-World', number: 42 });
    expect(sent[1]?.variables).toEqual({
      pullRequestId: 'PR_fromQuery',
      mergeMethod: 'REBASE',
      expectedHeadOid: HEAD,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('reports a repository that does not allow auto-merge', async () => {
    nock(API).post('/graphql').reply(200, refusal('Auto merge is not allowed for this repository'));
    await expect(
      enableAutoMerge({ ...target, pullRequestId: 'PR_1', mergeMethod: 'squash' }),
    ).resolves.toEqual({
      status: 'not-allowed',
      message: 'Auto merge is not allowed for this repository',
    });
  });

  it('reports a pull request that is already clean (nothing left to wait for)', async () => {
    nock(API).post('/graphql').reply(200, refusal('Pull request Pull request is in clean status'));
    await expect(
      enableAutoMerge({ ...target, pullRequestId: 'PR_1', mergeMethod: 'squash' }),
    ).resolves.toEqual({
      status: 'clean',
      message: 'Pull request Pull request is in clean status',
    });
  });

  it('returns any other refusal with its message', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, refusal('Pull request Merge method squash merging is not allowed on this repository'));
    await expect(
      enableAutoMerge({ ...target, pullRequestId: 'PR_1', mergeMethod: 'squash' }),
    ).resolves.toEqual({
      status: 'refused',
      message: 'Pull request Merge method squash merging is not allowed on this repository',
    });
  });

  it('a head that moved past expectedHeadOid is refused, not armed on the new head', async () => {
    const sent: Array<{ variables?: Record<string, unknown> }> = [];
    nock(API)
      .post('/graphql', (body: { variables?: Record<string, unknown> }) => {
        sent.push(body);
        return true;
      })
      .reply(200, refusal(`Head sha didn't match expected head sha ${HEAD}`));
    await expect(
      enableAutoMerge({ ...target, pullRequestId: 'PR_1', mergeMethod: 'squash' }),
    ).resolves.toEqual({ status: 'refused', message: `Head sha didn't match expected head sha ${HEAD}` });
    expect(sent[0]?.variables).toMatchObject({ expectedHeadOid: HEAD });
  });

  it('an answer without an auto-merge request is not enabled: only what GitHub confirmed', async () => {
    nock(API)
      .post('/graphql')
      .reply(200, {
        data: { enablePullRequestAutoMerge: { pullRequest: { number: 42, autoMergeRequest: null } } },
      });

    await expect(
      enableAutoMerge({ ...target, pullRequestId: 'PR_kwDO42', mergeMethod: 'squash' }),
    ).resolves.toEqual({
      status: 'refused',
      message: 'GitHub answered without an auto-merge request on the pull request',
    });
  });

  it('throws HTTP failures', async () => {
    nock(API).post('/graphql').reply(502, { message: 'Bad Gateway' });
    await expect(
      enableAutoMerge({ ...target, pullRequestId: 'PR_1', mergeMethod: 'squash' }),
    ).rejects.toThrow();
  });
});
