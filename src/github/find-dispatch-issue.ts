import { parseDispatchMarker } from '../core/idempotency/dispatch-marker.js';
import type { MarkerKeys } from '../core/state/marker-keys.js';
import { readPages } from './read-all-pages.js';

interface ListedIssue {
  number: number;
  html_url: string;
  body?: string | null;
  user: { login: string; type: string } | null;
  pull_request?: unknown;
}

export interface DispatchIssueClient {
  issues: {
    listForRepo(p: {
      owner: string;
      repo: string;
      state: 'all';
      sort: 'created';
      direction: 'desc';
      per_page: number;
      page?: number;
    }): Promise<{ data: ListedIssue[]; headers?: { link?: string | undefined } }>;
  };
}

/**
 * How far back a repeated dispatch looks for its issue: the 300 newest issues and pull requests.
 * Repeats come within GitHub's 3-day redelivery window or an upstream system's retries.
 */
const PAGES = 3;
const PAGE_SIZE = 100;

/**
 * The issue an earlier dispatch of this request opened: one written by the agent's own identity
 * (`identity`, the login its token acts as; any other account, bot or person, could copy the hidden
 * line) whose hidden dispatch marker names `requestId`, among the newest issues (newest first);
 * with `keys` (`dispatchKeysFrom`), only a marker signed with them counts, since under
 * `GITHUB_TOKEN` any workflow writes as the same identity. `undefined` when there is none.
 */
export async function findDispatchIssue(params: {
  client: DispatchIssueClient;
  owner: string;
  repo: string;
  requestId: string;
  identity: string;
  keys?: MarkerKeys | undefined;
}): Promise<{ number: number; html_url: string } | undefined> {
  const { client, owner, repo, requestId, identity } = params;
  const isIt = (issue: ListedIssue) =>
    issue.pull_request === undefined &&
    issue.user?.login === identity &&
    parseDispatchMarker(issue.body ?? '', params.keys) === requestId;
  const { items } = await readPages<ListedIssue>({
    maxPages: PAGES,
    enough: (issues) => issues.some(isIt),
    fetchPage: async ({ page }) => {
      const answer = await client.issues.listForRepo({
        owner,
        repo,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: PAGE_SIZE,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
  const found = items.find(isIt);
  return found === undefined ? undefined : { number: found.number, html_url: found.html_url };
}
