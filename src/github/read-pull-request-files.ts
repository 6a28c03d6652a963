import { readAllPages } from './read-all-pages.js';
import { readTreeEntries, type TreeClient } from './read-tree-entries.js';

export interface PullRequestFilesClient extends TreeClient {
  pulls: {
    listFiles(p: {
      owner: string;
      repo: string;
      pull_number: number;
      per_page: number;
      page?: number;
    }): Promise<{
      data: { filename: string; status: string }[];
      headers?: { link?: string | undefined };
    }>;
  };
  git: TreeClient['git'] & {
    getBlob(p: { owner: string; repo: string; file_sha: string }): Promise<{
      data: { content: string; encoding: string; size?: number | null };
    }>;
  };
}

export interface PullRequestFile {
  readonly path: string;
  readonly content: string;
  /** GitHub's file status in the pull request: `added`, `modified`, `renamed`… */
  readonly status: string;
}

/** GitHub lists at most 3,000 files of a pull request, 100 a page (docs.github.com, *List pull requests files*). */
const MAX_PAGES = 30;

/**
 * The files a pull request adds or changes, as they are at `headSha`, read with the Git Data API
 * (`readTreeEntries`, then one blob each). Removed files are not read. Bounded, since the files
 * are untrusted: at most `maxFiles` are read and a blob over `maxFileBytes` (by the tree's size) is
 * not fetched; both kinds are returned in `skipped` for the review to name. Throws
 * `IncompleteListError` past 3,000 files and Octokit's errors as they are.
 */
export async function readPullRequestFiles(params: {
  client: PullRequestFilesClient;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  maxFiles: number;
  maxFileBytes: number;
  /** Read only the files it accepts (by path); the rest are neither read nor `skipped`. Default: all. */
  only?: (path: string) => boolean;
}): Promise<{ files: PullRequestFile[]; skipped: string[] }> {
  const { client, owner, repo } = params;
  const listed = await readAllPages({
    what: `files of #${params.pullNumber}`,
    maxPages: MAX_PAGES,
    fetchPage: async ({ page }) => {
      const answer = await client.pulls.listFiles({
        owner,
        repo,
        pull_number: params.pullNumber,
        per_page: 100,
        ...(page === undefined ? {} : { page }),
      });
      return { items: answer.data, link: answer.headers?.link };
    },
  });
  const present = listed.filter(
    (file) => file.status !== 'removed' && (params.only === undefined || params.only(file.filename)),
  );
  if (present.length === 0) return { files: [], skipped: [] };
  const entries = await readTreeEntries({
    client,
    owner,
    repo,
    treeSha: params.headSha,
    paths: present.map((file) => file.filename),
  });
  const files: PullRequestFile[] = [];
  const skipped: string[] = [];
  for (const file of present) {
    const entry = entries.get(file.filename) as { sha?: string | null; size?: number } | undefined;
    if (!entry?.sha) continue;
    if (files.length >= params.maxFiles || (entry.size ?? 0) > params.maxFileBytes) {
      skipped.push(file.filename);
      continue;
    }
    const blob = (await client.git.getBlob({ owner, repo, file_sha: entry.sha })).data;
    const content = Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString(
      'utf8',
    );
    files.push({ path: file.filename, content, status: file.status });
  }
  return { files, skipped };
}
