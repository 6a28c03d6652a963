import type { BaseFileReader } from '../pipeline/risk/read-reviewed-base.js';
import { MAX_BASE_FILE_LENGTH } from '../pipeline/risk/read-reviewed-base.js';
import { runGit } from './run-git.js';

/**
 * Reads files of the local repository at `ref` (the commit the CLI's branch builds on, `HEAD` for
 * a new branch: see `commitToLocalBranch`): `undefined` when the tree there has no such file (or
 * `ref` names no commit yet, as in a fresh repository); throws `GitError` on anything else, and
 * when the blob passes `MAX_BASE_FILE_LENGTH` bytes. Lists the tree's files with `git ls-tree -r`.
 */
export function localBaseReader(params: { repoDir: string; ref: string }): BaseFileReader {
  const git = (args: string[]) => runGit({ cwd: params.repoDir, args });
  const commitOf = () => git(['rev-parse', '--verify', '--quiet', `${params.ref}^{commit}`]).catch(() => '');
  const read: BaseFileReader = async (path) => {
    const commit = await commitOf();
    if (commit === '') return undefined;
    // `ls-tree` prints nothing for a path the tree lacks; `--full-tree` reads it from the root.
    const entry = await git(['ls-tree', '--full-tree', '-l', commit, '--', path]);
    const match = /^\d+ blob [0-9a-f]+\s+(\d+)\t/.exec(entry);
    if (match === null) {
      if (entry === '') return undefined;
      throw new Error(`${path} is not a file at ${params.ref}`);
    }
    if (Number(match[1]) > MAX_BASE_FILE_LENGTH)
      throw new Error(`${path} is too large to read at ${params.ref}`);
    return await git(['cat-file', 'blob', `${commit}:${path}`]);
  };
  // Every file of the tree, NUL-separated so no name is quoted; none when `ref` names no commit yet.
  read.list = async () => {
    const commit = await commitOf();
    if (commit === '') return [];
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]);
    return listing.split('\0').filter((path) => path !== '');
  };
  return read;
}
