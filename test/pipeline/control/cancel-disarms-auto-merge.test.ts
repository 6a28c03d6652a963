import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
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

/** GitHub's GraphQL answer to turning auto-merge off: confirmed, or its transient failure (HTTP 200, `errors`). */
async function cancel(patch: Partial<TaskMarker>, disable: 'off' | 'error' = 'off') {
  const task = heldTask(patch);
  const queries: string[] = [];
  const graphql = (async (query: string) => {
    queries.push(query);
    if (!query.includes('disablePullRequestAutoMerge'))
      return { repository: { pullRequest: { id: 'PR_1' } } };
    if (disable === 'error')
      throw Object.assign(new Error('GraphQL error'), {
        errors: [{ message: 'Something went wrong while executing your query.' }],
      });
    return { disablePullRequestAutoMerge: { pullRequest: { id: 'PR_1', autoMergeRequest: null } } };
  }) as never;
  const outcome = await cancelTask({
    client: task.client as never,
    trust: statusTrust({ identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS }),
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    actor: 'maintainer',
    triggerKey: 'comment:5',
    graphql,
    log: () => undefined,
  });
  const written = parseStateMarker(task.written.at(-1) ?? '');
  return { outcome, queries, written };
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

  it('a turn-off GitHub did not confirm: still cancelled, the status says auto-merge may still merge, and the next event asks again', async () => {
    const { outcome, written } = await cancel({ effective_mode: 'automated', risk_level: 'low' }, 'error');

    expect(outcome.status).toBe('cancelled');
    const message = outcome.status === 'cancelled' ? outcome.message : '';
    expect(message).toContain('Auto-merge could not be turned off');
    expect(message).toContain('GitHub may still merge this pull request by itself');
    expect(message).not.toContain('Auto-merge is off');
    expect(written).toMatchObject({ state: 'cancelled', auto_merge_off_pending: true });
  });

  it('a confirmed turn-off records no pending retry', async () => {
    const { written } = await cancel({ effective_mode: 'automated', risk_level: 'low' });
    expect(written?.state).toBe('cancelled');
    expect(written?.auto_merge_off_pending).toBeUndefined();
  });

  it('a guided task whose earlier turn-off GitHub never confirmed is asked again, and the retry dropped once it is', async () => {
    const { queries, written } = await cancel({ effective_mode: 'guided', auto_merge_off_pending: true });
    expect(queries.some((query) => query.includes('disablePullRequestAutoMerge'))).toBe(true);
    expect(written?.auto_merge_off_pending).toBeUndefined();
  });
});
