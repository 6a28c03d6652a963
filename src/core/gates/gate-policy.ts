import type { AgentConfig } from '../config/agent-config.js';
import { TEMPLATE_BODY_LIMIT_BYTES, TEMPLATE_URL_LIMIT_BYTES } from './check-template.js';
import type { GatePolicy } from './gate-report.js';

/**
 * The gates' limits from the config. A template may exceed CloudFormation's 51,200-byte inline
 * limit only when `mirrors.deployments_bucket` is configured: deploys then upload it and pass
 * `TemplateURL` (up to 1 MB).
 */
export function gatePolicyFrom(config: AgentConfig): GatePolicy {
  return {
    maxFiles: config.limits.max_files,
    maxFileBytes: config.limits.max_file_bytes,
    maxTotalBytes: config.limits.max_total_bytes,
    allowedPaths: config.paths.allowed,
    allowedGithubPaths: config.paths.allow_github,
    maxTemplateBytes:
      config.mirrors.deployments_bucket === undefined ? TEMPLATE_BODY_LIMIT_BYTES : TEMPLATE_URL_LIMIT_BYTES,
  };
}
