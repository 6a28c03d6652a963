import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import { escapeMarkdown } from '../../core/text/escape-markdown.js';

/** The pull request comment that ends a deploy: outcome, failing resource, environment, warnings. */
export function renderDeployReport(result: DeployResult, environment: string): string {
  const icon = result.finalStatus === 'success' ? '🟢' : '🔴';
  const lines = [`${icon} **${environment}**: ${escapeMarkdown(result.message)}`];
  if (result.failingResource) {
    const failing = result.failingResource;
    lines.push(
      `- Failing resource: \`${failing.logicalId}\` (${failing.resourceType}) ${failing.status}: ${escapeMarkdown(failing.reason)}`,
    );
  }
  if (result.environmentUrl) lines.push(`- Environment: ${result.environmentUrl}`);
  for (const warning of result.warnings) lines.push(`- ⚠️ ${escapeMarkdown(warning)}`);
  return lines.join('\n');
}
