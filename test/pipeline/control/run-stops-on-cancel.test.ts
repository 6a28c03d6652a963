import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import { ModelOutputError, type ModelProvider } from '../../../src/generation/model-provider.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import type { RunStop } from '../../../src/pipeline/control/record-stopped-run.js';
import type { CancelWatch } from '../../../src/pipeline/control/watch-for-cancel.js';
import { runIssueTask } from '../../../src/pipeline/implement/run-issue-task.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

const CANCELLED: StatusCommentRef = {
  commentId: 900,
  marker: {
    task_id: 'acme/shop#7',
    state: 'cancelled',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-24T10:00:00.000Z',
  } as TaskMarker,
  trust: 'trusted',
  reason: 'is signed',
  body: '',
};

/** A watch that reports the cancel from its `cancelledFrom`-th look on (1-based), recording each look and the stop. */
function watchCancelledFrom(cancelledFrom: number) {
  let looks = 0;
  const stops: RunStop[] = [];
  const watch: CancelWatch = {
    cancelled: async () => (++looks >= cancelledFrom ? CANCELLED : undefined),
    stop: async (_status, stop) => {
      stops.push(stop);
      return { status: 'cancelled', taskId: 'acme/shop#7', issueNumber: 7, message: stop.where };
    },
  };
  return { watch, stops, looks: () => looks };
}

function issueComments() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async ({ body }) => {
        bodies.push(body);
        return { data: { id: 900 } };
      },
      updateComment: async ({ body }) => {
        bodies.push(body);
        return {};
      },
    },
  };
  return { client, bodies };
}

/** Every answer unusable, at a cost: each attempt is a repair the cancel can spare. */
function unusableModel() {
  let calls = 0;
  const provider: ModelProvider = {
    name: 'scripted',
    async generate() {
      calls++;
      throw new ModelOutputError('unusable answer', ['no files'], {
        inputTokens: 1000,
        outputTokens: 100,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        costUsd: 0.01,
      });
    },
  };
  return { provider, calls: () => calls };
}

const noOtherCalls = new Proxy(
  {},
  {
    get: (_target, name) => {
      throw new Error(`unexpected GitHub call: ${String(name)}`);
    },
  },
) as TaskClient;

function run(params: { provider: ModelProvider; cancel: CancelWatch }) {
  const issue = issueComments();
  const board = createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: 'acme/shop#7',
    existing: undefined,
    signingKey: undefined,
  });
  return runIssueTask({
    client: noOtherCalls,
    repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
    issueNumber: 7,
    taskId: 'acme/shop#7',
    request: ordersApiRequest,
    config: DEFAULT_CONFIG,
    board,
    provider: params.provider,
    log: () => undefined,
    cancel: params.cancel,
  }).then((outcome) => ({ outcome, bodies: issue.bodies }));
}

describe('runIssueTask with a cancel watch', () => {
  it('stops before the first repair attempt, counting what the first attempt cost', async () => {
    const model = unusableModel();
    const cancel = watchCancelledFrom(1);

    const { outcome, bodies } = await run({ provider: model.provider, cancel: cancel.watch });

    expect(outcome).toMatchObject({ status: 'cancelled' });
    expect(model.calls()).toBe(1);
    expect(cancel.stops).toEqual([
      {
        where: 'before generation attempt 2',
        usage: { model: 'scripted', usage: expect.objectContaining({ costUsd: 0.01, inputTokens: 1000 }) },
      },
    ]);
    // Only the move to generating was written by the run; the stop is the watch's to record.
    expect(bodies).toHaveLength(1);
  });

  it('never fails a cancelled task: the last repair found nothing usable, and the cancel wins', async () => {
    const model = unusableModel();
    // Looks: before attempt 2, before attempt 3, after generation.
    const cancel = watchCancelledFrom(3);

    const { outcome } = await run({ provider: model.provider, cancel: cancel.watch });

    expect(model.calls()).toBe(DEFAULT_CONFIG.generation.max_repair_attempts + 1);
    expect(outcome).toMatchObject({ status: 'cancelled' });
    expect(cancel.stops).toEqual([
      expect.objectContaining({ where: 'after generation, before anything was published' }),
    ]);
  });

  it('goes on to the end while nothing is cancelled, looking before each step', async () => {
    const model = unusableModel();
    const cancel = watchCancelledFrom(Number.POSITIVE_INFINITY);

    const { outcome } = await run({ provider: model.provider, cancel: cancel.watch });

    expect(outcome).toMatchObject({ status: 'failed' });
    // Before attempts 2 and 3, and after generation.
    expect(cancel.looks()).toBe(3);
    expect(cancel.stops).toEqual([]);
  });
});
