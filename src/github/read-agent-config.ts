import { CONFIG_PATH } from '../core/config/agent-config.js';
import { parseAgentConfig, type AgentConfigResult } from '../core/config/parse-agent-config.js';
import { readRepositoryFile, type RepositoryContentClient } from './read-repository-file.js';

/** The repository's `.github/implementation-agent.yml`, validated; defaults when the file is absent. */
export async function readAgentConfig(params: {
  client: RepositoryContentClient;
  owner: string;
  repo: string;
  ref?: string;
}): Promise<AgentConfigResult> {
  return parseAgentConfig(await readRepositoryFile({ ...params, path: CONFIG_PATH }));
}
