import { caseFoldedPath } from './case-folded-path.js';

/**
 * A file as it is on the branch a change merges into (the reviewed base), or why it could not be
 * read there. A file the base does not have is simply absent from the list. At `BASE_LISTING_PATH`
 * (the root folder), only `unreadable`: the base's files could not all be listed or read, so which
 * settings file in another folder names a file of the change is not known (`unlistedBaseRisks`).
 */
export type ReviewedBaseFile =
  | { readonly path: string; readonly content: string }
  | { readonly path: string; readonly unreadable: string };

/** The path of the entry that stands for the whole base tree's listing: the root folder. */
export const BASE_LISTING_PATH = '';

/**
 * The lockfiles `npm ci` installs from, by their exact names (npm Docs, "package-lock.json",
 * "npm-shrinkwrap.json"): the deploy run installs with `npm ci` when its service folder has one
 * (src/packaging/build-service.ts), else with `npm install`.
 */
export const NPM_LOCKFILE_NAMES: readonly string[] = ['package-lock.json', 'npm-shrinkwrap.json'];

/**
 * `package.json` in any folder, in any case (`caseFoldedPath`): a manifest whose base is read, so
 * its dependencies already reviewed are not new (`unpinnedDependencyRisks`).
 */
export function isPackageManifestPath(path: string): boolean {
  return /(^|\/)package\.json$/.test(caseFoldedPath(path));
}

/**
 * `package-lock.json` or `npm-shrinkwrap.json` in any folder, in any case (`caseFoldedPath`: npm
 * reads a `Package-Lock.json` on a case-insensitive disk): the files whose base is read (npm Docs,
 * "package-lock.json").
 */
export function isNpmLockfilePath(path: string): boolean {
  return /(^|\/)(package-lock|npm-shrinkwrap)\.json$/.test(caseFoldedPath(path));
}

/** `yarn.lock` in any folder, in any case (`caseFoldedPath`). */
export function isYarnLockfilePath(path: string): boolean {
  return /(^|\/)yarn\.lock$/.test(caseFoldedPath(path));
}

/**
 * A lockfile whose base is read: npm's (`isNpmLockfilePath`), `yarn.lock` (Yarn Docs, "yarn.lock")
 * and `pnpm-lock.yaml` (pnpm Docs, "pnpm-lock.yaml"), in any folder and any case.
 */
export function isLockfilePath(path: string): boolean {
  return (
    isNpmLockfilePath(path) || isYarnLockfilePath(path) || /(^|\/)pnpm-lock\.yaml$/.test(caseFoldedPath(path))
  );
}
