import { deploymentStartsWorkflowRun } from '../../core/deploy/deployment-starts-workflow-run.js';
import type { CreatedDeployment } from '../../github/create-deployment.js';
import { setDeploymentStatus, type DeploymentStatusClient } from '../../github/set-deployment-status.js';

/**
 * A deployment no workflow run will carry out (made with a workflow's `GITHUB_TOKEN`, see
 * `deploymentStartsWorkflowRun`) would wait as pending forever and look queued to later commands:
 * it is ended at once with `error`. Returns the answer for the person who asked (what happened and
 * how to fix it), or `undefined` when the deploy workflow will run.
 */
export async function endUnstartableDeployment(params: {
  client: DeploymentStatusClient;
  owner: string;
  repo: string;
  created: CreatedDeployment;
  environment: string;
  /** The command to repeat once fixed, as typed: `/deploy staging`. */
  command: string;
}): Promise<string | undefined> {
  const { created, environment } = params;
  if (deploymentStartsWorkflowRun(created.creatorLogin)) return undefined;
  await setDeploymentStatus({
    client: params.client,
    owner: params.owner,
    repo: params.repo,
    deploymentId: created.id,
    state: 'error',
    description: 'Created with the workflow GITHUB_TOKEN, which starts no workflow run; nothing was deployed',
  });
  return (
    `⚠️ Deployment ${created.id} to **${environment}** was created with the workflow's \`GITHUB_TOKEN\` ` +
    `(as ${created.creatorLogin}), and GitHub starts no workflow run for a deployment made with that token, ` +
    'so the deploy workflow will not carry it out; it is marked `error` and nothing was deployed. ' +
    "Give the implementation-agent workflow a GitHub App's token (`actions/create-github-app-token`, see the README " +
    `under *Deploying*), then comment \`${params.command}\` again.`
  );
}
