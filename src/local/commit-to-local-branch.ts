import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedFile } from '../core/bundle/artifact-bundle.js';
import { generatedFilesOf, withGeneratedFilesRecord } from '../core/bundle/generated-files-record.js';
import { retiredFiles, type Retirement } from '../core/bundle/retired-files.js';
import { TASK_TRAILER } from '../core/naming/attempt-trailers.js';
import { findBranchCheckout } from './find-branch-checkout.js';
import { GitError, runGit } from './run-git.js';
import { redactSecrets } from '../core/secrets/redact-secrets.js';

/** The CLI refuses to move a branch that a work tree has checked out. */
export class BranchCheckedOutError extends Error {
  constructor(
    readonly branch: string,
    readonly checkout: string,
  ) {
    super(
      `Branch ${branch} is checked out in ${checkout}, and the CLI does not move a branch you have checked out. ` +
        `Switch that work tree to another branch (e.g. git -C ${checkout} switch -) and run again.`,
    );
    this.name = 'BranchCheckedOutError';
  }
}

export interface LocalCommit {
  /** The branch tip after the call: the new commit, or the existing tip when nothing changed. */
  readonly commit: string;
  /** False when the branch already held exactly these files: no commit was made. */
  readonly changed: boolean;
  /** Paths the commit removed: the task's previous generation wrote them and this one does not. */
  readonly retired: readonly string[];
  /** Such paths kept because someone changed them on the branch since that generation (theirs to keep or delete). */
  readonly keptEdited: readonly string[];
}

/**
 * The CLI's stand-in for a pull request: one commit on `branch` holding `files` over the branch's
 * tip (or over HEAD for a new branch), the way the GitHub pipeline builds its commit. Written with
 * git's plumbing into a temporary index, so the user's checkout, index and working tree are never
 * touched; the temporary folder is removed on every way out. Nothing changed → no commit.
 * With `taskId` (its commits carry the `Implementation-Task` trailer), the commit message lists the
 * service-folder files written (`withGeneratedFilesRecord`), and the files the task's last commit
 * on the branch lists, in a service folder this run writes, that this run no longer generates are
 * removed when the tip still holds them as generated (`retiredFiles`): the folder holds what was
 * generated, never a stale receiver. A file a person added is never listed, so it stays; one a
 * person changed since is kept (`keptEdited`); a last commit listing nothing (made before lists
 * were kept) removes nothing.
 * The message (commit and reflog) is redacted here, at the sink, by the one redaction GitHub's
 * `commitToBranch` uses (`redactSecrets`): the user pushes the branch, and history keeps it.
 * Throws `BranchCheckedOutError` when a work tree has `branch` checked out, `GitError` otherwise.
 */
export async function commitToLocalBranch(params: {
  repoDir: string;
  branch: string;
  files: readonly GeneratedFile[];
  message: string;
  /** The task whose earlier output (commits with its `Implementation-Task` trailer) this run replaces. */
  taskId?: string;
}): Promise<LocalCommit> {
  const { repoDir, branch } = params;
  const checkout = await findBranchCheckout({ repoDir, branch });
  if (checkout !== undefined) throw new BranchCheckedOutError(branch, checkout);
  const ref = `refs/heads/${branch}`;
  const tip = await resolveCommit(repoDir, ref);
  const parent = tip ?? (await resolveCommit(repoDir, 'HEAD'));

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'implementation-agent-'));
  try {
    const git = (args: string[], input?: string) =>
      runGit({
        cwd: repoDir,
        args,
        env: { GIT_INDEX_FILE: path.join(scratch, 'index') },
        ...(input === undefined ? {} : { input }),
      });
    await git(parent ? ['read-tree', parent] : ['read-tree', '--empty']);
    const blobs = await writeBlobs({ scratch, files: params.files, git });
    // NUL-terminated `<mode> <sha>\t<path>` records: any path git allows passes through unchanged.
    await git(
      ['update-index', '-z', '--add', '--index-info'],
      params.files.map((file, i) => `100644 ${blobs[i]}\t${file.path}\0`).join(''),
    );
    const { retired, keptEdited } =
      tip && params.taskId
        ? await retiredOnBranch({ tip, taskId: params.taskId, files: params.files, git })
        : { retired: [], keptEdited: [] };
    const message =
      params.taskId === undefined
        ? params.message
        : withGeneratedFilesRecord(
            params.message,
            params.files.map((file) => file.path),
          );
    if (retired.length > 0)
      await git(
        ['update-index', '-z', '--force-remove', '--stdin'],
        retired.map((file) => `${file}\0`).join(''),
      );
    const tree = await git(['write-tree']);
    if (parent && tree === (await git(['rev-parse', `${parent}^{tree}`]))) {
      if (!tip) await git(['update-ref', '-m', 'implementation-agent: branch created', ref, parent, '']);
      return { commit: parent, changed: false, retired, keptEdited };
    }
    // Redacted at the sink as `commitToBranch` does on GitHub: once pushed, history keeps it. A path
    // the redaction changes no longer matches a file, so nothing is removed for it later.
    const redacted = await redactSecrets(message);
    const commit = await git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', redacted]);
    // The old value makes the update fail rather than overwrite a tip that moved meanwhile.
    const subject = await redactSecrets(params.message);
    await git(['update-ref', '-m', `implementation-agent: ${subject}`, ref, commit, tip ?? '']);
    return { commit, changed: true, retired, keptEdited };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * What `retiredFiles` retires: the files the task's last commit reachable from `tip` lists
 * (`generatedFilesOf`), with their blobs there and at `tip`.
 */
async function retiredOnBranch(params: {
  tip: string;
  taskId: string;
  files: readonly GeneratedFile[];
  git: (args: string[], input?: string) => Promise<string>;
}): Promise<Retirement> {
  const { git } = params;
  const format = `%H%x00%(trailers:key=${TASK_TRAILER},valueonly,separator=%x20)%x1e`;
  const log = await git([
    'log',
    '-F',
    `--grep=${TASK_TRAILER}: ${params.taskId}`,
    `--format=${format}`,
    params.tip,
    '--',
  ]);
  // The grep matches a longer id too; the trailer's value must be the id itself.
  const last = log
    .split('\x1e')
    .map((entry) => entry.trim().split('\0'))
    .find(([, task = '']) => task.trim() === params.taskId)?.[0];
  const recorded =
    last === undefined ? undefined : generatedFilesOf(await git(['show', '-s', '--format=%B', last]));
  if (last === undefined || recorded === undefined) return { retired: [], keptEdited: [] };
  const listed = new Set(recorded);
  // `<mode> <type> <blob>\t<path>` records, NUL-terminated: the blobs at the listed paths only.
  const blobsOf = async (commit: string) => {
    const blobs = new Map<string, string>();
    for (const record of (await git(['ls-tree', '-r', '-z', commit, '--', 'services'])).split('\0')) {
      const tab = record.indexOf('\t');
      const [, type, blob] = record.slice(0, tab).split(' ');
      const file = record.slice(tab + 1);
      if (tab > 0 && type === 'blob' && blob !== undefined && listed.has(file)) blobs.set(file, blob);
    }
    return blobs;
  };
  return retiredFiles({
    generated: params.files.map((file) => file.path),
    generatedBefore: await blobsOf(last),
    onBranch: await blobsOf(params.tip),
  });
}

/** Stores every file as a blob (exact bytes, no filters) in one git call; returns the blob ids in order. */
async function writeBlobs(params: {
  scratch: string;
  files: readonly GeneratedFile[];
  git: (args: string[], input?: string) => Promise<string>;
}): Promise<string[]> {
  if (params.files.length === 0) return [];
  const paths = await Promise.all(
    params.files.map(async (file, i) => {
      const target = path.join(params.scratch, `blob-${i}`);
      await writeFile(target, file.content);
      return target;
    }),
  );
  const ids = await params.git(
    ['hash-object', '-w', '--no-filters', '--stdin-paths'],
    paths.join('\n') + '\n',
  );
  return ids.split('\n');
}

async function resolveCommit(repoDir: string, name: string): Promise<string | undefined> {
  return runGit({ cwd: repoDir, args: ['rev-parse', '--verify', '--quiet', `${name}^{commit}`] }).catch(
    (error: unknown) => {
      if (error instanceof GitError && error.exitCode === 1) return undefined;
      throw error;
    },
  );
}
