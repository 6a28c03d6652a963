import type { GitHubDeployment } from '../core/deploy/deployment-record.js';
import { isAgentDeployment, type DeploymentAuthority } from '../core/deploy/is-agent-deployment.js';
import { isRecord } from '../core/request/is-record.js';
import { readPages } from './read-all-pages.js';

export interface CommandDeploymentClient {
  repos: {
    listDeployments(p: {
      owner: string;
      repo: string;
      per_page: number;
      page?: number;
    }): Promise<{ data: GitHubDeployment[]; headers?: { link?: string | undefined } }>;
  };
}

/** Deployments made after a command was written are few; this bounds a runaway list. */
const MAX_PAGES = 5;
const PAGE_SIZE = 100;

/**
 * The deployment an earlier handling of this `/deploy` or `/rollback` comment created (its payload
 * names the comment in `command_comment_id`), so a redelivered command is not carried out again.
 * GitHub lists deployments newest first; one made for the comment is newer than the comment, so
 * the reading stops at the first deployment created before `commentedAt` (ISO 8601). Only the
 * agent's own deployments count (`authority`, see `isAgentDeployment`): a hand-made deployment
 * naming the comment must not make the command look carried out already.
 */
export async function findCommandDeployment(params: {
  client: CommandDeploymentClient;
  owner: string;
  repo: string;
  commentId: number;
  commentedAt: string;
  authority: DeploymentAuthority;
}): Promise<{ id: number; environment: string } | undefined> {
  const { client, owner, repo, commentId } = params;
  const since = Date.parse(params.commentedAt);
  const forComment = (deployment: GitHubDeployment) => {
    const payload =
      typeof deployment.payload === 'string' ? parseJson(deployment.payload) : deployment.payload;
    return (
      isRecord(payload) &&
      payload.command_comment_id === commentId &&
      isAgentDeployment({ deployment, authority: params.authority, repository: `${owner}/${repo}` })
    );
  };
  const olderThanComment = (deployment: GitHubDeployment) => Date.parse(deployment.created_at) < since;
  const { items } = await readPages<GitHubDeployment>({
    maxPages: MAX_PAGES,
    enough: (deployments) => deployments.some(forComment) || deployments.some(olderThanComment),
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
  const found = items.find(forComment);
  return found === undefined ? undefined : { id: Number(found.id), environment: found.environment };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
