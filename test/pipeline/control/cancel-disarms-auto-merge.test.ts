import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { cancelTask } from '../../../src/pipeline/control/cancel-task.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from '../../entry/app/agent-status.js';

/** A held task (a new request waits for /approve) whose earlier pull request #12 is still open. */
function heldTask(patch: Partial<TaskMarker>) {
  const marker: TaskMarker = {
    task_id: 'acme/shop#7',
    state: 'held',
    attempt: 1,
    cost_usd: 0,
    pull_number: 12,
    updated_at: '2026-11-24T10:00:00Z',
    ...patch,
  };
  const body = renderStatusComment({ marker, signingKey: TEST_MARKER_KEYS.current });
  const written: string[] = [];
  const client = {
    issues: {
      listComments: async () => ({ data: [{ id: 900, body, user: { login: APP_LOGIN, type: 'Bot' } }] }),
      createComment: async () => ({ data: { id: 1 } }),
      updateComment: async (p: { body: string }) => (written.push(p.body), {}),
    },
  };
  return { client, written };
}

async function cancel(patch: Partial<TaskMarker>) {
  const task = heldTask(patch);
  const queries: string[] = [];
  const graphql = (async (query: string) => {
    queries.push(query);
    return query.includes('disablePullRequestAutoMerge')
      ? { disablePullRequestAutoMerge: { pullRequest: { id: 'PR_1', autoMergeRequest: null } } }
      : { repository: { pullRequest: { id: 'PR_1' } } };
  }) as never;
  const outcome = await cancelTask({
    client: task.client as never,
    trust: statusTrust({ identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS }),
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    actor: 'maintainer',
    triggerKey: 'comment:5',
    graphql,
    log: () => undefined,
  });
  return { outcome, queries };
}

describe('cancelTask and GitHub auto-merge', () => {
  it('turns auto-merge off on an automated task’s open pull request, and says so', async () => {
    const { outcome, queries } = await cancel({ effective_mode: 'automated', risk_level: 'low' });

    expect(outcome.status).toBe('cancelled');
    expect(queries.some((query) => query.includes('disablePullRequestAutoMerge'))).toBe(true);
    expect(outcome.status === 'cancelled' && outcome.message).toContain('Auto-merge is off');
  });

  it('asks nothing of GitHub for a guided task (auto-merge was never armed)', async () => {
    const { outcome, queries } = await cancel({ effective_mode: 'guided' });

    expect(outcome.status).toBe('cancelled');
    expect(queries).toEqual([]);
  });
});
