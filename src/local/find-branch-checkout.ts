import { runGit } from './run-git.js';

/**
 * The work tree (main checkout or a linked `git worktree`) that has `branch` checked out, or
 * undefined. Moving such a branch would leave its checkout showing the reverse of the new commit
 * as staged changes, so the CLI never commits to it.
 */
export async function findBranchCheckout(params: {
  repoDir: string;
  branch: string;
}): Promise<string | undefined> {
  // `git worktree list --porcelain`: blocks of `worktree <path>`, `HEAD <sha>`, `branch <ref>` lines.
  const listing = await runGit({ cwd: params.repoDir, args: ['worktree', 'list', '--porcelain'] });
  const wanted = `branch refs/heads/${params.branch}`;
  for (const block of listing.split(/\n\n+/)) {
    const lines = block.split('\n');
    if (lines.includes(wanted))
      return lines.find((line) => line.startsWith('worktree '))?.slice('worktree '.length);
  }
  return undefined;
}
