/**
 * `path` as a case-insensitive file system compares names (macOS APFS and HFS+, Windows NTFS: the
 * disks a person or a macOS or Windows runner builds on), for rules that recognise a file by its
 * name: on such a disk npm opening `.npmrc` reads a committed `.NPMRC`. Upper- then lower-cased,
 * which also folds what Unicode case folding folds into ASCII (CaseFolding.txt: `K` U+212A KELVIN
 * SIGN to `k`, `ſ` U+017F LATIN SMALL LETTER LONG S to `s`, `ı` U+0131 to `i`), so
 * `pac\u212Aage.json` is `package.json` too. Pure.
 */
export function caseFoldedPath(path: string): string {
  return path.toUpperCase().toLowerCase();
}
