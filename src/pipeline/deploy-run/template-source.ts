import { TEMPLATE_BODY_LIMIT_BYTES } from '../../core/gates/check-template.js';
import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { DeploymentStore } from '../../core/stores/deployment-store.js';
import type { DeployEvent } from './deploy-event.js';

/**
 * How the change set gets the template: inline while it fits CloudFormation's 51,200-byte
 * `TemplateBody` limit (the AWS CloudFormation API Reference, CreateChangeSet), else uploaded to
 * the deployments bucket first and named by `TemplateURL` (up to 1 MB). A larger template without a
 * bucket to take it is refused with what to configure; an upload that fails is refused with why.
 */
export async function templateSource(params: {
  template: string;
  event: DeployEvent;
  deploymentStore?: DeploymentStore;
  log: (line: string) => void;
}): Promise<{ templateUrl?: string } | { refusal: string }> {
  const bytes = Buffer.byteLength(params.template, 'utf8');
  if (bytes <= TEMPLATE_BODY_LIMIT_BYTES) return {};
  const size = `The template is ${bytes.toLocaleString('en-US')} bytes, over CloudFormation's 51,200-byte inline limit`;
  const stage = params.deploymentStore?.stageTemplate?.bind(params.deploymentStore);
  if (stage === undefined) {
    return {
      refusal: `${size}, and no deployments bucket is configured to upload it to (\`mirrors.deployments_bucket\`); nothing was deployed.`,
    };
  }
  const { owner, repo } = params.event.repository;
  try {
    const templateUrl = await stage({
      repository: `${owner}/${repo}`,
      environment: params.event.environment,
      deploymentId: params.event.deploymentId,
      template: params.template,
    });
    params.log(`${size}: uploaded, and deployed by TemplateURL ${templateUrl}`);
    return { templateUrl };
  } catch (error) {
    return {
      refusal: `${size}, and uploading it failed: ${untrustedInline(error instanceof Error ? error.message : String(error))}; nothing was deployed.`,
    };
  }
}
