import {
  headAtRequest,
  type CheckSuiteFact,
  type HeadAtRequest,
  type RefActivity,
} from '../core/deploy/head-at-request.js';
import { httpStatusOf } from './http-status.js';
import { readAllPages } from './read-all-pages.js';

interface PageHeaders {
  headers?: { link?: string | undefined };
}

export interface HeadHistoryClient {
  repos: {
    listActivities(p: {
      owner: string;
      repo: string;
      ref: string;
      direction: 'desc';
      per_page: number;
      after?: string;
      before?: string;
    }): Promise<{ data: RefActivity[] } & PageHeaders>;
  };
  checks: {
    listSuitesForRef(p: {
      owner: string;
      repo: string;
      ref: string;
      per_page: number;
      page?: number;
    }): Promise<{ data: { check_suites: Array<{ created_at: string | null }> } } & PageHeaders>;
  };
}

const MAX_PAGES = 10;

/** Answers that mean "this GitHub does not offer that record here", not a failure. */
const NOT_OFFERED = new Set([403, 404, 422]);

/**
 * What the pull request's head branch pointed to when the command was given (`headAtRequest`):
 * the branch's ref updates from the repository activity API, newest first, read back to the
 * command; when those do not settle it, the check suites of the current head. Both carry GitHub's
 * own timestamps.
 */
export async function readHeadAtRequest(params: {
  client: HeadHistoryClient;
  owner: string;
  repo: string;
  /** Where the head branch lives; absent for a deleted fork, whose activity cannot be read. */
  headRepository?: { owner: string; repo: string };
  headRef: string;
  currentHead: string;
  requestedAt: string;
}): Promise<HeadAtRequest> {
  const { client, owner, repo, requestedAt, currentHead } = params;
  const activity = await readBranchActivity(params);
  const fromActivity = headAtRequest({ requestedAt, currentHead, ...(activity ? { activity } : {}) });
  if (fromActivity.kind !== 'unproven') return fromActivity;
  const suites = await readAllPages({
    what: `check suites on ${currentHead}`,
    maxPages: MAX_PAGES,
    fetchPage: async ({ page }) => {
      const answer = await client.checks.listSuitesForRef({
        owner,
        repo,
        ref: currentHead,
        per_page: 100,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data.check_suites, link: answer.headers?.link };
    },
  });
  const checkSuites = suites.flatMap((suite): CheckSuiteFact[] =>
    suite.created_at ? [{ created_at: suite.created_at }] : [],
  );
  return headAtRequest({ requestedAt, currentHead, checkSuites });
}

/** Newest first, back to the first update at or before the command; `undefined` when not offered. */
async function readBranchActivity(
  params: Parameters<typeof readHeadAtRequest>[0],
): Promise<RefActivity[] | undefined> {
  const { client, headRepository, requestedAt } = params;
  if (headRepository === undefined) return undefined;
  const requested = Date.parse(requestedAt);
  try {
    return await readAllPages({
      what: `updates of ${params.headRef}`,
      maxPages: MAX_PAGES,
      enough: (items) => items.some((item) => Date.parse(item.timestamp) <= requested),
      fetchPage: async ({ after, before }) => {
        const answer = await client.repos.listActivities({
          ...headRepository,
          ref: `refs/heads/${params.headRef}`,
          direction: 'desc',
          per_page: 100,
          ...(after === undefined ? {} : { after }),
          ...(before === undefined ? {} : { before }),
        });
        return { items: answer.data, link: answer.headers?.link };
      },
    });
  } catch (error) {
    if (NOT_OFFERED.has(httpStatusOf(error) ?? 0)) return undefined;
    throw error;
  }
}
