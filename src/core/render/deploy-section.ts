import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import type { DeployState } from '../state/deploy-state.js';
import type { EnvironmentDeploys } from '../task/apply-deploy-event.js';

/** The section's bounds, so a deploy run can replace it in a status comment it did not render. */
export const DEPLOY_SECTION_START = '<!-- implementation-agent:deploys -->';
export const DEPLOY_SECTION_END = '<!-- /implementation-agent:deploys -->';

const LABELS: Readonly<Record<DeployState, string>> = {
  deploying: '🚀 deploying',
  deployed: '🟢 deployed',
  deploy_failed: '🔴 deploy failed',
  rolled_back: '↩️ rolled back',
};

/**
 * The status comment's per-environment deploy state (DESIGN §3), one line per environment in name
 * order, between its bounds; `''` when no environment was deployed to. Environment names and URLs
 * come from GitHub and stack outputs, so they are shown as text, never as markup.
 */
export function renderDeploySection(deploys: EnvironmentDeploys | undefined): string {
  const entries = Object.entries(deploys ?? {}).sort(([left], [right]) => left.localeCompare(right));
  if (entries.length === 0) return '';
  const lines = entries.map(([environment, entry]) => {
    const parts = [
      `- **${untrustedInline(environment)}**: ${LABELS[entry.status]}`,
      `deployment ${entry.deployment_id}`,
      codeSpan(entry.sha.slice(0, 7)),
      ...(entry.rolled_back_by === undefined ? [] : [`rolled back by deployment ${entry.rolled_back_by}`]),
      ...(entry.environment_url === undefined ? [] : [codeSpan(entry.environment_url)]),
      ...(entry.last_attempt === undefined
        ? []
        : [
            `${LABELS.deploy_failed}: deployment ${entry.last_attempt.deployment_id} (${codeSpan(entry.last_attempt.sha.slice(0, 7))}) could not start`,
          ]),
    ];
    return parts.join(' · ');
  });
  return [DEPLOY_SECTION_START, '#### Deployments', '', ...lines, DEPLOY_SECTION_END].join('\n');
}
