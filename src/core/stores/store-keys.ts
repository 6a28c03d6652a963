import type { ArtifactRef } from './artifact-store.js';
import type { DeploymentKey } from './deployment-store.js';
import { sha256Hex } from './sha256-hex.js';
import { canonicalRepository } from '../task/canonical-repository.js';
import { isLocalTaskId } from '../task/is-local-task-id.js';

/** S3's limit on an object key, in UTF-8 bytes (AWS docs, "Naming Amazon S3 objects"). Keys here are ASCII. */
export const MAX_KEY_BYTES = 1024;
/**
 * The longest segment, in bytes: under the 255-byte file name limit of common file systems, with room for the
 * local stores' `.json` beside an artifact, and long enough that every `owner/repo#issue` task id stays whole.
 */
export const MAX_SEGMENT_BYTES = 200;
/** Hex digits of sha256 that stand for the part of a name cut off: 64 bits, so distinct names stay distinct. */
const HASH_DIGITS = 16;

/**
 * The task's part of a key: what follows `owner/repo#` in the task id (the issue number), else the
 * whole id URI-encoded, so a key never gains a folder from a `/` in the id.
 */
export function taskKeySegment(params: { repo: string; taskId: string }): string {
  // The repository is compared in its keys' spelling (`keyRepository`).
  const prefix = `${keyRepository(params.repo)}#`;
  // The id's start is compared in that same spelling, which keeps every length (ASCII-only), so
  // the cut at `prefix.length` falls after its `#`.
  const id = keyRepository(params.taskId).startsWith(prefix) ? params.taskId.slice(prefix.length) : undefined;
  return safeKeySegment(id ?? params.taskId);
}

/**
 * A repository (or a task id starting with one) as a task's keys spell it: a GitHub repository in
 * its one spelling (`canonicalRepository`), a CLI task's (`isLocalTaskId`) as it is, its folder
 * names being case-sensitive (`local/Shop` and `local/shop` are two tasks). Keeps every length.
 * Also the `repo` a task store's `listByStatus` queries, so GitHub's spelling (`Acme/Shop`) finds
 * the records kept under `acme/shop`.
 */
export function keyRepository(repository: string): string {
  return isLocalTaskId(repository) ? repository : canonicalRepository(repository);
}

/**
 * `<owner>/<repo>/<task>/<attempt>/<path>` (DESIGN §11), the repository in its one spelling
 * (`keyRepository`), so a case-only rename keeps the task's keys. Throws on a path that climbs out (`..`) or is absolute. */
export function artifactKey(ref: ArtifactRef): string {
  if (!Number.isSafeInteger(ref.attempt) || ref.attempt < 1) {
    throw new RangeError(`Artifact attempt must be a whole number from 1, not ${ref.attempt}.`);
  }
  const prefix = [...repoSegments(keyRepository(ref.repo)), taskKeySegment(ref), String(ref.attempt)].join(
    '/',
  );
  return `${prefix}/${foldedPath({ path: ref.path, budget: MAX_KEY_BYTES - prefix.length - 1 })}`;
}

/**
 * The path's encoded segments, or when they pass `budget` bytes: the leading folders that fit, a `~<hash>` folder
 * standing for the whole path (no encoded segment starts with `~`), and the file name, so a key stays under
 * `MAX_KEY_BYTES` (the prefix before it is at most four segments of `MAX_SEGMENT_BYTES`).
 */
function foldedPath(params: { path: string; budget: number }): string {
  const segments = pathSegments(params.path);
  const joined = segments.join('/');
  if (joined.length <= params.budget) return joined;
  const name = segments.at(-1) ?? '';
  const marker = `~${sha256Hex(params.path).slice(0, HASH_DIGITS)}`;
  let room = params.budget - marker.length - name.length - 2;
  const folders: string[] = [];
  for (const folder of segments.slice(0, -1)) {
    if (folder.length + 1 > room) break;
    folders.push(folder);
    room -= folder.length + 1;
  }
  return [...folders, marker, name].join('/');
}

/** Whether a key was shortened (`safeKeySegment`, `foldedPath`), so its path can no longer be read back from it. */
export function isShortenedKey(key: string): boolean {
  return key.includes('~');
}

/** The key prefix of every artifact of a task (or of one attempt), ending in `/`. */
export function artifactPrefix(params: { repo: string; taskId: string; attempt?: number }): string {
  const attempt = params.attempt === undefined ? [] : [String(params.attempt)];
  return [...repoSegments(keyRepository(params.repo)), taskKeySegment(params), ...attempt, ''].join('/');
}

/**
 * `<owner>/<repo>/<env>/<deployment_id>/` (DESIGN §11), where `template.json`, `parameters.json`
 * and `outputs.json` go; the repository in its one spelling (`canonicalRepository`).
 */
export function deploymentPrefix(key: DeploymentKey): string {
  return deploymentPrefixSpelled(key, canonicalRepository(key.repository));
}

/**
 * Where nested stack templates are uploaded by content hash (`DeploymentStore.stageNestedTemplate`):
 * `<owner>/<repo>/templates/`, the repository as its deployments are kept (`deploymentPrefix`).
 */
export function nestedTemplatePrefix(repository: string): string {
  return [...repoSegments(canonicalRepository(repository)), 'templates', ''].join('/');
}

/**
 * Where a deployment is read from (`DeploymentStore.load`): `deploymentPrefix`, then — when it
 * differs — the prefix with the repository as `key` spells it, where records stored before keys
 * were canonical are (a repository with capitals in its name). A record stored under a spelling
 * the repository no longer has (before a case-only rename) is not found: the rollback reads git.
 */
export function deploymentPrefixesToRead(key: DeploymentKey): string[] {
  const spelled = deploymentPrefixSpelled(key, key.repository);
  const canonical = deploymentPrefix(key);
  return spelled === canonical ? [canonical] : [canonical, spelled];
}

function deploymentPrefixSpelled(key: DeploymentKey, repository: string): string {
  return [...repoSegments(repository), safeKeySegment(key.environment), String(key.deploymentId), ''].join(
    '/',
  );
}

function repoSegments(repo: string): string[] {
  const parts = repo.split('/');
  if (parts.length !== 2) throw new RangeError(`Repository must be owner/repo, not ${JSON.stringify(repo)}.`);
  return parts.map(safeKeySegment);
}

function pathSegments(path: string): string[] {
  const parts = path.split('/');
  if (
    path === '' ||
    path.startsWith('/') ||
    parts.some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new RangeError(
      `Artifact path must be relative without empty, "." or ".." parts: ${JSON.stringify(path)}.`,
    );
  }
  return parts.map(safeKeySegment);
}

/**
 * One segment of a key or a path. Names come from GitHub, config and generated files: keep what S3 and file systems take as is
 * (letters, digits, `._-`), percent-encode the UTF-8 of the rest, and never leave a bare `.` or `..`. An encoding longer than
 * `MAX_SEGMENT_BYTES` keeps its readable start (whole characters) and ends in `~` and 16 hex digits of the whole name's
 * sha256: `~` is never in an encoding, so a shortened segment equals no other name's. Throws on an empty name.
 */
export function safeKeySegment(name: string): string {
  if (name === '')
    throw new RangeError('A key segment (owner, repository, task, environment) cannot be empty.');
  const pieces: string[] = Array.from(name, (char) =>
    /^[A-Za-z0-9._-]$/.test(char)
      ? char
      : Array.from(
          new TextEncoder().encode(char),
          (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        ).join(''),
  );
  if (pieces.every((piece): boolean => piece === '.')) pieces.fill('%2E');
  const encoded = pieces.join('');
  if (encoded.length <= MAX_SEGMENT_BYTES) return encoded;
  let kept = '';
  for (const piece of pieces) {
    if (kept.length + piece.length > MAX_SEGMENT_BYTES - 1 - HASH_DIGITS) break;
    kept += piece;
  }
  return `${kept}~${sha256Hex(name).slice(0, HASH_DIGITS)}`;
}
