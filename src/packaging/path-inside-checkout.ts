import { realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/** Where a repository path leads in the checkout: a file system path there, or why it leaves it. */
export type CheckoutPath = { readonly path: string } | { readonly refusal: string };

/**
 * `repositoryPath` (`/`-separated, relative to the checkout) as a path in `checkout` that may be
 * read: inside the checkout by its text (no `..` out of it, an absolute path joined under it) AND
 * by its real path, every symlink on the way followed (`realpathSync`). A symlink committed to the
 * repository (git keeps them) may lead anywhere on the runner (`~/.aws`, `/proc/self/environ`);
 * text checks alone would read through it. `refusal` is one sentence naming the path, without a
 * full stop. A path that does not exist is returned as it is: reading it fails with its own error
 * (a dangling link reads nothing); one whose real path cannot be found otherwise is refused. The returned path is the one asked for (not the real one), so a file
 * keeps its own name in a zip. Reads the file system; never throws.
 */
export function pathInsideCheckout(checkout: string, repositoryPath: string): CheckoutPath {
  const target = normalize(join(checkout, repositoryPath));
  if (!within(checkout, target)) return { refusal: `${repositoryPath} is outside the checkout` };
  let real: string;
  try {
    real = realpathSync(target);
  } catch (error) {
    if (isMissing(error)) return { path: target };
    return {
      refusal: `${repositoryPath} could not be resolved inside the checkout, so it is treated as outside the checkout`,
    };
  }
  if (!within(realOrSame(checkout), real))
    return {
      refusal: `${repositoryPath} is a symbolic link, or lies under one, leading outside the checkout`,
    };
  return { path: target };
}

function isMissing(error: unknown): boolean {
  // Duck-typed: an error from another realm (a test's vm context) is no `instanceof Error` here.
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function within(root: string, path: string): boolean {
  const inside = relative(root, path);
  return !(inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside));
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
