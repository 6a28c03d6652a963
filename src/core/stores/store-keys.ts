import type { ArtifactRef } from './artifact-store.js';
import type { DeploymentKey } from './deployment-store.js';

/**
 * The task's part of a key: what follows `owner/repo#` in the task id (the issue number), else the
 * whole id URI-encoded, so a key never gains a folder from a `/` in the id.
 */
export function taskKeySegment(params: { repo: string; taskId: string }): string {
  const prefix = `${params.repo}#`;
  const local = params.taskId.startsWith(prefix) ? params.taskId.slice(prefix.length) : params.taskId;
  return safeKeySegment(local);
}

/** `<owner>/<repo>/<task>/<attempt>/<path>` (DESIGN §11). Throws on a path that climbs out (`..`) or is absolute. */
export function artifactKey(ref: ArtifactRef): string {
  if (!Number.isSafeInteger(ref.attempt) || ref.attempt < 1) {
    throw new RangeError(`Artifact attempt must be a whole number from 1, not ${ref.attempt}.`);
  }
  return [
    ...repoSegments(ref.repo),
    taskKeySegment(ref),
    String(ref.attempt),
    ...pathSegments(ref.path),
  ].join('/');
}

/** The key prefix of every artifact of a task (or of one attempt), ending in `/`. */
export function artifactPrefix(params: { repo: string; taskId: string; attempt?: number }): string {
  const attempt = params.attempt === undefined ? [] : [String(params.attempt)];
  return [...repoSegments(params.repo), taskKeySegment(params), ...attempt, ''].join('/');
}

/** `<owner>/<repo>/<env>/<deployment_id>/` (DESIGN §11), where `template.json`, `parameters.json` and `outputs.json` go. */
export function deploymentPrefix(key: DeploymentKey): string {
  return [
    ...repoSegments(key.repository),
    safeKeySegment(key.environment),
    String(key.deploymentId),
    '',
  ].join('/');
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
 * (letters, digits, `._-`), encode the rest, and never leave a bare `.` or `..`.
 */
export function safeKeySegment(name: string): string {
  if (name === '')
    throw new RangeError('A key segment (owner, repository, task, environment) cannot be empty.');
  let encoded = '';
  for (const char of name) {
    if (/^[A-Za-z0-9._-]$/.test(char)) encoded += char;
    else
      for (const byte of new TextEncoder().encode(char))
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return /^\.*$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded;
}
