import { disarmAutoMerge } from '../../../src/pipeline/review/disarm-auto-merge.js';
import type { GraphqlClient } from '../../../src/github/graphql-client.js';

const target = { owner: 'Codertocat', repo: 'Hello-World', pullNumber: 2, pullRequestId: 'PR_kwDO2' };
const log = () => undefined;

describe('disarmAutoMerge', () => {
  it('turns auto-merge off and says an approving review is needed now', async () => {
    const calls: Array<{ query: string; variables: unknown }> = [];
    const graphql: GraphqlClient = async (query, variables) => {
      calls.push({ query, variables });
      return { disablePullRequestAutoMerge: { pullRequest: { number: 2 } } };
    };
    const said = await disarmAutoMerge({ ...target, graphql, log });
    expect(calls).toEqual([
      {
        query: expect.stringContaining('disablePullRequestAutoMerge'),
        variables: { pullRequestId: 'PR_kwDO2' },
      },
    ]);
    expect(said).toBe(
      'Auto-merge is off: GitHub will not merge this pull request by itself; an approving review is needed.',
    );
  });

  it('never throws: a refusal is shown, escaped, with what to do by hand', async () => {
    const graphql: GraphqlClient = async () => {
      throw Object.assign(new Error('GraphQL error'), { errors: [{ message: 'Not *allowed* <b>' }] });
    };
    const said = await disarmAutoMerge({ ...target, graphql, log });
    expect(said).toContain('GitHub did not turn auto-merge off (GitHub: Not \\*allowed\\*');
    expect(said).toContain('Disable auto-merge');
  });

  it('never throws: an HTTP failure is shown with what to do by hand', async () => {
    const graphql: GraphqlClient = async () => {
      throw new Error('HTTP 502');
    };
    await expect(disarmAutoMerge({ ...target, graphql, log })).resolves.toContain(
      'Auto-merge could not be turned off: HTTP 502.',
    );
  });

  it('says so when the runtime has no GraphQL client', async () => {
    await expect(disarmAutoMerge({ ...target, graphql: undefined, log })).resolves.toContain(
      'this runtime has no GraphQL client',
    );
  });
});
