import { sha256Hex } from '../stores/sha256-hex.js';
import { MAX_TASK_ID_LENGTH } from './task-id-schema.js';

/** GitHub's longest repository name (100 characters): a local repository's name is held to it too. */
const MAX_REPO_NAME_LENGTH = 100;
/** Hex digits of sha256 that stand for a cut-off name: 64 bits, so distinct names stay distinct. */
const HASH_DIGITS = 16;

/**
 * A CLI task's repository (`local/<repo folder>`) and id (`local/<repo folder>#<branch's last
 * segment>@<clone id>`), so a request run again in the same clone continues its record, while two
 * people's clones of one repository (same folder name, same branch), mirroring to the team's shared
 * tables and buckets, keep two tasks. `cloneId` (`ensureCloneId`: 12 hex digits kept in the clone's
 * git directory) is absent only in ids made before it was added. Whitespace and `/` in the folder name
 * become `-` (the record's `repo` is `owner/repo`). A folder name over GitHub's 100 characters, or a
 * branch segment that would take the id past `MAX_TASK_ID_LENGTH`, keeps its start and ends in `~`
 * and 16 hex digits of the whole name's sha256 (as `safeKeySegment` does for keys), so the record
 * takes the id and two long names stay two tasks. Pure.
 */
export function localTaskId(params: { repoName: string; branch: string; cloneId?: string }): {
  repo: string;
  taskId: string;
} {
  const folder = params.repoName.replace(/[\s/]+/g, '-') || 'repository';
  const repo = `local/${shortened(folder, MAX_REPO_NAME_LENGTH)}`;
  const segment = params.branch.slice(params.branch.lastIndexOf('/') + 1) || 'task';
  const clone = params.cloneId === undefined ? '' : `@${params.cloneId}`;
  const task = shortened(segment, MAX_TASK_ID_LENGTH - repo.length - 1 - clone.length);
  return { repo, taskId: `${repo}#${task}${clone}` };
}

/**
 * `name` when it is at most `max` long, else its start (whole characters), `~` and a hash of it,
 * at most `max` in all. Lengths count UTF-16 code units, as JavaScript's and zod's `length` do.
 */
function shortened(name: string, max: number): string {
  if (name.length <= max) return name;
  let kept = '';
  for (const character of name) {
    if (kept.length + character.length > max - 1 - HASH_DIGITS) break;
    kept += character;
  }
  return `${kept}~${sha256Hex(name).slice(0, HASH_DIGITS)}`;
}
