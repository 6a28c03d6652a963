import { readLargeRepositoryFile, type LargeFileClient } from '../../github/read-large-repository-file.js';
import { MAX_BASE_FILE_LENGTH, type BaseFileReader } from './read-reviewed-base.js';

/**
 * Reads files of `owner/repo` at `ref` (the branch a pull request merges into): through the
 * contents API, and through the Git blobs API for a file above the contents API's 1 MB
 * (`readLargeRepositoryFile`), reading at most `MAX_BASE_FILE_LENGTH` bytes of one file.
 */
export function githubBaseReader(params: {
  client: LargeFileClient;
  owner: string;
  repo: string;
  ref: string;
}): BaseFileReader {
  return (path) => readLargeRepositoryFile({ ...params, path, maxBytes: MAX_BASE_FILE_LENGTH });
}
