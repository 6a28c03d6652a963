import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import type { Zippable, ZipAttributes } from 'fflate';

/** Every entry gets this time, so the same files always make the same bytes (and the same content hash). */
export const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

/** One entry of a zip: its `/`-separated name, its bytes, and whether it is executable. */
export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly executable?: boolean;
}

/**
 * An executable entry's attributes: made on Unix (`os` 3) with mode `100755` in the high 16 bits of
 * the external attributes (APPNOTE 4.4.15 and Info-ZIP's Unix use), as `zip` and Python's
 * `zipfile` (the AWS CLI's packager) write them, so Lambda unpacks it executable. Other entries
 * keep fflate's defaults, so their bytes are what they were.
 */
const EXECUTABLE: ZipAttributes = { os: 3, attrs: 0o100755 * 0x10000 };

/**
 * The folder's files as a zip (deflate), entries sorted by path with a fixed time: the same files
 * always give byte-identical zips, so a rebuild of unchanged code keeps its content-hash key.
 * Reads the folder from disk: only a build's output (`buildService`) is packaged this way.
 */
export function zipDirectory(dir: string): Uint8Array {
  return zipFiles(
    filesUnder(dir).map((path) => ({
      name: relative(dir, path).split(sep).join('/'),
      bytes: readFileSync(path),
    })),
  );
}

/**
 * The entries as a zip, each under its `name`, sorted by name with a fixed time, as `zipDirectory`
 * makes them: the same entries always give the same bytes. An executable entry keeps its mode.
 */
export function zipFiles(files: readonly ZipEntry[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    entries[file.name] = [
      file.bytes,
      { mtime: FIXED_TIME, level: 9, ...(file.executable === true ? EXECUTABLE : {}) },
    ];
  }
  return zipSync(entries, { mtime: FIXED_TIME });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}
