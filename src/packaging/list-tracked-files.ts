import { lstatSync } from 'node:fs';
import { posix } from 'node:path';
import { dotGitAlias } from '../core/gates/dot-git-alias.js';
import type { CommandRunner } from './command-runner.js';
import { pathInsideCheckout } from './path-inside-checkout.js';

/** One file of the repository at the deployed commit: its name in the package, and where to read it. */
export interface TrackedFile {
  /** `/`-separated, relative to the packaged folder (a file packaged alone: its own name). */
  readonly name: string;
  /** File system path in the checkout (checked to be a regular file there; its bytes are read from `object`). */
  readonly path: string;
  /** The blob's object id at the commit, whose bytes are packaged (`BlobReader`). */
  readonly object: string;
  /** Committed as executable (git mode `100755`): kept in the zip, as a bootstrap or a script needs it. */
  readonly executable: boolean;
}

/** What a repository path holds at a commit: one file, a folder's files, or why it cannot be packaged. */
export type TrackedFiles =
  | { readonly kind: 'file'; readonly file: TrackedFile }
  | { readonly kind: 'folder'; readonly files: readonly TrackedFile[] }
  | { readonly refusal: string };

/**
 * Characters of `git ls-tree` output read: about 100,000 files of a folder at 160 characters each.
 * A larger listing is refused, not cut (a cut listing would package part of the folder).
 */
export const MAX_LISTING_CHARS = 16 * 1024 * 1024;

/** Git's modes of a regular file (`100644`) and an executable one (`100755`); links (`120000`) and submodules (`160000`) are not content. */
const FILE_MODES = new Set(['100644', '100755']);
const EXECUTABLE_MODE = '100755';

/**
 * The files `repositoryPath` holds in the repository at `sha`, with their blob ids (whose bytes are
 * what is packaged, read by a `BlobReader`: never the working tree's), listed by git (`git ls-tree -r`,
 * literal pathspecs), never by walking the checkout: the checkout also holds `.git` (where
 * `actions/checkout` keeps the token it fetched with, `persist-credentials`) and whatever earlier
 * steps wrote (`google-github-actions/auth` writes `gha-creds-*.json` at its root). Symbolic links
 * are left out, as a folder walk left them; a submodule is refused (its files are not in the tree),
 * and so is any listed path in a `.git` directory (a commit may hold such a tree). A path naming `.git` in any of Git's
 * spellings (`dotGitAlias`) is refused before git runs, and so is one holding no file at `sha`
 * (untracked, or missing), a checkout that is not a git repository, and a listing past
 * `MAX_LISTING_CHARS`. Each listed file must still be a regular file inside the checkout
 * (`pathInsideCheckout`: no symlink swapped in by an earlier step). `refusal` is one sentence
 * without a full stop. The checkout must already be at `sha` (`checkoutRefusal`); never throws.
 */
export async function listTrackedFiles(params: {
  checkout: string;
  sha: string;
  repositoryPath: string;
  run: CommandRunner;
}): Promise<TrackedFiles> {
  const { checkout, repositoryPath } = params;
  // As `pathInsideCheckout` reads it: an absolute path is joined under the checkout.
  const path = posix.normalize(repositoryPath).replace(/^\/+/, '').replace(/\/+$/, '') || '.';
  const gitRefusal = gitDirectoryRefusal(repositoryPath);
  if (gitRefusal !== undefined) return { refusal: gitRefusal };
  const listing = await params.run(
    'git',
    ['--literal-pathspecs', 'ls-tree', '-r', '-z', params.sha, '--', path],
    { cwd: checkout, maxOutput: MAX_LISTING_CHARS },
  );
  if (listing.truncated === true)
    return { refusal: `${repositoryPath} holds more files than can be listed for packaging` };
  if (listing.code !== 0)
    return {
      refusal: `git could not list the files of ${repositoryPath} at ${params.sha.slice(0, 7)} (is the checkout a git repository?): ${listing.output.trim().slice(-300)}`,
    };
  const parsed = parseListing(listing.output);
  if ('refusal' in parsed) return parsed;
  const listed = parsed.entries;
  if (listed.length === 0)
    return {
      refusal: `${repositoryPath} holds no file of the repository at ${params.sha.slice(0, 7)} (only files committed there are packaged)`,
    };
  const folder = path === '.' ? '' : `${path}/`;
  const files: TrackedFile[] = [];
  for (const { path: repoPath, object, executable } of listed) {
    // A commit may hold a `.git` tree of its own; its path in the checkout is the real `.git`.
    const listedGit = gitDirectoryRefusal(repoPath);
    if (listedGit !== undefined) return { refusal: listedGit };
    const inside = pathInsideCheckout(checkout, repoPath);
    if ('refusal' in inside) return inside;
    if (!isRegularFile(inside.path))
      return { refusal: `${repoPath} is committed as a file but is not a regular file in the checkout` };
    const name =
      repoPath === path
        ? posix.basename(path)
        : repoPath.startsWith(folder)
          ? repoPath.slice(folder.length)
          : repoPath;
    const file = { name, path: inside.path, object, executable };
    if (repoPath === path) return { kind: 'file', file };
    files.push(file);
  }
  return { kind: 'folder', files };
}

/**
 * Why a repository path cannot be packaged because a segment of it is Git's own directory in one of
 * its spellings (`dotGitAlias`): `CodeUri: .git`, `.git/config`, `src/.GIT`; undefined otherwise.
 */
export function gitDirectoryRefusal(repositoryPath: string): string | undefined {
  for (const segment of repositoryPath.normalize('NFC').split(/[\\/]/)) {
    const alias = dotGitAlias(segment);
    if (alias !== undefined)
      return `${repositoryPath} is inside Git's own directory (${JSON.stringify(segment)} ${alias}), which holds the checkout's credentials and is never packaged`;
  }
  return undefined;
}

/** One regular file in a listing: its repository path, blob id and whether it is executable. */
interface ListedBlob {
  readonly path: string;
  readonly object: string;
  readonly executable: boolean;
}

/**
 * Regular files in `git ls-tree -r -z` output (`<mode> <type> <object>\t<path>\0`), or a
 * refusal for a submodule (`commit` entry): its files are not in this repository's tree, and
 * leaving them out silently would deploy code missing a part `aws cloudformation package` (which
 * zips the folder on disk) would include.
 */
function parseListing(output: string): { readonly entries: ListedBlob[] } | { readonly refusal: string } {
  const entries: ListedBlob[] = [];
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type === 'commit')
      return {
        refusal: `${path} is a git submodule, whose files are not committed in this repository and are not packaged; commit them in the repository instead`,
      };
    if (type === 'blob' && mode !== undefined && object !== undefined && FILE_MODES.has(mode))
      entries.push({ path, object, executable: mode === EXECUTABLE_MODE });
  }
  return { entries };
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
