import { mkdir, mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { renderStatusComment } from '../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { artifactKey, deploymentPrefix } from '../../../src/core/stores/store-keys.js';
import { canonicalTaskId } from '../../../src/core/task/canonical-task-id.js';
import { taskIdOf } from '../../../src/core/task/task-id-of.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const KEY = Buffer.alloc(32, 8);
const SHA = 'c'.repeat(40);
const at = '2026-11-29T08:00:00.000Z';

describe('one spelling of a repository for task ids and store keys (canonicalRepository)', () => {
  it('gives the same task id and S3 keys before and after a case-only rename', () => {
    expect(taskIdOf({ owner: 'Acme', repo: 'Shop', issueNumber: 7 })).toBe('acme/shop#7');
    expect(taskIdOf({ owner: 'acme', repo: 'shop', issueNumber: 7 })).toBe('acme/shop#7');
    expect(canonicalTaskId('Acme/Shop#7')).toBe('acme/shop#7');
    // A CLI task's folder names are case-sensitive: kept as they are.
    expect(canonicalTaskId('local/MyRepo#orders-api')).toBe('local/MyRepo#orders-api');
    const artifact = (repo: string) =>
      artifactKey({
        repo,
        taskId: taskIdOf({ owner: 'x', repo: 'y', issueNumber: 1 }),
        attempt: 1,
        path: 'a.txt',
      });
    expect(artifact('X/Y')).toBe(artifact('x/y'));
    expect(artifact('x/y')).toBe('x/y/1/1/a.txt');
    const deployment = (repository: string) =>
      deploymentPrefix({ repository, environment: 'staging', deploymentId: 5 });
    expect(deployment('Acme/Shop')).toBe(deployment('acme/shop'));
  });
});

describe('a deployment made before a case-only rename (payload task_id Acme/Shop#7), deployed after it', () => {
  it('moves the one task record, found under the old key and kept under the new one: nothing split', async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'case-rename-')));
    // Recorded before the rename (no status comment carries it: the mirror is its log).
    await recordTaskEvent({
      log: mirror,
      event: { type: 'task_received', task_id: 'Acme/Shop#7', at, repo: 'Acme/Shop', issue_number: 7 },
    });
    for (const to of ['generating', 'validating', 'pr_open', 'approved', 'merged'] as const)
      await recordTaskEvent({
        log: mirror,
        event: {
          type: 'state_changed',
          task_id: 'Acme/Shop#7',
          at,
          to,
          ...(to === 'pr_open' ? { pull_number: 2 } : {}),
        },
      });

    const event: DeployEvent = {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 901,
      sha: SHA,
      environment: 'staging',
      payload: {},
    };
    const payload = deploymentPayloadSchema.parse({
      version: 1,
      task_id: 'Acme/Shop#7',
      stack_name: 'shop-staging',
      template_path: 'template.yaml',
      region: 'us-east-1',
      checked_sha: SHA,
      requested_by: 'octocat',
    });
    const run = (step: Parameters<typeof recordDeployStep>[0]['step']) =>
      recordDeployStep({
        recording: { mirrors: mirror },
        client: {
          issues: { listComments: async () => ({ data: [] }) },
          repos: {
            listDeployments: async () => ({ data: [] }),
            listDeploymentStatuses: async () => ({ data: [] }),
          },
        } as never,
        event,
        payload,
        step,
        now: () => Date.parse('2026-11-29T10:00:00.000Z'),
        log: () => undefined,
      });
    expect(await run({ kind: 'started' })).toEqual([]);
    expect(await run({ kind: 'finished', succeeded: true })).toEqual([]);

    const record = await mirror.tasks.get('acme/shop#7');
    expect(record).toMatchObject({ task_id: 'acme/shop#7', repo: 'acme/shop', status: 'merged', version: 8 });
    expect(record?.environments['staging']).toMatchObject({ status: 'deployed', deployment_id: 901 });
    // Every event of the task, before and after the rename, under the one key, in order.
    const events = await mirror.events.list('acme/shop#7');
    expect(events.map((each) => each.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.every((each) => each.task_id === 'acme/shop#7')).toBe(true);
  });
});

describe("a status comment written before the rename ('Acme/Shop#7'), and the mirror under the old key", () => {
  it("the first step after it migrates the mirror's record and events to the new key", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'case-rename-board-')));
    await recordTaskEvent({
      log: mirror,
      event: { type: 'task_received', task_id: 'Acme/Shop#7', at, repo: 'Acme/Shop', issue_number: 7 },
    });
    await recordTaskEvent({
      log: mirror,
      event: { type: 'state_changed', task_id: 'Acme/Shop#7', at, to: 'generating' },
    });
    const before: TaskMarker = {
      task_id: 'Acme/Shop#7',
      state: 'generating',
      attempt: 0,
      cost_usd: 0,
      updated_at: at,
      created_at: at,
      version: 2,
    };
    let body = renderStatusComment({ marker: before, signingKey: KEY });
    const board = createStatusBoard({
      client: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async () => ({ data: { id: 900 } }),
          updateComment: async (p: { body: string }) => ((body = p.body), {}),
        },
      },
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: taskIdOf({ owner: 'acme', repo: 'shop', issueNumber: 7 }),
      existing: { commentId: 900, marker: before, trust: 'trusted', reason: 'is signed', body },
      signingKey: KEY,
      mirrors: mirror,
    });
    await board.move('validating');

    expect(parseStateMarker(body)).toMatchObject({ task_id: 'acme/shop#7', version: 3 });
    expect(await mirror.tasks.get('acme/shop#7')).toMatchObject({
      status: 'validating',
      version: 3,
      repo: 'acme/shop',
    });
    expect((await mirror.events.list('acme/shop#7')).map((each) => each.sequence)).toEqual([1, 2, 3]);
  });
});

describe('a deployment record stored before keys were canonical (under Acme/Shop/…)', () => {
  it('is still found by a rollback that names the repository as GitHub spells it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'case-rename-deployments-'));
    const store = filesystemStores(root).deployments;
    const deployment = {
      repository: 'Acme/Shop',
      environment: 'staging',
      deploymentId: 5,
      sha: SHA,
      stackName: 'shop-staging',
      template: 'Resources: {}\n',
      parameters: {},
      outputs: {},
    };
    await store.save(deployment);
    // Where the release before this one kept it: the repository as spelled.
    await mkdir(path.join(root, 'deployments', 'Acme'));
    await rename(
      path.join(root, 'deployments', 'acme', 'shop'),
      path.join(root, 'deployments', 'Acme', 'Shop'),
    );

    expect(
      await store.load({ repository: 'Acme/Shop', environment: 'staging', deploymentId: 5 }),
    ).toMatchObject({
      template: 'Resources: {}\n',
    });
    expect(
      await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 5 }),
    ).toBeUndefined();
  });
});
