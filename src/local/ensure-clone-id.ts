import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from './run-git.js';

/** Where in the clone's git directory the id is kept (never committed, never pushed). */
const CLONE_ID_FILE = path.join('implementation-agent', 'clone-id');
const CLONE_ID = /^[0-9a-f]{12}$/;

/** A new clone id: 12 random hex digits (48 bits), so a team's clones never share one. */
export function newCloneId(): string {
  return randomBytes(6).toString('hex');
}

/**
 * The id of the git clone at `repoDir`, which a CLI task's id carries (`localTaskId`): read from
 * `<git common dir>/implementation-agent/clone-id`, or made (`proposed`, else new) and written
 * there. Stable across runs of one clone and its worktrees (they share the common git directory);
 * distinct for every other clone, even of the same repository by the same person. Neither the
 * repository's root commit nor the git user's email would do: clones share the first, and one
 * person's two clones the second. Two runs that start together in a clone without an id agree on
 * one: the id is written whole to a file of its own and linked into place, which fails when the
 * place is taken (`EEXIST`), and the run that lost reads the winner's. Throws what git and the
 * file system throw.
 */
export async function ensureCloneId(params: { repoDir: string; proposed?: string }): Promise<string> {
  const common = await runGit({ cwd: params.repoDir, args: ['rev-parse', '--git-common-dir'] });
  const file = path.resolve(params.repoDir, common, CLONE_ID_FILE);
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (CLONE_ID.test(kept)) return kept;
  const id = params.proposed ?? newCloneId();
  await mkdir(path.dirname(file), { recursive: true });
  if (kept !== '') {
    // A file that holds no id (hand-edited, cut short): replaced, as there is no id to agree on.
    await writeFile(file, `${id}\n`);
    return id;
  }
  return (await linkedInPlace(file, id)) ? id : (await readFile(file, 'utf8')).trim();
}

/** Writes `id` whole beside `file` and links it in; false when another run's id got there first. */
async function linkedInPlace(file: string, id: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.${id}`;
  await writeFile(draft, `${id}\n`);
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}
