import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GeneratedFile } from '../core/bundle/artifact-bundle.js';

const exec = promisify(execFile);

/**
 * The CLI's stand-in for a pull request: commits the files on `branch` of a local repository
 * (created when absent), leaving the checked-out branch as it was. Re-running adds a commit.
 */
export async function commitToLocalBranch(params: {
  repoDir: string;
  branch: string;
  files: readonly GeneratedFile[];
  message: string;
}): Promise<{ commit: string; createdRepo: boolean }> {
  const git = (...args: string[]) =>
    exec('git', args, { cwd: params.repoDir, env: gitEnv() }).then((r) => r.stdout.trim());
  const createdRepo = !existsSync(path.join(params.repoDir, '.git'));
  if (createdRepo) {
    await mkdir(params.repoDir, { recursive: true });
    await git('init', '-q', '-b', 'main');
    await git('commit', '-q', '--allow-empty', '-m', 'Initial commit');
  }
  // A separate worktree keeps the user's checkout and index untouched.
  const worktree = path.join(await mkdtemp(path.join(os.tmpdir(), 'implementation-agent-')), 'worktree');
  await git('worktree', 'prune');
  const branchExists = await git('branch', '--list', params.branch).then((out) => out.length > 0);
  await git(
    'worktree',
    'add',
    '-q',
    '-f',
    ...(branchExists ? [worktree, params.branch] : ['-b', params.branch, worktree]),
  );
  try {
    for (const file of params.files) {
      const target = path.join(worktree, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    const inWorktree = (...args: string[]) =>
      exec('git', args, { cwd: worktree, env: gitEnv() }).then((r) => r.stdout.trim());
    await inWorktree('add', '--', ...params.files.map((file) => file.path));
    await inWorktree('commit', '-q', '--allow-empty', '-m', params.message);
    return { commit: await inWorktree('rev-parse', 'HEAD'), createdRepo };
  } finally {
    await git('worktree', 'remove', '--force', worktree);
  }
}

/** Commits work on machines without a configured git identity (CI, fresh containers). */
function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? 'implementation-agent',
    GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? 'implementation-agent@users.noreply.local',
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? 'implementation-agent',
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? 'implementation-agent@users.noreply.local',
  };
}
