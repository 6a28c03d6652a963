import type { MergeMethod } from './enable-auto-merge.js';
import { httpStatusOf } from './http-status.js';

export interface MergeClient {
  repos: {
    /** `GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls`: the pull requests a commit heads or is in. */
    listPullRequestsAssociatedWithCommit(p: {
      owner: string;
      repo: string;
      commit_sha: string;
      per_page: number;
    }): Promise<{
      data: Array<{
        number: number;
        state: string;
        head: { sha: string; ref: string; repo: { full_name: string } | null };
      }>;
    }>;
  };
  pulls: {
    merge(p: {
      owner: string;
      repo: string;
      pull_number: number;
      sha: string;
      merge_method: MergeMethod;
    }): Promise<{ data: { merged: boolean; sha: string; message: string } }>;
  };
}

/** `merged` (with the merge commit); `head-moved`: a push came after the judged head; `refused`: not mergeable. */
export type MergeResult =
  | { readonly status: 'merged'; readonly sha: string }
  | { readonly status: 'head-moved' | 'refused'; readonly message: string };

/**
 * `PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge` with `sha`, the head that was judged: GitHub
 * merges only if the head is still that sha (GitHub REST "Merge a pull request": 409 Conflict when
 * the head sha does not match, 405 Method Not Allowed when the pull request cannot be merged —
 * already merged, conflicts, branch protection not satisfied). Those two are returned; any other
 * HTTP failure is thrown.
 */
export async function mergePullRequest(params: {
  client: MergeClient;
  owner: string;
  repo: string;
  pullNumber: number;
  sha: string;
  mergeMethod: MergeMethod;
}): Promise<MergeResult> {
  try {
    const { data } = await params.client.pulls.merge({
      owner: params.owner,
      repo: params.repo,
      pull_number: params.pullNumber,
      sha: params.sha,
      merge_method: params.mergeMethod,
    });
    return { status: 'merged', sha: data.sha };
  } catch (error) {
    const status = httpStatusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (status === 409) return { status: 'head-moved', message };
    if (status === 405) return { status: 'refused', message };
    throw error;
  }
}
