import { posix } from 'node:path';

/**
 * A repository-relative path in one spelling, so that two names of one file compare equal:
 * `./infra/template.json`, `infra//template.json` and `infra/x/../template.json` are all
 * `infra/template.json` (POSIX `normalize`, trailing `/` dropped). Undefined for a path that is
 * empty, absolute, or climbs out of the repository with `..`: it names no file of the repository.
 */
export function repositoryPath(path: string): string | undefined {
  if (path === '' || path.startsWith('/')) return undefined;
  const normalized = posix.normalize(path).replace(/\/+$/, '');
  if (normalized === '' || normalized === '.' || normalized === '..' || normalized.startsWith('../'))
    return undefined;
  return normalized;
}
