/**
 * A task's pull request merged while the task generates again (`generating → merged`, review10f):
 * the run in flight reads the merge back at its next step and stops before it publishes anything,
 * so it never pushes onto the merged pull request's branch, opens another pull request, or moves
 * the task back to `pr_open`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { readTaskStatus } from '../../../src/github/read-task-status.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import { createCancelSignals } from '../../../src/pipeline/control/cancel-signals.js';
import { createCancelWatch } from '../../../src/pipeline/control/watch-for-cancel.js';
import { runIssueTask } from '../../../src/pipeline/implement/run-issue-task.js';
import { connectedStatusBoard } from '../../../src/pipeline/task/connected-status-board.js';
import { ordersApiRequest } from '../../fixtures/orders-api-request.js';

const BOT = 'implementation-agent[bot]';
const KEY = Buffer.alloc(32, 4);
const TASK = 'acme/shop#7';
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

/** Issue 7's status comment, the last edit kept; `merge()` writes what the pull request sync writes. */
function issue(marker: TaskMarker) {
  const comment = {
    id: 900,
    body: renderStatusComment({ marker, signingKey: KEY }),
    user: { login: BOT, type: 'Bot' },
  };
  const client = {
    issues: {
      listComments: async (p: { page?: number }) => ({ data: (p.page ?? 1) === 1 ? [comment] : [] }),
      createComment: async (): Promise<never> => {
        throw new Error('the status comment exists');
      },
      updateComment: async (p: { body: string }) => {
        comment.body = p.body;
        return {};
      },
      getComment: async () => ({ data: { body: comment.body, user: comment.user } }),
      deleteComment: async (): Promise<never> => {
        throw new Error('no second board here');
      },
    },
    git: {
      getTree: async (): Promise<never> => {
        throw new Error('nothing to re-send');
      },
      getBlob: async (): Promise<never> => {
        throw new Error('nothing to re-send');
      },
    },
    repos: {
      getContent: async (): Promise<never> => {
        throw new Error('nothing to re-send');
      },
    },
  };
  return {
    client,
    marker: () => parseStateMarker(comment.body)!,
    merge: () => {
      comment.body = renderStatusComment({
        marker: { ...parseStateMarker(comment.body)!, state: 'merged' },
        signingKey: KEY,
      });
    },
  };
}

const generating: TaskMarker = {
  task_id: TASK,
  state: 'generating',
  attempt: 2,
  pull_number: 12,
  branch: 'implementation/7-orders-api',
  cost_usd: 0,
  updated_at: '2026-11-30T10:00:00.000Z',
  created_at: '2026-11-30T09:00:00.000Z',
  version: 8,
};

/** Any GitHub call of the run beyond the status comment: publishing, which a merged task must not do. */
const noPublishing = new Proxy(
  {},
  {
    get: (_target, name) => {
      throw new Error(`the run published after the merge: ${String(name)}`);
    },
  },
) as TaskClient;

async function mirrors() {
  const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'merge-stop-')));
  const published: LifecycleEvent[] = [];
  const publisher = { publish: async (events: readonly LifecycleEvent[]) => void published.push(...events) };
  return { stores, published, mirrors: { ...stores, publisher } };
}

function watchOf(
  gh: ReturnType<typeof issue>,
  options: { readBack: boolean; signals?: ReturnType<typeof createCancelSignals> },
  mirror?: Awaited<ReturnType<typeof mirrors>>,
) {
  return createCancelWatch({
    client: gh.client,
    trust,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    taskId: TASK,
    signals: options.signals,
    readBack: options.readBack,
    ...(mirror === undefined ? {} : { mirrors: mirror.mirrors }),
    log: () => undefined,
    settle: async () => undefined,
  });
}

describe('a run whose pull request is merged while it generates again', () => {
  it('in the Action, reads the merge back and stops before publishing; the task stays merged with its pull request', async () => {
    const gh = issue(generating);
    const mirror = await mirrors();
    const board = connectedStatusBoard({
      client: gh.client,
      trust,
      owner: 'acme',
      repo: 'shop',
      repositoryId: 4242,
      issueNumber: 7,
      taskId: TASK,
      existing: await readTaskStatus({
        client: gh.client,
        trust,
        owner: 'acme',
        repo: 'shop',
        repositoryId: 4242,
        issueNumber: 7,
      }),
      mirrors: mirror.mirrors,
      log: () => undefined,
      settle: async () => undefined,
    });
    const provider = createOfflineProvider();
    const generate = provider.generate.bind(provider);
    // The merge lands while the model works.
    provider.generate = async (...args) => {
      gh.merge();
      return generate(...args);
    };

    const outcome = await runIssueTask({
      client: noPublishing,
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      issueNumber: 7,
      taskId: TASK,
      request: ordersApiRequest,
      config: DEFAULT_CONFIG,
      board,
      provider,
      log: () => undefined,
      cancel: watchOf(gh, { readBack: true }, mirror),
    });

    expect(outcome).toMatchObject({ status: 'ignored', reasonCode: 'merged' });
    expect(gh.marker()).toMatchObject({ state: 'merged', pull_number: 12 });
    const record = await mirror.stores.tasks.get(TASK);
    expect(record).toMatchObject({
      status: 'merged',
      pull_number: 12,
      last_outcome: { reasonCode: 'merged' },
    });
    expect(mirror.published.map((event) => event.detailType)).not.toContain('Pull Request Opened');
  });

  it('in the app, stops once the sync raises the task’s signal and the comment says merged', async () => {
    const gh = issue({ ...generating, state: 'merged' });
    const signals = createCancelSignals();
    const watch = watchOf(gh, { readBack: false, signals });
    expect(await watch.cancelled()).toBeUndefined();
    signals.raise(TASK);
    expect(await watch.cancelled()).toMatchObject({ marker: { state: 'merged' } });
  });

  it('goes on while the task is only generating', async () => {
    const gh = issue(generating);
    expect(await watchOf(gh, { readBack: true }).cancelled()).toBeUndefined();
  });
});
