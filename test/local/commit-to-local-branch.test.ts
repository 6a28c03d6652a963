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
    expect(again).toMatchObject({ commit: first.commit, changed: false });
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

describe('commitToLocalBranch retires only what the previous generation wrote (issue #11)', () => {
  const marked = (message: string) => `${message}\n\nImplementation-Task: task-1\nImplementation-Attempt: 1`;
  const generation = (repo: string, message: string, files: GeneratedFile[]) =>
    commitToLocalBranch({ repoDir: repo, branch: BRANCH, files, message: marked(message), taskId: 'task-1' });
  const person = (repo: string, files: GeneratedFile[]) =>
    commitToLocalBranch({ repoDir: repo, branch: BRANCH, files, message: 'my notes' });

  it('keeps a person’s file in the service folder over three generations, and retires a generated one', async () => {
    const { repo } = await workspaceWithRepository();
    const app = file('services/pay/src/app.ts', 'a\n');
    const hook = file('services/pay/src/hook.ts', 'h\n');
    await generation(repo, 'one', [app, hook]);
    await person(repo, [file('services/pay/NOTES.md', 'mine\n')]);
    // Generation 2's tree holds NOTES.md; its record lists what it wrote only.
    await generation(repo, 'two', [file('services/pay/src/app.ts', 'a2\n'), hook]);
    expect(await git(repo, 'log', '-1', '--format=%B', BRANCH)).toBe(
      marked('two') + '\nGenerated-File: services/pay/src/app.ts\nGenerated-File: services/pay/src/hook.ts',
    );
    const third = await generation(repo, 'three', [file('services/pay/src/app.ts', 'a3\n')]);
    expect(third.retired).toEqual(['services/pay/src/hook.ts']);
    expect((await git(repo, 'ls-tree', '-r', '--name-only', BRANCH)).split('\n')).toEqual([
      'services/pay/NOTES.md',
      'services/pay/src/app.ts',
    ]);
  });

  it('keeps a generated file a person changed since, and names it', async () => {
    const { repo } = await workspaceWithRepository();
    await generation(repo, 'one', [
      file('services/pay/src/app.ts', 'a\n'),
      file('services/pay/src/hook.ts', 'h\n'),
    ]);
    await person(repo, [file('services/pay/src/hook.ts', 'my hook\n')]);
    const second = await generation(repo, 'two', [file('services/pay/src/app.ts', 'a2\n')]);
    expect(second).toMatchObject({ retired: [], keptEdited: ['services/pay/src/hook.ts'] });
    expect(await git(repo, 'show', `${BRANCH}:services/pay/src/hook.ts`)).toBe('my hook');
  });

  it('retires nothing after a generation that recorded no list (made before lists were kept)', async () => {
    const { repo } = await workspaceWithRepository();
    // An older generation: the task trailer, no Generated-File record.
    await commitToLocalBranch({
      repoDir: repo,
      branch: BRANCH,
      files: [file('services/pay/src/app.ts', 'a\n'), file('services/pay/src/hook.ts', 'h\n')],
      message: marked('one'),
    });
    const second = await generation(repo, 'two', [file('services/pay/src/app.ts', 'a2\n')]);
    expect(second.retired).toEqual([]);
    expect(await git(repo, 'show', `${BRANCH}:services/pay/src/hook.ts`)).toBe('h');
  });
});
