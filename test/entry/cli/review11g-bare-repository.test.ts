import { execFile } from 'node:child_process';
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { git, runCli } from './run-cli.js';

/**
 * A new-user pass over the CLI's `--repo` checks (review 11g, issue #11 item 7): a bare repository
 * (a remote kept on a laptop or a server, `git init --bare`) given as `--repo`. The CLI writes with
 * git's plumbing, so it could commit there; what it must never do is call it "not a git repository"
 * and, with the `--init` it suggests, create a second repository inside it. The faults found are
 * fixed (`checkLocalRepository` refuses bare repositories); a worktree of a bare repository and a
 * repository with no commits take the CLI's branch.
 */
const exec = promisify(execFile);
const EXAMPLE = 'examples/orders-api.request.json';

async function bareRepository(): Promise<{ bare: string; out: string }> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'cli-bare-'));
  const bare = path.join(work, 'shop.git');
  await exec('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  return { bare, out: path.join(work, 'out') };
}

describe('review 11g: a bare repository as --repo', () => {
  it('a bare repository is refused with exit code 2 as bare, not as "not a git repository" (a bare repository taken for a plain folder)', async () => {
    const { bare, out } = await bareRepository();
    const result = await runCli(['run', EXAMPLE, '--repo', bare, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bare/);
    expect(result.stderr).not.toContain('is not a git repository');
  });

  it('`--init` on a bare repository is refused: no second repository (`.git`) is created inside it (--init writing into an existing repository)', async () => {
    const { bare, out } = await bareRepository();
    const result = await runCli(['run', EXAMPLE, '--repo', bare, '--out', out, '--init']);
    expect(result.code).toBe(2);
    await expect(stat(path.join(bare, '.git'))).rejects.toThrow();
    const isBare = (await exec('git', ['-C', bare, 'rev-parse', '--is-bare-repository'])).stdout.trim();
    expect(isBare).toBe('true');
  });

  it('commits to a worktree of a bare repository, so the branch is in the bare repository', async () => {
    const { bare, out } = await bareRepository();
    const seed = path.join(path.dirname(bare), 'seed');
    await exec('git', ['clone', '-q', bare, seed]);
    await git(
      seed,
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
    await git(seed, 'push', '-q', 'origin', 'HEAD:main');
    const worktree = path.join(path.dirname(bare), 'shop');
    await git(bare, 'worktree', 'add', '-q', worktree, 'main');
    const result = await runCli(['run', EXAMPLE, '--repo', worktree, '--out', out]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(await git(bare, 'branch', '--list', 'implementation/*')).toContain('implementation/');
  });

  it('commits to a repository with no commits yet, as the first commit of the branch', async () => {
    const { bare, out } = await bareRepository();
    const empty = path.join(path.dirname(bare), 'empty');
    await exec('git', ['init', '-q', '-b', 'main', empty]);
    const result = await runCli(['run', EXAMPLE, '--repo', empty, '--out', out]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const branch = (
      await git(empty, 'branch', '--list', '--format=%(refname:short)', 'implementation/*')
    ).trim();
    expect(await git(empty, 'rev-list', '--count', branch)).toBe('1');
  });
});
