import { readFile } from 'node:fs/promises';

/** The file's bytes, or `undefined` when there is no such file; other failures (permissions) throw. */
export async function readOptionalFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
