import {
  toDeploymentRecord,
  type DeploymentRecord,
  type GitHubDeployment,
  type GitHubDeploymentStatus,
} from '../core/deploy/deployment-record.js';

export interface DeploymentHistoryClient {
  repos: {
    listDeployments(p: {
      owner: string;
      repo: string;
      environment?: string;
      sha?: string;
      per_page: number;
    }): Promise<{ data: GitHubDeployment[] }>;
    listDeploymentStatuses(p: {
      owner: string;
      repo: string;
      deployment_id: number;
      per_page: number;
    }): Promise<{ data: GitHubDeploymentStatus[] }>;
  };
}

/** How far back `/rollback` looks: enough for any rollback a team would still want. */
const HISTORY_SIZE = 20;

/**
 * Recent deployments (of one environment, or of one sha across environments) with their statuses,
 * and each one's payload as created.
 */
export async function readDeploymentHistory(params: {
  client: DeploymentHistoryClient;
  owner: string;
  repo: string;
  filter: { environment: string } | { sha: string };
  /** How many of the newest deployments to read (each costs a statuses call). */
  limit?: number;
}): Promise<{ records: DeploymentRecord[]; payloadOf: (id: number) => unknown }> {
  const { client, owner, repo } = params;
  const deployments = (
    await client.repos.listDeployments({
      owner,
      repo,
      ...params.filter,
      per_page: params.limit ?? HISTORY_SIZE,
    })
  ).data;
  const records = await Promise.all(
    deployments.map(async (deployment) => {
      const statuses = await client.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: Number(deployment.id),
        per_page: 10,
      });
      return toDeploymentRecord(deployment, statuses.data);
    }),
  );
  const payloads = new Map(deployments.map((deployment) => [Number(deployment.id), deployment.payload]));
  return {
    records,
    payloadOf: (id) => {
      const payload = payloads.get(id);
      return typeof payload === 'string' ? parseJson(payload) : payload;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
