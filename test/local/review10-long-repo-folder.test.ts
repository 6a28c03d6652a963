import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { localTaskLife } from '../../src/local/local-task-life.js';
import { localTaskId } from '../../src/core/task/local-task-id.js';
import { MAX_TASK_ID_LENGTH, taskIdSchema } from '../../src/core/task/task-id-schema.js';

describe('review10: the CLI task of a repository folder with a long name', () => {
  it('a repository folder name of 210 characters gives a task id the record takes, so the life is recorded and read back', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'review10-cli-'));
    const warnings: string[] = [];
    const life = localTaskLife({
      outDir: out,
      // Linux takes file names up to 255 bytes.
      repoName: 'r'.repeat(210),
      branch: 'implementation/local-orders-api',
      cloneId: 'a1b2c3d4e5f6',
      request: {
        execution_request: {
          task_type: 'application',
          task_name: 'Orders API',
          execution_mode: 'guided',
          target_environment: 'development',
        },
      },
      warn: (line) => warnings.push(line),
    });
    await life.started();
    expect(warnings).toEqual([]);
    expect(await filesystemStores(out).tasks.get(life.taskId)).toMatchObject({ status: 'generating' });
    expect(life.taskId).toMatch(/^local\/r{83}~[0-9a-f]{16}#local-orders-api@a1b2c3d4e5f6$/);
  });
});

describe('localTaskId', () => {
  const branch = 'implementation/local-orders-api';

  it("keeps a folder name of up to 100 characters (GitHub's longest repository name) as it is", () => {
    expect(localTaskId({ repoName: 'r'.repeat(100), branch })).toEqual({
      repo: `local/${'r'.repeat(100)}`,
      taskId: `local/${'r'.repeat(100)}#local-orders-api`,
    });
    expect(localTaskId({ repoName: 'my shop/api', branch }).repo).toBe('local/my-shop-api');
  });

  it('shortens a longer folder name to 100 characters, ending in a hash, so two long names stay two tasks', () => {
    const one = localTaskId({ repoName: `${'r'.repeat(150)}a`, branch });
    const two = localTaskId({ repoName: `${'r'.repeat(150)}b`, branch });
    expect(one.repo).toHaveLength('local/'.length + 100);
    expect(one.taskId).not.toBe(two.taskId);
    expect(localTaskId({ repoName: `${'r'.repeat(150)}a`, branch })).toEqual(one);
  });

  it('shortens a branch segment that would take the id past the cap', () => {
    const { taskId } = localTaskId({
      repoName: 'r'.repeat(300),
      branch: `implementation/${'b'.repeat(300)}`,
    });
    expect(taskId).toHaveLength(MAX_TASK_ID_LENGTH);
    expect(taskIdSchema.safeParse(taskId).success).toBe(true);
  });

  it('shortens by whole characters, never splitting one, for names outside ASCII', () => {
    const { repo, taskId } = localTaskId({ repoName: '🚀'.repeat(120), branch });
    expect(repo).toMatch(/^local\/(🚀){41}~[0-9a-f]{16}$/u);
    expect(taskIdSchema.safeParse(taskId).success).toBe(true);
  });
});
