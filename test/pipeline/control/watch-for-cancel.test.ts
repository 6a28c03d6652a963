import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { createCancelSignals } from '../../../src/pipeline/control/cancel-signals.js';
import { createCancelWatch } from '../../../src/pipeline/control/watch-for-cancel.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from '../../entry/app/agent-status.js';

const TASK = 'acme/shop#7';

/** An issue whose status comment says `state`, signed by the agent; counts the reads. */
function issueSaying(state: TaskMarker['state'], options: { signed?: boolean } = {}) {
  let reads = 0;
  const marker: TaskMarker = {
    task_id: TASK,
    state,
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-24T10:00:00Z',
  };
  const body = renderStatusComment({
    marker,
    ...(options.signed === false ? {} : { signingKey: TEST_MARKER_KEYS.current }),
  });
  const client = {
    issues: {
      listComments: async () => {
        reads++;
        return { data: [{ id: 900, body, user: { login: APP_LOGIN, type: 'Bot' } }] };
      },
      createComment: async () => ({ data: { id: 1 } }),
      updateComment: async () => ({}),
    },
  };
  return { client, reads: () => reads };
}

function watch(params: {
  issue: ReturnType<typeof issueSaying>;
  signals?: ReturnType<typeof createCancelSignals>;
  readBack: boolean;
}) {
  return createCancelWatch({
    // Only `cancelled()` is called here: it lists the comments, nothing more.
    client: params.issue.client as never,
    trust: statusTrust({ identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS }),
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    taskId: TASK,
    signals: params.signals,
    readBack: params.readBack,
    log: () => undefined,
  });
}

describe('createCancelWatch', () => {
  it('in the app, reads nothing until the task is signalled after the run began', async () => {
    const issue = issueSaying('cancelled');
    const signals = createCancelSignals();
    signals.raise(TASK); // an earlier cancel, before this run: not this run's
    const cancel = watch({ issue, signals, readBack: false });

    expect(await cancel.cancelled()).toBeUndefined();
    expect(issue.reads()).toBe(0);

    signals.raise('acme/shop#8');
    expect(await cancel.cancelled()).toBeUndefined();
    signals.raise(TASK);
    expect(await cancel.cancelled()).toMatchObject({ marker: { state: 'cancelled' } });
    expect(issue.reads()).toBe(1);
  });

  it('in the Action, reads the status back at every look and stops only on a cancelled one', async () => {
    const running = issueSaying('generating');
    expect(await watch({ issue: running, readBack: true }).cancelled()).toBeUndefined();
    expect(running.reads()).toBe(1);

    const cancelled = issueSaying('cancelled');
    expect(await watch({ issue: cancelled, readBack: true }).cancelled()).toMatchObject({
      commentId: 900,
      marker: { state: 'cancelled' },
    });
  });

  it('under a key, an unsigned "cancelled" in the agent\'s name does not stop the run', async () => {
    const forged = issueSaying('cancelled', { signed: false });
    expect(await watch({ issue: forged, readBack: true }).cancelled()).toBeUndefined();
  });
});
