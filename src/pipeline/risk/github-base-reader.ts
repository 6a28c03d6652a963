import { readRepositoryFile, type RepositoryContentClient } from '../../github/read-repository-file.js';
import type { BaseFileReader } from './read-reviewed-base.js';

/** Reads files of `owner/repo` at `ref` (the branch a pull request merges into) through the contents API. */
export function githubBaseReader(params: {
  client: RepositoryContentClient;
  owner: string;
  repo: string;
  ref: string;
}): BaseFileReader {
  return (path) => readRepositoryFile({ ...params, path });
}
