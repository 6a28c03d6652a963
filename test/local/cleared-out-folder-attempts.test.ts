/**
 * A CLI task without a mirror keeps its record in the out folder only. Cleared (`git clean -xdf`),
 * the folder no longer says which attempts were made; the run again must still go past them, from
 * what the repository keeps: the branch's `Implementation-Attempt` trailers and, for attempts that
 * committed nothing, a mark in the git directory.
 */
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import { repositoryAttempts } from '../../src/local/repository-attempts.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { withAttemptTrailers } from '../../src/core/naming/attempt-trailers.js';
import { workspaceWithRepository } from '../entry/cli/run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';
const git = async (cwd: string, ...args: string[]) =>
  (await promisify(execFile)('git', args, { cwd })).stdout.trim();

async function runIn(workspace: { work: string; repo: string; out: string }, words: string) {
  const example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  example.execution_request.description += ` ${words}`;
  const requestFile = path.join(workspace.work, 'request.json');
  await writeFile(requestFile, JSON.stringify(example));
  const lines: string[] = [];
  const result = await runLocalTask({
    requestFile,
    repoDir: workspace.repo,
    outDir: workspace.out,
    init: false,
    provider: createOfflineProvider(),
    progress: (line) => lines.push(line),
  });
  return { result, lines };
}

describe('a CLI task without a mirror, run again after its out folder was cleared', () => {
  it('goes past the attempts the branch shows instead of starting at attempt 1', async () => {
    const workspace = await workspaceWithRepository();
    const first = await runIn(workspace, 'Orders are tagged FIRST-RUN.');
    expect(first.result.status).toBe('committed');
    if (first.result.status !== 'committed') return;
    const branch = first.result.branch;
    expect(
      await git(
        workspace.repo,
        'log',
        '-1',
        '--format=%(trailers:key=Implementation-Attempt,valueonly)',
        branch,
      ),
    ).toBe('1');

    await rm(workspace.out, { recursive: true, force: true });
    const second = await runIn(workspace, 'Orders are tagged SECOND-RUN.');
    expect(second.result.status).toBe('committed');

    const repo = `local/${path.basename(workspace.repo)}`;
    const [record] = await filesystemStores(workspace.out).tasks.listByStatus({ repo, status: 'committed' });
    expect(record?.attempt).toBe(2);
    expect(
      await git(
        workspace.repo,
        'log',
        '-1',
        '--format=%(trailers:key=Implementation-Attempt,valueonly)',
        branch,
      ),
    ).toBe('2');
    expect(second.lines.join('\n')).toContain('which shows attempt 1 of this task; this run is attempt 2');
  });
});

describe('repositoryAttempts', () => {
  it('reads the highest attempt of this task from the branch, ignoring other tasks’ trailers', async () => {
    const { repo } = await workspaceWithRepository();
    const commit = async (message: string) => {
      await git(
        repo,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        'commit',
        '-q',
        '--allow-empty',
        '-m',
        message,
      );
    };
    await git(repo, 'switch', '-q', '-c', 'implementation/local-orders');
    await commit(withAttemptTrailers('Implement orders', 'local/repo#orders@aaaaaaaaaaaa', 3));
    await commit(withAttemptTrailers('Implement orders', 'local/repo#orders@bbbbbbbbbbbb', 9));
    await commit('Implementation-Attempt: 7 in a subject line only');
    await git(repo, 'switch', '-q', 'main');

    const kept = repositoryAttempts({
      repoDir: repo,
      branch: 'implementation/local-orders',
      taskId: 'local/repo#orders@aaaaaaaaaaaa',
    });
    expect(await kept.highest()).toBe(3);
    expect(
      await repositoryAttempts({
        repoDir: repo,
        branch: 'implementation/none',
        taskId: 'local/repo#orders@aaaaaaaaaaaa',
      }).highest(),
    ).toBe(0);
  });

  it('keeps a started attempt that committed nothing in the git directory, only ever going up', async () => {
    const { repo } = await workspaceWithRepository();
    const kept = repositoryAttempts({
      repoDir: repo,
      branch: 'implementation/none',
      taskId: 'local/repo#x@aaaaaaaaaaaa',
    });
    await kept.started(4);
    await kept.started(2);
    expect(await kept.highest()).toBe(4);
    const other = repositoryAttempts({
      repoDir: repo,
      branch: 'implementation/none',
      taskId: 'local/repo#y@aaaaaaaaaaaa',
    });
    expect(await other.highest()).toBe(0);
  });
});
