/**
 * The registries a reviewed lockfile may fetch from: the npm public registry (npm Docs,
 * "registry") and yarn's mirror of it (Yarn Docs, "yarn.lock": yarn v1 writes
 * `https://registry.yarnpkg.com/...` for the same tarballs).
 */
export const REVIEWED_REGISTRIES: readonly string[] = [
  'https://registry.npmjs.org/',
  'https://registry.yarnpkg.com/',
];

/** Bounds on what a lockfile reader takes: larger, or more entries, is not judged, and is high. */
export const MAX_LOCKFILE_LENGTH = 20_000_000;
export const MAX_LOCKFILE_ENTRIES = 50_000;

/**
 * A registry's tarball of `name` at `version` (`<registry><name>/-/<unscoped>-<version>.tgz`,
 * optionally with yarn's `#<sha1>` suffix): the source reviewers can read from the manifest.
 */
export function isRegistryTarball(url: string, name: string, version: string): boolean {
  const unscoped = name.slice(name.lastIndexOf('/') + 1);
  const path = `${name}/-/${unscoped}-${version}.tgz`;
  return REVIEWED_REGISTRIES.some(
    (registry) => url === `${registry}${path}` || url.startsWith(`${registry}${path}#`),
  );
}

/** A URL on one of `REVIEWED_REGISTRIES` (any package): for formats that do not name the entry's own tarball. */
export function isReviewedRegistryUrl(url: string): boolean {
  return REVIEWED_REGISTRIES.some((registry) => url.startsWith(registry) && !url.includes('/../'));
}

/** A relative path from the lockfile's folder (`folder`, its path parts) that stays inside the repository root. */
export function insideRepository(folder: readonly string[], target: string): boolean {
  if (target.startsWith('/') || target.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(target)) return false;
  const parts = [...folder];
  for (const part of target.split('/')) {
    if (part === '..') {
      if (parts.pop() === undefined) return false;
    } else if (part !== '' && part !== '.') parts.push(part);
  }
  return true;
}
