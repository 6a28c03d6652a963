import { dotGitAlias } from './dot-git-alias.js';
import { formatCount } from './format-count.js';
import { utf8ByteLength } from './utf8-byte-length.js';
import { codePoint, INVISIBLE_CHARACTER, visibleName } from './visible-name.js';
import { isWindowsReservedName } from './windows-reserved-name.js';

/**
 * Longest path accepted, in UTF-8 bytes. Git opens files by their path relative to the checkout, and
 * macOS refuses any path of `PATH_MAX` = 1,024 bytes or more, the terminating NUL included
 * (`<sys/syslimits.h>`), so 1,023 is the longest path every checkout can open; Linux allows 4,096
 * (`<linux/limits.h>`), and Windows needs `core.longpaths` past 260 characters whatever we choose.
 */
export const MAX_PATH_BYTES = 1_023;

/**
 * Longest name (one path segment), in UTF-8 bytes: `NAME_MAX` on Linux file systems and APFS is 255
 * bytes; NTFS and HFS+ count 255 UTF-16 units, which 255 UTF-8 bytes never exceed.
 */
export const MAX_NAME_BYTES = 255;

/** The characters Windows forbids in names besides control characters and `/` and `\` (Microsoft, "Naming Files"). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;

/**
 * The first reason a path cannot be written to git and checked out safely on Linux, macOS and Windows,
 * or undefined when it can. The path is NFC-normalised before any name is matched, so a decomposed
 * spelling cannot slip past a rule; lengths are measured on the path as written. Rules, in order:
 * empty; over {@link MAX_PATH_BYTES}; control characters or unpaired surrogates; any segment naming
 * `.git` by Git's own alias rules ({@link dotGitAlias}); not a relative `/`-separated path; `.`, `..` or
 * empty segments; invisible or direction-changing characters (`Cf`, bidi controls, variation selectors);
 * characters Windows forbids; a name over {@link MAX_NAME_BYTES}, ending in a dot or space (Windows
 * drops them) or reserved by Windows for a device.
 */
export function pathNameProblem(path: string): string | undefined {
  if (path === '') return 'path is empty';
  const bytes = utf8ByteLength(path);
  if (bytes > MAX_PATH_BYTES) {
    return `is ${formatCount(bytes)} bytes long, over the ${formatCount(MAX_PATH_BYTES)}-byte limit for a path (macOS cannot open longer ones)`;
  }
  const control = /\p{Cc}/u.exec(path);
  if (control !== null) return `contains the control character ${codePoint(control[0])}`;
  const surrogate = /\p{Cs}/u.exec(path);
  if (surrogate !== null) return `is not valid Unicode (an unpaired surrogate ${codePoint(surrogate[0])})`;

  const normal = path.normalize('NFC');
  for (const segment of normal.split(/[/\\]/)) {
    const alias = dotGitAlias(segment);
    if (alias !== undefined) return `must not write inside .git ("${visibleName(segment)}" ${alias})`;
  }
  return shapeProblem(normal) ?? characterProblem(normal) ?? nameProblem(path.split('/'), normal.split('/'));
}

function shapeProblem(path: string): string | undefined {
  if (path.includes('\\')) return 'contains a backslash; use "/" as the separator';
  if (path.startsWith('/')) return 'is absolute; paths must be relative to the repository root';
  if (/^[A-Za-z]:/.test(path))
    return 'starts with a drive letter; paths must be relative to the repository root';
  const segments = path.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  if (segments.includes('.')) return 'contains a "." segment';
  if (segments.includes('')) return 'contains an empty segment (a doubled or trailing "/")';
  return undefined;
}

function characterProblem(path: string): string | undefined {
  const invisible = INVISIBLE_CHARACTER.exec(path);
  if (invisible !== null)
    return `contains ${codePoint(invisible[0])}, an invisible or direction-changing character`;
  const forbidden = WINDOWS_FORBIDDEN.exec(path);
  if (forbidden !== null) return `contains "${forbidden[0]}", which Windows does not allow in names`;
  return undefined;
}

/** `written` and `normal` are the same segments before and after NFC: bytes count as written. */
function nameProblem(written: readonly string[], normal: readonly string[]): string | undefined {
  for (const [index, name] of normal.entries()) {
    const bytes = utf8ByteLength(written[index] ?? name);
    if (bytes > MAX_NAME_BYTES) {
      return `has a name of ${formatCount(bytes)} bytes ("${visibleName(name, 40)}"), over the ${MAX_NAME_BYTES}-byte limit for a name`;
    }
    if (/[. ]$/.test(name)) return `has a name ending in a dot or space ("${name}"), which Windows drops`;
    if (isWindowsReservedName(name)) {
      return `has the name "${name}", which Windows reserves for a device (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension)`;
    }
  }
  return undefined;
}
