import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_PATH } from '../core/config/agent-config.js';
import { parseAgentConfig, type AgentConfigResult } from '../core/config/parse-agent-config.js';

/**
 * The repository's `.github/implementation-agent.yml` in `repoDir`, as the app reads it from
 * GitHub: absent (or no repository yet) means the defaults; a bad file is its problems.
 */
export async function readLocalConfig(repoDir: string): Promise<AgentConfigResult> {
  const text = await readFile(path.join(repoDir, CONFIG_PATH), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    },
  );
  return parseAgentConfig(text);
}
