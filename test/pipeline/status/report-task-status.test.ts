import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { reportTaskStatus } from '../../../src/pipeline/status/report-task-status.js';
import { agentStatusComment, APP_LOGIN, TEST_MARKER_KEYS } from '../../entry/app/agent-status.js';

/*
 * The status use case called directly, as a REST channel would: a repository and an issue number,
 * no comment event. Each test is one reason code; the use case reads and never writes.
 */

const marker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0.12,
  updated_at: '2026-11-24T10:00:00.000Z',
  pull_number: 42,
} as TaskMarker;

/** The issue's comments as listComments returns them; any write fails the test. */
function issueWith(comments: unknown[]): StatusCommentClient {
  const noWrites = async () => {
    throw new Error('the status use case writes nothing');
  };
  return {
    issues: {
      listComments: async ({ page }) => ({ data: (page === 1 ? comments : []) as never }),
      createComment: noWrites,
      updateComment: noWrites,
    },
  };
}

function report(comments: unknown[], pullNumber?: number) {
  return reportTaskStatus({
    client: issueWith(comments),
    trust: { identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS },
    repository: { owner: 'acme', repo: 'shop' },
    repositoryId: 4242,
    issueNumber: 7,
    ...(pullNumber === undefined ? {} : { pullNumber }),
  });
}

describe('reportTaskStatus, with plain inputs', () => {
  it('status_shown: the trusted status as its comment shows it, without the hidden marker', async () => {
    const outcome = await report([agentStatusComment({ marker })]);

    expect(outcome).toMatchObject({ status: 'answered', reasonCode: 'status_shown' });
    const message = 'message' in outcome ? outcome.message : '';
    expect(message).toContain('Pull request open for review');
    expect(message).not.toContain('<!--');
    expect(message).not.toContain('not proven');
  });

  it('status_not_proven: an unsigned status is shown as written, saying why it is not proven', async () => {
    const outcome = await report([agentStatusComment({ marker, signingKey: null })]);

    expect(outcome).toMatchObject({
      status: 'answered',
      reasonCode: 'status_not_proven',
      message: expect.stringContaining(
        "⚠️ Shown as written, but not proven to be implementation-agent's: this status is not signed",
      ),
    });
  });

  it('no_task_tracked: an issue without a status comment', async () => {
    const outcome = await report([{ id: 5, user: { login: 'octocat', type: 'User' }, body: 'Hello' }]);

    expect(outcome).toEqual({
      status: 'answered',
      reasonCode: 'no_task_tracked',
      message: 'No implementation task is tracked on #7.',
    });
  });

  it('asked on the pull request the trusted status names: that task is shown', async () => {
    const outcome = await report([agentStatusComment({ marker })], 42);

    expect(outcome).toMatchObject({ status: 'answered', reasonCode: 'status_shown' });
  });

  it('asked on a pull request the status does not name (a branch only claims its issue): no task on it', async () => {
    const outcome = await report([agentStatusComment({ marker })], 43);

    expect(outcome).toEqual({
      status: 'answered',
      reasonCode: 'no_task_tracked',
      message: 'No implementation task is tracked on #43.',
    });
  });

  it('asked on a pull request whose issue has only an unsigned status: not shown, since nothing proves the link', async () => {
    const outcome = await report([agentStatusComment({ marker, signingKey: null })], 42);

    expect(outcome).toMatchObject({ reasonCode: 'no_task_tracked' });
  });
});
