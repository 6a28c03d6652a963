import type { DeployResult } from '../../aws/cloudformation/deploy-result.js';
import { codeSpan } from '../../core/markdown/code-span.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';

/**
 * The pull request comment that ends a deploy: outcome, failing resource, environment, warnings.
 * The result's message and warnings are our markdown (AWS text already escaped), so they are posted
 * as they are; the failing resource's fields come from AWS and the template, so they are escaped here.
 */
export function renderDeployReport(result: DeployResult, environment: string): string {
  const icon = result.finalStatus === 'success' ? '🟢' : '🔴';
  const lines = [`${icon} **${untrustedInline(environment)}**: ${result.message}`];
  if (result.failingResource) {
    const failing = result.failingResource;
    lines.push(
      `- Failing resource: ${codeSpan(failing.logicalId)} (${untrustedInline(failing.resourceType)}) ${failing.status}: ${untrustedInline(failing.reason)}`,
    );
  }
  if (result.environmentUrl) lines.push(`- Environment: ${result.environmentUrl}`);
  for (const warning of result.warnings) lines.push(`- ⚠️ ${warning}`);
  return lines.join('\n');
}
