import {
  combineChecks,
  type ChecksVerdict,
  type CheckRunFact,
  type CommitStatusFact,
} from '../core/checks/combine-checks.js';
import { readAllPages } from './read-all-pages.js';

interface PageHeaders {
  headers?: { link?: string | undefined };
}

export interface ChecksClient {
  checks: {
    listForRef(p: {
      owner: string;
      repo: string;
      ref: string;
      filter: 'latest';
      per_page: number;
      page?: number;
    }): Promise<{ data: { check_runs: CheckRunFact[] } } & PageHeaders>;
  };
  repos: {
    getCombinedStatusForRef(p: {
      owner: string;
      repo: string;
      ref: string;
      per_page: number;
      page?: number;
    }): Promise<{ data: { statuses: CommitStatusFact[] } } & PageHeaders>;
  };
}

/** 100 a page; a sha with more than 1,000 check runs or status contexts is not decided on. */
const MAX_PAGES = 10;

/**
 * The green-checks verdict for a sha (`combineChecks`): every page of its latest check runs and
 * of its combined status (GitHub's latest status per context), read side by side. `agentAppSlug`
 * (`agentAppSlugOf`) tells the agent's own check runs from CI checks that use the same names.
 */
export async function readChecksVerdict(params: {
  client: ChecksClient;
  owner: string;
  repo: string;
  sha: string;
  agentAppSlug: string;
}): Promise<ChecksVerdict> {
  const { client, owner, repo, sha } = params;
  const [checkRuns, statuses] = await Promise.all([
    readAllPages({
      what: `check runs on ${sha}`,
      maxPages: MAX_PAGES,
      fetchPage: async ({ page }) => {
        const answer = await client.checks.listForRef({
          owner,
          repo,
          ref: sha,
          filter: 'latest',
          per_page: 100,
          ...(page === undefined ? {} : { page }),
        });
        return { items: answer.data.check_runs, link: answer.headers?.link };
      },
    }),
    readAllPages({
      what: `commit statuses on ${sha}`,
      maxPages: MAX_PAGES,
      fetchPage: async ({ page }) => {
        const answer = await client.repos.getCombinedStatusForRef({
          owner,
          repo,
          ref: sha,
          per_page: 100,
          ...(page === undefined ? {} : { page }),
        });
        return { items: answer.data.statuses, link: answer.headers?.link };
      },
    }),
  ]);
  return combineChecks({ checkRuns, statuses, agentAppSlug: params.agentAppSlug });
}
