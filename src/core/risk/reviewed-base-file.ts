/**
 * A file as it is on the branch a change merges into (the reviewed base), or why it could not be
 * read there. A file the base does not have is simply absent from the list.
 */
export type ReviewedBaseFile =
  | { readonly path: string; readonly content: string }
  | { readonly path: string; readonly unreadable: string };

/** `package-lock.json` or `npm-shrinkwrap.json` in any folder: the files whose base is read (npm Docs, "package-lock.json"). */
export function isNpmLockfilePath(path: string): boolean {
  return /(^|\/)(package-lock|npm-shrinkwrap)\.json$/.test(path);
}

/**
 * A lockfile whose base is read: npm's (`isNpmLockfilePath`), `yarn.lock` (Yarn Docs, "yarn.lock")
 * and `pnpm-lock.yaml` (pnpm Docs, "pnpm-lock.yaml"), in any folder.
 */
export function isLockfilePath(path: string): boolean {
  return isNpmLockfilePath(path) || /(^|\/)(yarn\.lock|pnpm-lock\.yaml)$/.test(path);
}
