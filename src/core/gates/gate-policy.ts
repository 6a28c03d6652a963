import type { AgentConfig } from '../config/agent-config.js';
import type { GatePolicy } from './gate-report.js';

export function gatePolicyFrom(config: AgentConfig): GatePolicy {
  return {
    maxFiles: config.limits.max_files,
    maxFileBytes: config.limits.max_file_bytes,
    maxTotalBytes: config.limits.max_total_bytes,
    allowedPaths: config.paths.allowed,
    allowedGithubPaths: config.paths.allow_github,
  };
}
