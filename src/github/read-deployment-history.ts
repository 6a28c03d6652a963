import {
  toDeploymentRecord,
  type DeploymentRecord,
  type GitHubDeployment,
} from '../core/deploy/deployment-record.js';
import type { DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
import { agentDeploymentFilter } from './agent-deployment-filter.js';
import type { RepositoryIdClient } from './marker-repository-ids.js';
import { readPages } from './read-all-pages.js';
import { readDeploymentStatuses, type DeploymentStatusesClient } from './read-deployment-statuses.js';

interface PageHeaders {
  headers?: { link?: string | undefined };
}

export interface DeploymentHistoryClient extends DeploymentStatusesClient {
  repos: DeploymentStatusesClient['repos'] & {
    listDeployments(p: {
      owner: string;
      repo: string;
      environment?: string;
      sha?: string;
      per_page: number;
      page?: number;
    }): Promise<{ data: GitHubDeployment[] } & PageHeaders>;
  };
}

/** Deployments per page: each costs a statuses call, so pages stay small and stop once answered. */
const PAGE_SIZE = 20;

/** How far back a question is followed: 500 deployments of an environment or a sha. */
const MAX_PAGES = 25;

export interface DeploymentHistory {
  /** Newest first, as GitHub lists them. */
  readonly records: DeploymentRecord[];
  readonly payloadOf: (id: number) => unknown;
  /** False when older deployments exist that were not read (see `readDeploymentHistory`). */
  readonly complete: boolean;
}

/**
 * Deployments (of one environment, of one sha, or both) with every one of their statuses, and each
 * one's payload as created. Reads page after page, newest first, until `enough` says the records so
 * far answer the question, GitHub has no more, or `MAX_PAGES` were read (then `complete` is false).
 * `limit` reads only the newest few, for what informs and decides nothing. With `authority`, only
 * the agent's deployments are kept (`isAgentDeployment`: a verified payload, or without a key the
 * agent's creator; a payload signed over a former name GitHub resolves to this repository, as
 * `agentDeploymentFilter` asks): a hand-made deployment never becomes a rollback target, what runs,
 * or a step of `deploy_order`.
 */
export async function readDeploymentHistory(params: {
  client: DeploymentHistoryClient & RepositoryIdClient;
  owner: string;
  repo: string;
  filter: { environment: string } | { sha: string } | { environment: string; sha: string };
  enough?: (records: readonly DeploymentRecord[]) => boolean;
  limit?: number;
  authority?: DeploymentAuthority;
}): Promise<DeploymentHistory> {
  const { client, owner, repo, authority } = params;
  const payloads = new Map<number, GitHubDeployment['payload']>();
  const isAgents =
    authority === undefined ? undefined : agentDeploymentFilter({ client, authority, owner, repo });
  const { items: records, complete } = await readPages<DeploymentRecord>({
    maxPages: params.limit === undefined ? MAX_PAGES : 1,
    ...(params.enough === undefined ? {} : { enough: params.enough }),
    fetchPage: async ({ page }) => {
      const answer = await client.repos.listDeployments({
        owner,
        repo,
        ...params.filter,
        per_page: params.limit ?? PAGE_SIZE,
        ...(page === undefined ? {} : { page }),
      });
      const agents = isAgents === undefined ? undefined : await Promise.all(answer.data.map(isAgents));
      const counted =
        isAgents === undefined
          ? answer.data
          : answer.data.filter((_deployment, index) => agents![index] === true);
      for (const deployment of counted) payloads.set(Number(deployment.id), deployment.payload);
      const items = await Promise.all(
        counted.map(async (deployment) =>
          toDeploymentRecord(
            deployment,
            await readDeploymentStatuses({ client, owner, repo, deploymentId: Number(deployment.id) }),
          ),
        ),
      );
      return { items, link: answer.headers?.link };
    },
  });
  return {
    records,
    complete,
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
