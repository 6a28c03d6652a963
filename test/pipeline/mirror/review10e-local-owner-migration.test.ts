import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deploymentPayloadSchema } from '../../../src/core/deploy/deployment-payload.js';
import { localTaskId } from '../../../src/core/task/local-task-id.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import type { DeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { recordDeployStep } from '../../../src/pipeline/deploy-run/record-deploy-step.js';
import { migrateFormerTask } from '../../../src/pipeline/mirror/migrate-former-task.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';

const SHA = 'c'.repeat(40);
const at = '2026-11-29T08:00:00.000Z';

describe("a GitHub repository owned by an account named 'local' and the CLI's local/<folder> tasks (review10e)", () => {
  it("a deployment in GitHub's local/shop whose payload names 'local/Shop#12' neither migrates nor moves the CLI task of folder Shop, branch …/12 (another team's run, same shared tables)", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10e-local-')));
    // A CLI run elsewhere, mirrored to the same tables: folder 'Shop', branch 'release/12'.
    const cli = localTaskId({ repoName: 'Shop', branch: 'release/12' });
    expect(cli.taskId).toBe('local/Shop#12');
    await recordTaskEvent({
      log: mirror,
      event: { type: 'task_received', task_id: cli.taskId, at, repo: cli.repo },
    });
    await recordTaskEvent({
      log: mirror,
      event: { type: 'state_changed', task_id: cli.taskId, at, to: 'generating' },
    });

    // A writer of the GitHub repository local/shop (owner: the account 'local') deploys, naming that id.
    const event: DeployEvent = {
      repository: { owner: 'local', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 901,
      sha: SHA,
      environment: 'staging',
      payload: {},
    };
    const payload = deploymentPayloadSchema.parse({
      version: 1,
      task_id: 'local/Shop#12',
      stack_name: 'shop-staging',
      template_path: 'template.yaml',
      region: 'us-east-1',
      checked_sha: SHA,
      requested_by: 'mallory',
    });
    await recordDeployStep({
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
      step: { kind: 'started' },
      now: () => Date.parse('2026-11-29T10:00:00.000Z'),
      log: () => undefined,
    });

    // Right: a CLI task's records are never read into, or moved by, a GitHub repository's task.
    expect(await mirror.tasks.get('local/shop#12')).toBeUndefined();
    expect(await mirror.events.list('local/shop#12')).toEqual([]);
    expect((await mirror.tasks.get(cli.taskId))?.status).toBe('generating');
    expect((await mirror.events.list(cli.taskId)).map((stored) => stored.type)).toEqual([
      'task_received',
      'state_changed',
    ]);
  });

  it("migrates a GitHub task's former spelling, never a CLI task's", async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'review10e-migrate-')));
    for (const [taskId, repo] of [
      ['local/Shop#12', 'local/Shop'],
      ['Acme/Shop#7', 'Acme/Shop'],
    ] as const)
      await recordTaskEvent({ log: mirror, event: { type: 'task_received', task_id: taskId, at, repo } });
    const tasks = { tasks: mirror.tasks, events: mirror.events };
    expect(
      await migrateFormerTask({ ...tasks, taskId: 'local/shop#12', formerTaskId: 'local/Shop#12' }),
    ).toBe('nothing');
    expect(await mirror.tasks.get('local/shop#12')).toBeUndefined();
    expect(await migrateFormerTask({ ...tasks, taskId: 'acme/shop#7', formerTaskId: 'Acme/Shop#7' })).toBe(
      'migrated',
    );
    expect((await mirror.tasks.get('acme/shop#7'))?.repo).toBe('acme/shop');
  });
});
