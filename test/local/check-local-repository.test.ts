import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkLocalRepository } from '../../src/local/check-local-repository.js';

const exec = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd })).stdout.trim();

async function workFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'check-repo-'));
}

/** A repository with one commit, cloned bare: a remote kept on a laptop. */
async function bareWithCommit(work: string): Promise<string> {
  const origin = path.join(work, 'origin');
  await mkdir(origin);
  await git(origin, 'init', '-q', '-b', 'main');
  await git(
    origin,
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@example.com',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'first',
  );
  const bare = path.join(work, 'shop.git');
  await git(work, 'clone', '-q', '--bare', origin, bare);
  return bare;
}

describe('checkLocalRepository: repositories without a working tree at --repo', () => {
  it('refuses a bare repository, with or without --init, and says to pass a clone or a worktree', async () => {
    const bare = await bareWithCommit(await workFolder());
    for (const init of [false, true]) {
      const check = await checkLocalRepository({ repoDir: bare, init });
      expect(check).toEqual({ ok: false, message: expect.stringMatching(/is a bare git repository/) });
      if (!check.ok) expect(check.message).toMatch(/git clone .* worktree add/);
    }
  });

  it('refuses a folder inside a bare repository and a .git folder, even with --init, and creates nothing there', async () => {
    const work = await workFolder();
    const bare = await bareWithCommit(work);
    expect(await checkLocalRepository({ repoDir: path.join(bare, 'refs'), init: true })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/bare git repository/),
    });
    const repo = path.join(work, 'repo');
    await mkdir(repo);
    await git(repo, 'init', '-q', '-b', 'main');
    for (const inGitDir of [path.join(repo, '.git'), path.join(repo, '.git', 'refs')]) {
      const check = await checkLocalRepository({ repoDir: inGitDir, init: true });
      expect(check).toEqual({
        ok: false,
        message: expect.stringMatching(/inside a repository's git directory/),
      });
    }
    await expect(stat(path.join(repo, '.git', '.git'))).rejects.toThrow();
  });

  it('refuses --init for a missing folder whose parent is inside a bare repository or a git directory', async () => {
    const work = await workFolder();
    const bare = await bareWithCommit(work);
    expect(
      await checkLocalRepository({ repoDir: path.join(bare, 'new', 'deeper'), init: true }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/inside the bare git repository .*--init does not nest/),
    });
    // Outside any repository, --init still may create the folder.
    expect(await checkLocalRepository({ repoDir: path.join(work, 'fresh'), init: true })).toMatchObject({
      ok: true,
      repository: { kind: 'to-create' },
    });
  });

  it('takes a worktree of a bare repository and a repository with no commits yet', async () => {
    const work = await workFolder();
    const bare = await bareWithCommit(work);
    const worktree = path.join(work, 'shop');
    await git(bare, 'worktree', 'add', '-q', worktree);
    expect(await checkLocalRepository({ repoDir: worktree, init: false })).toEqual({
      ok: true,
      repository: { kind: 'existing', dir: worktree },
    });
    const empty = path.join(work, 'empty');
    await mkdir(empty);
    await git(empty, 'init', '-q', '-b', 'main');
    expect(await checkLocalRepository({ repoDir: empty, init: false })).toEqual({
      ok: true,
      repository: { kind: 'existing', dir: empty },
    });
  });
});
