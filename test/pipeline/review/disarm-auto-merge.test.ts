import { disarmAutoMerge } from '../../../src/pipeline/review/disarm-auto-merge.js';
import type { GraphqlClient } from '../../../src/github/graphql-client.js';

const target = { owner: 'Codertocat', repo: 'Hello-World', pullNumber: 2, pullRequestId: 'PR_kwDO2' };
const log = () => undefined;
const PENDING = { patch: { auto_merge_off_pending: true } };

describe('disarmAutoMerge: reports only what GitHub confirmed', () => {
  it('turns auto-merge off, says an approving review is needed now, and drops a pending retry', async () => {
    const calls: Array<{ query: string; variables: unknown }> = [];
    const graphql: GraphqlClient = async (query, variables) => {
      calls.push({ query, variables });
      return { disablePullRequestAutoMerge: { pullRequest: { number: 2, autoMergeRequest: null } } };
    };
    const said = await disarmAutoMerge({ ...target, graphql, log });
    expect(calls).toEqual([
      {
        query: expect.stringContaining('disablePullRequestAutoMerge'),
        variables: { pullRequestId: 'PR_kwDO2' },
      },
    ]);
    expect(said).toEqual({
      status: 'off',
      message:
        'Auto-merge is off: GitHub will not merge this pull request by itself; an approving review is needed.',
      record: { clear: ['auto_merge_off_pending'] },
    });
  });

  it('never throws: a GraphQL refusal (HTTP 200 with errors) is failed, shown escaped, and asked again', async () => {
    const graphql: GraphqlClient = async () => {
      throw Object.assign(new Error('GraphQL error'), { errors: [{ message: 'Not *allowed* <b>' }] });
    };
    const said = await disarmAutoMerge({ ...target, graphql, log });
    expect(said.status).toBe('failed');
    expect(said.record).toEqual(PENDING);
    expect(said.message).toContain('Auto-merge could not be turned off: GitHub: Not \\*allowed\\*');
    expect(said.message).toContain('GitHub may still merge this pull request by itself');
    expect(said.message).toContain('Disable auto-merge');
  });

  it('an answer still naming an auto-merge request is not off', async () => {
    const graphql: GraphqlClient = async () => ({
      disablePullRequestAutoMerge: {
        pullRequest: { number: 2, autoMergeRequest: { enabledAt: '2026-11-29T13:00:00Z' } },
      },
    });
    const said = await disarmAutoMerge({ ...target, graphql, log });
    expect(said.status).toBe('failed');
    expect(said.record).toEqual(PENDING);
    expect(said.message).toContain('auto-merge is still enabled');
  });

  it('never throws: an HTTP failure is failed, with what to do by hand', async () => {
    const graphql: GraphqlClient = async () => {
      throw new Error('HTTP 502');
    };
    const said = await disarmAutoMerge({ ...target, graphql, log });
    expect(said.status).toBe('failed');
    expect(said.record).toEqual(PENDING);
    expect(said.message).toContain('Auto-merge could not be turned off: HTTP 502.');
  });

  it('a runtime without a GraphQL client confirms nothing', async () => {
    const said = await disarmAutoMerge({ ...target, graphql: undefined, log });
    expect(said.status).toBe('failed');
    expect(said.record).toEqual(PENDING);
    expect(said.message).toContain('this runtime has no GraphQL client');
  });
});
