import { listTreePaths } from '../../github/list-tree-paths.js';
import { readLargeRepositoryFile, type LargeFileClient } from '../../github/read-large-repository-file.js';
import type { TreeClient } from '../../github/read-tree-entries.js';
import { MAX_BASE_FILE_LENGTH, type BaseFileReader } from './read-reviewed-base.js';

/**
 * Reads files of `owner/repo` at `ref` (the branch a pull request merges into): through the
 * contents API, and through the Git blobs API for a file above the contents API's 1 MB
 * (`readLargeRepositoryFile`), reading at most `MAX_BASE_FILE_LENGTH` bytes of one file. Lists the
 * base's files with one recursive Git trees call (`listTreePaths`), which throws when GitHub cuts
 * the listing short.
 */
export function githubBaseReader(params: {
  client: LargeFileClient & TreeClient;
  owner: string;
  repo: string;
  ref: string;
}): BaseFileReader {
  const read: BaseFileReader = (path) =>
    readLargeRepositoryFile({ ...params, path, maxBytes: MAX_BASE_FILE_LENGTH });
  read.list = () => listTreePaths(params);
  return read;
}
