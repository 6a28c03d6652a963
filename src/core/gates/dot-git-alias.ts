import { codePoint } from './visible-name.js';

/** The code points HFS+ ignores when it compares names (Git's `next_hfs_char` in utf8.c skips the same). */
const HFS_IGNORABLE = /[\u200C-\u200F\u202A-\u202E\u206A-\u206F\uFEFF]/gu;

/** `.git` or its NTFS short name `git~1`, then only dots and spaces, then the end or an NTFS stream (`:`). */
const NTFS_DOT_GIT = /^(\.git|git~1)([. ]*)(:.*)?$/isu;

/**
 * Whether one path segment (already NFC) names Git's own directory on some file system, and why:
 * undefined when it does not. The rules are Git's (`verify_path` in read-cache.c with `core.protectNTFS`
 * and `core.protectHFS`, `is_ntfs_dotgit` in path.c, `is_hfs_dotgit` in utf8.c), which Git applies on
 * every platform so that a tree unsafe on one is refused everywhere:
 * - case is ignored (Windows and macOS file systems are case-insensitive): `.GIT`;
 * - NTFS drops trailing dots and spaces: `.git.`, `.git . `;
 * - NTFS gives `.git`, the first entry of a fresh clone, the short (8.3) name `GIT~1`;
 * - NTFS alternate data streams open the directory itself: `.git::$INDEX_ALLOCATION` (any `:` suffix);
 * - HFS+ ignores sixteen zero-width and direction code points anywhere in a name: `.g\u200Cit`.
 */
export function dotGitAlias(segment: string): string | undefined {
  const ignorable = segment.match(HFS_IGNORABLE);
  const match = NTFS_DOT_GIT.exec(segment.replace(HFS_IGNORABLE, ''));
  if (match === null) return undefined;
  const [, stem = '', trailing = '', stream] = match;
  if (ignorable !== null) {
    const named = [...new Set(ignorable.map(codePoint))].join(', ');
    return `is .git on macOS, whose HFS+ ignores ${named} in names`;
  }
  if (stream !== undefined) return 'is an NTFS alternate data stream of .git';
  if (stem.toLowerCase() === 'git~1') return 'is the Windows short (8.3) name of .git';
  if (trailing !== '') return 'is .git on Windows, which drops trailing dots and spaces';
  if (stem !== '.git') return 'is .git where case is ignored, as on Windows and macOS';
  return "is Git's own directory";
}
