import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** Every entry gets this time, so the same files always make the same bytes (and the same content hash). */
export const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

/**
 * The folder's files as a zip (deflate), entries sorted by path with a fixed time: the same files
 * always give byte-identical zips, so a rebuild of unchanged code keeps its content-hash key.
 */
export function zipDirectory(dir: string): Uint8Array {
  return zipFiles(filesUnder(dir).map((path) => ({ name: relative(dir, path).split(sep).join('/'), path })));
}

/**
 * The files as a zip, each under its `name` (`/`-separated), sorted by name with a fixed time, as
 * `zipDirectory` makes them: the same files always give the same bytes.
 */
export function zipFiles(files: ReadonlyArray<{ readonly name: string; readonly path: string }>): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    entries[file.name] = [readFileSync(file.path), { mtime: FIXED_TIME, level: 9 }];
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
