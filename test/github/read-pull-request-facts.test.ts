import {
  readPullRequestFacts,
  type PullRequestFactsClient,
} from '../../src/github/read-pull-request-facts.js';

const HEAD = 'c'.repeat(40);
const OLDER = 'b'.repeat(40);

function client(options: {
  reviews?: Array<{ login: string; state: string; commit_id: string }>;
  runs?: Array<{ name: string; status: string; conclusion: string | null }>;
  merged?: boolean;
}): PullRequestFactsClient {
  return {
    pulls: {
      get: async () => ({
        data: {
          number: 5,
          state: options.merged ? 'closed' : 'open',
          merged: options.merged ?? false,
          merge_commit_sha: options.merged ? 'm'.repeat(40) : null,
          head: { sha: HEAD, ref: 'implementation/1-orders-api' },
          base: { ref: 'main' },
        },
      }),
      listReviews: async () => ({
        data: (options.reviews ?? []).map((r) => ({
          user: { login: r.login },
          state: r.state,
          commit_id: r.commit_id,
        })),
      }),
      listCommits: async () => ({
        data: [
          { sha: OLDER, commit: { committer: { date: '2026-11-24T09:00:00Z' } } },
          { sha: HEAD, commit: { committer: { date: '2026-11-24T09:30:00Z' } } },
        ],
      }),
    },
    checks: { listForRef: async () => ({ data: { check_runs: options.runs ?? [] } }) },
  };
}

const facts = (options: Parameters<typeof client>[0], requestedAt = '2026-11-24T10:00:00Z') =>
  readPullRequestFacts({ client: client(options), owner: 'acme', repo: 'shop', pullNumber: 5, requestedAt });

describe('readPullRequestFacts', () => {
  it.each([
    ['an approval of the head', [{ login: 'ann', state: 'APPROVED', commit_id: HEAD }], true],
    ['an approval of an older commit only', [{ login: 'ann', state: 'APPROVED', commit_id: OLDER }], false],
    [
      'an approval then a request for changes by the same reviewer',
      [
        { login: 'ann', state: 'APPROVED', commit_id: HEAD },
        { login: 'ann', state: 'CHANGES_REQUESTED', commit_id: HEAD },
      ],
      false,
    ],
    [
      'an approval while another reviewer requests changes',
      [
        { login: 'ann', state: 'APPROVED', commit_id: HEAD },
        { login: 'bob', state: 'CHANGES_REQUESTED', commit_id: HEAD },
      ],
      false,
    ],
    [
      'a comment after an approval',
      [
        { login: 'ann', state: 'APPROVED', commit_id: HEAD },
        { login: 'ann', state: 'COMMENTED', commit_id: HEAD },
      ],
      true,
    ],
    ['no reviews', [], false],
  ])('approved with %s: %s', async (_name, reviews, approved) => {
    expect((await facts({ reviews })).approved).toBe(approved);
  });

  it.each([
    [[], 'none'],
    [
      [
        { name: 'build', status: 'completed', conclusion: 'success' },
        { name: 'lint', status: 'completed', conclusion: 'skipped' },
      ],
      'success',
    ],
    [[{ name: 'build', status: 'in_progress', conclusion: null }], 'pending'],
    [
      [
        { name: 'build', status: 'in_progress', conclusion: null },
        { name: 'lint', status: 'completed', conclusion: 'failure' },
      ],
      'failure',
    ],
  ])('checks %j are %s', async (runs, state) => {
    expect((await facts({ runs })).checks).toBe(state);
  });

  it('takes the newest commit written before the command as the sha that was requested', async () => {
    expect(await facts({}, '2026-11-24T09:10:00Z')).toMatchObject({ shaAtRequest: OLDER, currentSha: HEAD });
    expect(await facts({}, '2026-11-24T10:00:00Z')).toMatchObject({ shaAtRequest: HEAD, currentSha: HEAD });
  });

  it('deploys the merge commit of a merged pull request', async () => {
    expect(await facts({ merged: true })).toMatchObject({
      merged: true,
      open: false,
      currentSha: 'm'.repeat(40),
      shaAtRequest: 'm'.repeat(40),
    });
  });
});
