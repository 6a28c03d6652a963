import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedFile } from '../../src/core/bundle/artifact-bundle.js';
import { BranchCheckedOutError, commitToLocalBranch } from '../../src/local/commit-to-local-branch.js';
import { git, workspaceWithRepository } from '../entry/cli/run-cli.js';

const file = (filePath: string, content: string): GeneratedFile => ({
  path: filePath,
  content,
  role: 'source',
});
const BRANCH = 'implementation/local-x';

describe('commitToLocalBranch', () => {
  it('commits over the branch tip and leaves the user’s index and working tree as they were', async () => {
    const { repo } = await workspaceWithRepository();
    await writeFile(path.join(repo, 'staged.txt'), 'staged\n');
    await git(repo, 'add', 'staged.txt');
    const first = await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [file('src/a.ts', 'a\n'), file('infra/t.yaml', 'x: 1\n')],
      message: 'one',
    });
    const second = await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [file('src/a.ts', 'a2\n')],
      message: 'two',
    });
    expect([first.changed, second.changed]).toEqual([true, true]);
    expect(await git(repo, 'rev-parse', `${BRANCH}^`)).toBe(first.commit);
    // Files of the earlier commit stay, as on GitHub (the tree is built over the tip's tree).
    expect(await git(repo, 'ls-tree', '-r', '--name-only', BRANCH)).toBe('infra/t.yaml\nsrc/a.ts');
    expect(await git(repo, 'show', `${BRANCH}:src/a.ts`)).toBe('a2');
    expect(await git(repo, 'status', '--porcelain')).toBe('A  staged.txt');
  });

  it('makes no commit when the files are already there, and never an empty one', async () => {
    const { repo } = await workspaceWithRepository();
    const files = [file('README.md', '# x\n')];
    const first = await commitToLocalBranch({ repoDir: repo, branch: BRANCH, files, message: 'one' });
    const again = await commitToLocalBranch({ repoDir: repo, branch: BRANCH, files, message: 'two' });
    expect(again).toEqual({ commit: first.commit, changed: false });
  });

  it('starts a repository without commits with a root commit', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'unborn-'));
    await git(repo, 'init', '-q', '-b', 'main');
    const { commit } = await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [file('a.txt', 'a')],
      message: 'root',
    });
    expect(await git(repo, 'rev-list', '--parents', '-n', '1', commit)).toBe(commit);
    expect(await readdir(repo)).toEqual(['.git']);
  });

  it('throws BranchCheckedOutError rather than move a checked-out branch', async () => {
    const { repo } = await workspaceWithRepository();
    await git(repo, 'switch', '-q', '-c', BRANCH);
    const tip = await git(repo, 'rev-parse', 'HEAD');
    await expect(
      commitToLocalBranch({ repoDir: repo, branch: BRANCH, files: [file('a.txt', 'a')], message: 'm' }),
    ).rejects.toBeInstanceOf(BranchCheckedOutError);
    expect(await git(repo, 'rev-parse', BRANCH)).toBe(tip);
  });

  it("removes the task's earlier files it no longer generates from its service folder, and keeps a user's file outside it and another task's output", async () => {
    const { repo } = await workspaceWithRepository();
    const marked = (message: string, taskId: string) =>
      `${message}\n\nImplementation-Task: ${taskId}\nImplementation-Attempt: 1`;
    await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [
        file('services/pay/src/app.ts', 'a\n'),
        file('services/pay/src/hook.ts', 'h\n'),
        file('docs/pay.md', 'd\n'),
      ],
      message: marked('one', 'task-1'),
      taskId: 'task-1',
    });
    // A person's commit on the branch, and output of a task whose id only starts like this one's.
    await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [file('NOTES.md', 'mine\n'), file('services/other/x.ts', 'x\n')],
      message: marked('other task', 'task-10'),
    });
    await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [file('services/pay/src/app.ts', 'a2\n')],
      message: marked('two', 'task-1'),
      taskId: 'task-1',
    });
    expect((await git(repo, 'ls-tree', '-r', '--name-only', BRANCH)).split('\n')).toEqual([
      'NOTES.md',
      'docs/pay.md',
      'services/other/x.ts',
      'services/pay/src/app.ts',
    ]);
  });
});
