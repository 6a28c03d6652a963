import { mkdir } from 'node:fs/promises';
import { runGit } from './run-git.js';

/**
 * `git init` in `dir` (created when absent) with branch `main` and an empty first commit, so the
 * CLI's branch has a base to compare with. Only on `--init`: the CLI never creates one unasked.
 */
export async function createLocalRepository(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await runGit({ cwd: dir, args: ['init', '-q', '-b', 'main'] });
  await runGit({ cwd: dir, args: ['commit', '-q', '--allow-empty', '-m', 'Initial commit'] });
}
