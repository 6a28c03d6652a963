import type { GitHubDeployment } from '../core/deploy/deployment-record.js';
import { isAgentDeployment, type DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
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
  client: TriggerDeploymentClient;
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
  const forTrigger = (deployment: GitHubDeployment) => {
    const payload =
      typeof deployment.payload === 'string' ? parseJson(deployment.payload) : deployment.payload;
    return (
      isRecord(payload) &&
      names(payload) &&
      isAgentDeployment({
        deployment,
        authority: params.authority,
        repository: `${params.owner}/${params.repo}`,
      })
    );
  };
  const olderThanTrigger = (deployment: GitHubDeployment) => Date.parse(deployment.created_at) < since;
  const { items } = await readPages<GitHubDeployment>({
    maxPages: MAX_PAGES,
    enough: (deployments) => deployments.some(forTrigger) || deployments.some(olderThanTrigger),
    fetchPage: async ({ page }) => {
      const answer = await client.repos.listDeployments({
        owner,
        repo,
        per_page: PAGE_SIZE,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
  const found = items.find(forTrigger);
  return found === undefined ? undefined : { id: Number(found.id), environment: found.environment };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
