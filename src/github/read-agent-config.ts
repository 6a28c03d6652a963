import { CONFIG_PATH } from '../core/config/agent-config.js';
import { parseAgentConfig, type AgentConfigResult } from '../core/config/parse-agent-config.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../core/untrusted/untrusted-input-limits.js';
import { isTooLargeForContents } from './is-too-large-for-contents.js';
import { readRepositoryFile, type RepositoryContentClient } from './read-repository-file.js';

/**
 * The repository's `.github/implementation-agent.yml`, validated; defaults when the file is absent.
 * A file the contents API refuses as over its 1 MB (`isTooLargeForContents`) is far past what a
 * config may be (`MAX_UNTRUSTED_TEXT_LENGTH` characters, `parseAgentConfig`): it is not downloaded
 * through the blobs API, and the answer is that problem, as for any config too long to read.
 */
export async function readAgentConfig(params: {
  client: RepositoryContentClient;
  owner: string;
  repo: string;
  ref?: string;
}): Promise<AgentConfigResult> {
  try {
    return parseAgentConfig(await readRepositoryFile({ ...params, path: CONFIG_PATH }));
  } catch (error) {
    if (!isTooLargeForContents(error)) throw error;
    return {
      ok: false,
      problems: [
        `\`${CONFIG_PATH}\` is over 1 MB, over the limit of ${MAX_UNTRUSTED_TEXT_LENGTH.toLocaleString('en-US')} characters; it was not read`,
      ],
    };
  }
}
