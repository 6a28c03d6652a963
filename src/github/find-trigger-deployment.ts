import type { GitHubDeployment } from '../core/deploy/deployment-record.js';
import type { DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
import { agentDeploymentFilter } from './agent-deployment-filter.js';
import type { RepositoryIdClient } from './marker-repository-ids.js';
import { isRecord } from '../core/request/is-record.js';
import { readPages } from './read-all-pages.js';

export interface TriggerDeploymentClient {
  repos: {
    listDeployments(p: {
      owner: string;
      repo: string;
      per_page: number;
      page?: number;
    }): Promise<{ data: GitHubDeployment[]; headers?: { link?: string | undefined } }>;
  };
}

/**
 * What made a deployment, as its payload names it: a `/deploy` or `/rollback` comment
 * (`command_comment_id`) or the merge of a pull request in automated mode (`merge_of`).
 */
export type DeploymentTrigger = { readonly commentId: number } | { readonly mergeOf: number };

/** Deployments made after a trigger are few; this bounds a runaway list. */
const MAX_PAGES = 5;
const PAGE_SIZE = 100;

/**
 * The deployment an earlier handling of `trigger` created, so a redelivered trigger is not
 * carried out again. GitHub lists deployments newest first (REST "List deployments"); one made
 * for the trigger is newer than it, so the reading stops at the first deployment created before
 * `since` (ISO 8601: the comment's `created_at`, the pull request's `merged_at`). Only the agent's
 * own deployments count (`authority`, see `isAgentDeployment`): a hand-made deployment naming the
 * trigger must not make it look carried out already.
 */
export async function findTriggerDeployment(params: {
  client: TriggerDeploymentClient & RepositoryIdClient;
  owner: string;
  repo: string;
  trigger: DeploymentTrigger;
  since: string;
  authority: DeploymentAuthority;
}): Promise<{ id: number; environment: string } | undefined> {
  const { client, owner, repo, trigger } = params;
  const since = Date.parse(params.since);
  const names = (payload: Record<string, unknown>) =>
    'commentId' in trigger
      ? payload.command_comment_id === trigger.commentId
      : payload.merge_of === trigger.mergeOf;
  const isAgents = agentDeploymentFilter({ client, authority: params.authority, owner, repo });
  const namesTrigger = (deployment: GitHubDeployment) => {
    const payload =
      typeof deployment.payload === 'string' ? parseJson(deployment.payload) : deployment.payload;
    return isRecord(payload) && names(payload);
  };
  const olderThanTrigger = (deployment: GitHubDeployment) => Date.parse(deployment.created_at) < since;
  /** Each deployment listed, and whether it is the agent's for the trigger. */
  const { items } = await readPages<{ deployment: GitHubDeployment; forTrigger: boolean }>({
    maxPages: MAX_PAGES,
    enough: (listed) =>
      listed.some((item) => item.forTrigger) || listed.some((item) => olderThanTrigger(item.deployment)),
    fetchPage: async ({ page }) => {
      const answer = await client.repos.listDeployments({
        owner,
        repo,
        per_page: PAGE_SIZE,
        ...(page === undefined ? {} : { page }),
      });
      const listed = await Promise.all(
        answer.data.map(async (deployment) => ({
          deployment,
          forTrigger: namesTrigger(deployment) && (await isAgents(deployment)),
        })),
      );
      return { items: listed, link: answer.headers?.link };
    },
  });
  const found = items.find((item) => item.forTrigger)?.deployment;
  return found === undefined ? undefined : { id: Number(found.id), environment: found.environment };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
