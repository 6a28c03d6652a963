import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { gitDirectoryKind } from './check-local-repository.js';

/** `undefined` when `--out` can take the run's files, else the message that refuses it (exit code 2). */
export type OutFolderProblem = string | undefined;

/**
 * Decides, before anything is generated or written, whether `--out` can receive the run's files:
 * not a file, not the repository's top level itself (each run removes the previous run's
 * `status.json`, `pr-body.md`… there, which may be the user's own files), and not inside a git
 * directory or a bare repository (git's own files; the README refuses the same places for --repo).
 * An empty value is refused by the argument parser.
 */
export async function checkOutFolder(params: { outDir: string; repoDir: string }): Promise<OutFolderProblem> {
  const { outDir, repoDir } = params;
  const kind = await stat(outDir).then(
    (stats) => (stats.isDirectory() ? 'folder' : 'file'),
    () => 'missing' as const,
  );
  if (kind === 'file') return `--out ${outDir} is a file, not a folder.`;
  const existing = await nearestExistingFolder(outDir);
  if (existing === undefined) return undefined;
  const inside = await gitDirectoryKind(existing);
  if (inside === 'bare' || inside === 'git-dir' || path.resolve(outDir).split(path.sep).includes('.git'))
    return `--out ${outDir} is inside a git directory, where git keeps its own files. Pass a folder in the working tree (the default is .implementation-agent) or outside the repository.`;
  if (kind === 'folder' && (await sameFolder(outDir, repoDir)))
    return `--out ${outDir} is the repository itself, and each run replaces status.json, pr-body.md and the other run files in the out folder. Pass a folder of its own, such as ${path.join(outDir, '.implementation-agent')}.`;
  return undefined;
}

/** `dir` itself, or its nearest parent that exists as a folder (undefined if none does). */
async function nearestExistingFolder(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    const folder = await stat(current).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (folder) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

async function sameFolder(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return path.resolve(left) === path.resolve(right);
}
