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
 * A bare repository, or a folder inside a git directory, is refused even with `init`: creating a
 * repository there would nest a second `.git` in the first one.
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
      ? await unlessInGitDirectory(repoDir, toCreate)
      : {
          ok: false,
          message: `--repo ${repoDir} does not exist. Pass --init to create a git repository there.`,
        };

  const inside = await gitDirectoryKind(repoDir);
  if (inside === 'bare')
    return {
      ok: false,
      message:
        `--repo ${repoDir} is a bare git repository (it has no working tree), and the CLI commits to a working tree. ` +
        `Pass a clone of it (git clone ${repoDir} <folder>) or a worktree (git -C ${repoDir} worktree add <folder>) as --repo.`,
    };
  if (inside === 'git-dir')
    return {
      ok: false,
      message: `--repo ${repoDir} is inside a repository's git directory. Pass the repository's top level (the folder that holds .git) as --repo.`,
    };
  if (inside === 'none')
    return init
      ? toCreate
      : {
          ok: false,
          message: `--repo ${repoDir} is not a git repository. Pass --init to create one there, or point --repo at a repository.`,
        };
  const topLevel = await runGit({ cwd: repoDir, args: ['rev-parse', '--show-toplevel'] });
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

export type GitDirectoryKind = 'none' | 'bare' | 'git-dir' | 'work-tree';

/** Where `dir` stands for git: outside any repository, in a bare one, inside a `.git` folder, or in a work tree. */
export async function gitDirectoryKind(dir: string): Promise<GitDirectoryKind> {
  const answer = await runGit({
    cwd: dir,
    args: ['rev-parse', '--is-bare-repository', '--is-inside-git-dir'],
  }).catch((error: unknown) => {
    if (error instanceof GitError && error.exitCode !== null) return undefined;
    throw error;
  });
  if (answer === undefined) return 'none';
  const [bare, insideGitDir] = answer.split('\n');
  if (bare === 'true') return 'bare';
  return insideGitDir === 'true' ? 'git-dir' : 'work-tree';
}

/** `--init` for a missing folder, refused when its nearest existing parent is in a bare repository or a git directory. */
async function unlessInGitDirectory(repoDir: string, toCreate: RepositoryCheck): Promise<RepositoryCheck> {
  let parent = path.dirname(path.resolve(repoDir));
  while (!(await isFolder(parent)) && path.dirname(parent) !== parent) parent = path.dirname(parent);
  const kind = await gitDirectoryKind(parent);
  if (kind !== 'bare' && kind !== 'git-dir') return toCreate;
  return {
    ok: false,
    message: `--repo ${repoDir} would be created inside ${kind === 'bare' ? 'the bare git repository' : 'the git directory'} ${parent}, and --init does not nest a repository there. Pass a folder outside it.`,
  };
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
