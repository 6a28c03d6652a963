import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';
import type { LifecycleEvent } from '../../../src/core/task/lifecycle-event.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { readTaskStatus } from '../../../src/github/read-task-status.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { cancelTask } from '../../../src/pipeline/control/cancel-task.js';
import { createCancelWatch } from '../../../src/pipeline/control/watch-for-cancel.js';
import { connectedStatusBoard } from '../../../src/pipeline/task/connected-status-board.js';

const BOT = 'implementation-agent[bot]';
const KEY = Buffer.alloc(32, 3);
const TASK = 'acme/shop#7';
const SHA = 'c'.repeat(40);
const TEMPLATE = 'Resources: { Q: { Type: AWS::SQS::Queue } }\n';
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });

/** A deployment record the deployments store did not take, kept in the marker for the next step. */
const UNSENT = {
  environment: 'staging',
  deployment_id: 501,
  sha: SHA,
  stack_name: 'shop-staging',
  template_path: 'template.yaml',
  template_sha256: sha256Hex(TEMPLATE),
  parameters: { Stage: 'staging' },
};

/**
 * One issue whose status comment GitHub keeps as the last edit; `interleave` runs once, right after
 * the next edit lands, so another run's write falls between a run's write and its read-back.
 */
function issueWith(marker: TaskMarker) {
  const comment = {
    id: 900,
    body: renderStatusComment({ marker, signingKey: KEY }),
    user: { login: BOT, type: 'Bot' },
  };
  let interleave: (() => Promise<void>) | undefined;
  const client = {
    issues: {
      listComments: async (p: { page?: number }) => ({ data: (p.page ?? 1) === 1 ? [comment] : [] }),
      createComment: async (): Promise<never> => {
        throw new Error('the status comment exists');
      },
      updateComment: async (p: { body: string }) => {
        comment.body = p.body;
        const run = interleave;
        interleave = undefined;
        await run?.();
        return {};
      },
      getComment: async () => ({ data: { body: comment.body, user: comment.user } }),
      deleteComment: async (): Promise<never> => {
        throw new Error('no second board here');
      },
    },
    git: {
      getTree: async (): Promise<never> => {
        throw new Error('no artifacts to re-send');
      },
      getBlob: async (): Promise<never> => {
        throw new Error('no artifacts to re-send');
      },
    },
    repos: {
      getContent: async (p: { path: string; ref?: string }) => {
        if (p.path !== 'template.yaml' || p.ref !== SHA)
          throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { type: 'file', content: Buffer.from(TEMPLATE).toString('base64') } };
      },
    },
  };
  return {
    client,
    marker: () => parseStateMarker(comment.body)!,
    interleaveNextWrite: (run: () => Promise<void>) => {
      interleave = run;
    },
  };
}

async function mirrors() {
  const stores = filesystemStores(await mkdtemp(path.join(tmpdir(), 'cancel-board-')));
  const published: LifecycleEvent[] = [];
  const publisher = { publish: async (events: readonly LifecycleEvent[]) => void published.push(...events) };
  return { stores, published, mirrors: { ...stores, publisher } };
}

const running: TaskMarker = {
  task_id: TASK,
  state: 'generating',
  attempt: 2,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00.000Z',
  created_at: '2026-11-29T09:00:00.000Z',
  version: 6,
  unsent_deployments: [UNSENT],
};

let second = 0;
const now = () => new Date(Date.parse('2026-11-29T11:00:00.000Z') + second++ * 1000);

function cancel(issue: ReturnType<typeof issueWith>, mirror: Awaited<ReturnType<typeof mirrors>>) {
  return cancelTask({
    client: issue.client,
    trust,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    actor: 'maintainer',
    triggerKey: 'comment:55',
    mirrors: mirror.mirrors,
    log: () => undefined,
    now,
    settle: async () => undefined,
  });
}

describe('/cancel through the shared status board (connectedStatusBoard)', () => {
  it('leaves in the stores what every other step leaves: the record, its events, the bus milestone, and earlier unsent deployment records', async () => {
    const issue = issueWith(running);
    const mirror = await mirrors();

    const outcome = await cancel(issue, mirror);

    expect(outcome.status).toBe('cancelled');
    const marker = issue.marker();
    expect(marker.state).toBe('cancelled');
    expect(await mirror.stores.tasks.get(TASK)).toEqual(
      recordFromMarker({ marker, taskId: TASK, repo: 'acme/shop', issueNumber: 7 }),
    );
    expect((await mirror.stores.events.list(TASK)).map((event) => event.type)).toContain('outcome_recorded');
    expect(mirror.published.map((event) => event.detailType)).toContain('Task Cancelled');
    // The deployment record the store did not take earlier goes with this step, as with any other.
    expect(marker.unsent_deployments).toBeUndefined();
    expect(
      await mirror.stores.deployments.load({
        repository: 'acme/shop',
        environment: 'staging',
        deploymentId: 501,
      }),
    ).toMatchObject({
      template: TEMPLATE,
      parameters: { Stage: 'staging' },
    });
  });

  it("reads its write back: another run's step written at the same moment is kept, the cancel applied on top", async () => {
    const issue = issueWith({ ...running, unsent_deployments: undefined });
    const mirror = await mirrors();
    // Another run (the generation, say) records its attempt's cost while the cancel is written: it
    // read the comment just before the cancel landed (its read before writing found its base).
    const before = renderStatusComment({
      marker: { ...running, unsent_deployments: undefined },
      signingKey: KEY,
    });
    let otherReads = 0;
    const otherClient = {
      ...issue.client,
      issues: {
        ...issue.client.issues,
        getComment: async () =>
          otherReads++ === 0
            ? { data: { body: before, user: { login: BOT } } }
            : issue.client.issues.getComment(),
      },
    };
    issue.interleaveNextWrite(async () => {
      const existing = await readTaskStatus({
        client: issue.client,
        trust,
        owner: 'acme',
        repo: 'shop',
        repositoryId: 4242,
        issueNumber: 7,
      });
      const other = connectedStatusBoard({
        client: otherClient,
        trust,
        owner: 'acme',
        repo: 'shop',
        repositoryId: 4242,
        issueNumber: 7,
        taskId: TASK,
        existing: { ...existing!, marker: { ...running, unsent_deployments: undefined } },
        trigger: 'comment:44',
        log: () => undefined,
        now,
        settle: async () => undefined,
      });
      await other.move('generating', { patch: { attempt: 3 } });
    });

    await cancel(issue, mirror);

    const marker = issue.marker();
    expect(marker.state).toBe('cancelled');
    expect(marker.attempt).toBe(3);
    expect(marker.handled_triggers).toEqual(expect.arrayContaining(['comment:44', 'comment:55']));
  });

  it('a run that stops on the cancel records its stop through the same board: its earlier unsent records are re-sent', async () => {
    const issue = issueWith({ ...running, state: 'cancelled', version: 7 });
    const mirror = await mirrors();
    const watch = createCancelWatch({
      client: issue.client,
      trust,
      owner: 'acme',
      repo: 'shop',
      repositoryId: 4242,
      issueNumber: 7,
      taskId: TASK,
      readBack: true,
      mirrors: mirror.mirrors,
      log: () => undefined,
      now,
      settle: async () => undefined,
    });
    const status = await watch.cancelled();

    const outcome = await watch.stop(status!, { where: 'before generation attempt 2' });

    expect(outcome.status).toBe('cancelled');
    expect(issue.marker().unsent_deployments).toBeUndefined();
    expect(
      await mirror.stores.deployments.load({
        repository: 'acme/shop',
        environment: 'staging',
        deploymentId: 501,
      }),
    ).toBeDefined();
    expect(await mirror.stores.tasks.get(TASK)).toEqual(
      recordFromMarker({ marker: issue.marker(), taskId: TASK, repo: 'acme/shop', issueNumber: 7 }),
    );
  });
});
