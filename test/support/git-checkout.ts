import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd })
    .toString()
    .trim();

/**
 * Commits everything in `dir` (a git repository made there when it is none, symlinks kept as git
 * keeps them) and returns the commit's sha: a checkout at the deployed sha for packaging tests,
 * which list files with git (`listTrackedFiles`).
 */
export function commitCheckout(dir: string): string {
  if (!existsSync(join(dir, '.git'))) git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'Checkout');
  return git(dir, 'rev-parse', 'HEAD');
}
