import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { findStatusComment } from '../../../src/github/status-comment.js';

const KEY = Buffer.alloc(32, 8);
const AGENT = 'implementation-agent[bot]';
const at = '2026-11-29T08:00:00.000Z';

/** The agent's signed status comment on issue #7, written while the repository was `acme/shop`. */
const written: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0.4,
  updated_at: at,
  created_at: at,
  version: 5,
  pull_number: 12,
  branch: 'implementation/7-orders',
};

/**
 * GitHub after `acme/shop` was renamed to `acme/store` (or transferred to another owner): the
 * issue, its comments and the repository's id stay; the old name redirects to the same repository.
 */
const client = {
  issues: {
    listComments: async () => ({
      data: [
        {
          id: 900,
          user: { login: AGENT },
          body: renderStatusComment({ marker: written, signingKey: KEY }),
        },
      ],
    }),
  },
  repos: {
    get: async () => ({ data: { id: 4242, node_id: 'R_kgDOAAAQkg', full_name: 'acme/store' } }),
  },
};

describe('a repository renamed to another name or transferred (review10e)', () => {
  it('finds that comment under the name it was written in (the setup holds)', async () => {
    const found = await findStatusComment({
      client: client as never,
      owner: 'acme',
      repo: 'shop',
      repositoryId: 4242,
      issueNumber: 7,
      authority: { identity: AGENT, keys: { current: KEY } },
    });
    expect(found).toMatchObject({ commentId: 900, trust: 'trusted', marker: { state: 'pr_open' } });
  });

  it("FAULT: after a rename (acme/shop → acme/store) the agent's own signed status comment on the same issue is ignored as 'names task acme/shop#7', so the task with an open PR restarts from received and its records stay under the old id (rename or transfer loses the task)", async () => {
    const found = await findStatusComment({
      client: client as never,
      owner: 'acme',
      repo: 'store',
      repositoryId: 4242,
      issueNumber: 7,
      authority: { identity: AGENT, keys: { current: KEY } },
    });
    // Right: the task goes on from its PR (bound to the repository's stable id, not its name).
    expect(found).toMatchObject({
      commentId: 900,
      trust: 'trusted',
      marker: { state: 'pr_open', pull_number: 12 },
    });
  });
});
