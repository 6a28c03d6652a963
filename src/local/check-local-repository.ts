import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { GitError, runGit } from './run-git.js';

/** Where the CLI's commits go: an existing repository's top level, or a folder `--init` may create one in. */
export type LocalRepository =
  { readonly kind: 'existing'; readonly dir: string } | { readonly kind: 'to-create'; readonly dir: string };

export type RepositoryCheck =
  | { readonly ok: true; readonly repository: LocalRepository }
  | { readonly ok: false; readonly message: string };

/**
 * Decides, before anything is generated, whether `--repo` can take the CLI's commits: it must be
 * the top level of a git work tree. A missing folder, a folder outside any repository, or a
 * sub-folder of one is refused with the fix, unless `init` allows creating a repository there.
 */
export async function checkLocalRepository(params: {
  repoDir: string;
  init: boolean;
}): Promise<RepositoryCheck> {
  const { repoDir, init } = params;
  const kind = await stat(repoDir).then(
    (stats) => (stats.isDirectory() ? 'folder' : 'other'),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return 'missing';
      throw error;
    },
  );
  const toCreate = { ok: true, repository: { kind: 'to-create', dir: repoDir } } as const;
  if (kind === 'other') return { ok: false, message: `--repo ${repoDir} is a file, not a folder.` };
  if (kind === 'missing')
    return init
      ? toCreate
      : {
          ok: false,
          message: `--repo ${repoDir} does not exist. Pass --init to create a git repository there.`,
        };

  const topLevel = await runGit({ cwd: repoDir, args: ['rev-parse', '--show-toplevel'] }).catch(
    (error: unknown) => {
      if (error instanceof GitError && error.exitCode !== null) return undefined;
      throw error;
    },
  );
  if (topLevel === undefined)
    return init
      ? toCreate
      : {
          ok: false,
          message: `--repo ${repoDir} is not a git repository. Pass --init to create one there, or point --repo at a repository.`,
        };
  if ((await realpath(topLevel)) !== (await realpath(repoDir)))
    return init
      ? toCreate
      : {
          ok: false,
          message:
            `--repo ${repoDir} is a sub-folder of the git repository ${topLevel}. ` +
            `Pass --repo ${sameForm(repoDir, topLevel)} to commit there, or --init to create a separate repository in ${repoDir}.`,
        };
  return { ok: true, repository: { kind: 'existing', dir: repoDir } };
}

/** The top level written as the user wrote --repo: absolute for an absolute path, else relative to here. */
function sameForm(repoDir: string, topLevel: string): string {
  return path.isAbsolute(repoDir) ? topLevel : path.relative(process.cwd(), topLevel) || '.';
}
