import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { git, runCli, workspaceWithRepository } from './run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';
const BRANCH = 'implementation/local-orders-api';

// Each test runs the CLI as a process once or twice (about 10 s each on a loaded 2-core machine):
// a watchdog, not a speed assertion.
jest.setTimeout(120_000);

const readStatus = async (out: string) => JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8'));

describe('implementation-agent run: the change lands on its branch and nowhere else', () => {
  it('commits the shipped example on a new branch, says so in status.json, and leaves the checkout alone', async () => {
    const { repo, out } = await workspaceWithRepository();
    await writeFile(path.join(repo, 'notes.txt'), 'work in progress\n');
    const result = await runCli(['run', EXAMPLE, '--repo', repo, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // One progress line per step, in order.
    expect(result.stdout.match(/^\[\d\/5\]/gm)).toEqual(['[1/5]', '[2/5]', '[3/5]', '[4/5]', '[5/5]']);

    const status = await readStatus(out);
    expect(status).toMatchObject({ status: 'committed', branch: BRANCH });
    expect(status.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await git(repo, 'rev-parse', BRANCH)).toBe(status.commit);
    expect((await git(repo, 'ls-tree', '-r', '--name-only', BRANCH)).split('\n')).toEqual(
      expect.arrayContaining(status.files),
    );
    expect(await git(repo, 'branch', '--show-current')).toBe('main');
    expect(await git(repo, 'status', '--porcelain')).toBe('?? notes.txt');
    expect(await readFile(path.join(out, 'pr-body.md'), 'utf8')).toContain('### Validation');
    // The task record beside it says the same: committed with the branch and commit, no pull request.
    const [record] = await filesystemStores(out).tasks.listByStatus({
      repo: `local/${path.basename(repo)}`,
      status: 'committed',
    });
    expect(record).toMatchObject({ branch: BRANCH, commit: status.commit });
    expect(record).not.toHaveProperty('pull_number');
  });

  it('adds no commit when a re-run generates the same files', async () => {
    const { repo, out } = await workspaceWithRepository();
    await runCli(['run', EXAMPLE, '--repo', repo, '--out', out]);
    const first = await readStatus(out);
    const again = await runCli(['run', EXAMPLE, '--repo', repo, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No change');
    expect(await readStatus(out)).toMatchObject({
      status: 'unchanged',
      branch: BRANCH,
      commit: first.commit,
    });
    expect(await git(repo, 'rev-list', '--count', BRANCH)).toBe('2');
  });

  it('refuses, before generating, to move the branch the user has checked out', async () => {
    const { repo, out } = await workspaceWithRepository();
    await runCli(['run', EXAMPLE, '--repo', repo, '--out', out]);
    const tip = await git(repo, 'rev-parse', BRANCH);
    await git(repo, 'switch', '-q', BRANCH);
    // A change the generator would overwrite, so a moved branch would show up in the checkout.
    await git(repo, 'update-ref', `refs/heads/${BRANCH}`, `${BRANCH}~1`);
    await git(repo, 'reset', '-q', '--hard');
    const result = await runCli(['run', EXAMPLE, '--repo', repo, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Branch ${BRANCH} is checked out in ${await git(repo, 'rev-parse', '--show-toplevel')}`,
    );
    expect(result.stdout).not.toContain('Generating');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    expect(await git(repo, 'rev-parse', BRANCH)).not.toBe(tip);
  });

  it('leaves no temporary folder behind', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const tmp = path.join(work, 'tmp');
    await mkdir(tmp);
    const result = await runCli(['run', EXAMPLE, '--repo', repo, '--out', out], { TMPDIR: tmp });
    expect(result.code).toBe(0);
    // tsx keeps its compile cache in the temp folder; nothing of ours may stay there.
    expect((await readdir(tmp)).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
  });

  it('creates the repository when asked with --init, as npm run demo does', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'cli-'));
    const repo = path.join(work, 'new-repo');
    const out = path.join(work, 'out');
    const created = await runCli(['run', EXAMPLE, '--repo', repo, '--out', out, '--init']);
    expect(created.code).toBe(0);
    expect(await git(repo, 'branch', '--show-current')).toBe('main');
    expect(await git(repo, 'rev-list', '--count', BRANCH)).toBe('2');
  });
});

describe('implementation-agent run: a failed run leaves nothing of the previous one', () => {
  it('replaces the previous PR body and report with the new status and the request errors', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    await runCli(['run', EXAMPLE, '--repo', repo, '--out', out]);
    const bad = path.join(work, 'bad.json');
    await writeFile(bad, JSON.stringify({ execution_request: { task_type: 'mainframe', task_name: '' } }));
    const result = await runCli(['run', bad, '--repo', repo, '--out', out]);
    expect(result.code).toBe(1);
    for (const field of ['task_type', 'task_name', 'execution_mode', 'target_environment'])
      expect(result.stderr).toContain(field);
    expect(await runOutputs(out)).toEqual(['request-errors.md', 'status.json']);
    expect(await readStatus(out)).toMatchObject({ status: 'invalid_request' });
    expect(await git(repo, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/implementation')).toBe(
      BRANCH,
    );
  });

  it('reports malformed JSON with where it broke', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const broken = path.join(work, 'broken.json');
    await writeFile(broken, '{\n  "execution_request": {\n    "task_type": "application",,\n');
    const result = await runCli(['run', broken, '--repo', repo, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3/i);
  });
});

/** The out folder's files from the run; the task record's stores (`tasks/`, `artifacts/`) are kept across runs. */
async function runOutputs(out: string): Promise<string[]> {
  const kept = new Set(['tasks', 'artifacts', 'artifact-metadata']);
  return (await readdir(out)).filter((name) => !kept.has(name)).sort();
}
