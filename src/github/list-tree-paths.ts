import { IncompleteListError } from './read-all-pages.js';
import type { TreeClient } from './read-tree-entries.js';

/**
 * Every file (blob) path of the tree at `ref` (a branch, tag or sha): one recursive listing (GitHub
 * Docs, "Get a tree", `GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=1`, which takes a
 * ref name as `tree_sha`). Throws `IncompleteListError` when GitHub cuts the listing short
 * (`truncated`, past 100,000 entries or 7 MB), so a partial listing is never taken for the tree;
 * any other refusal throws as Octokit does.
 */
export async function listTreePaths(params: {
  client: TreeClient;
  owner: string;
  repo: string;
  ref: string;
}): Promise<string[]> {
  const { client, owner, repo, ref } = params;
  const { data } = await client.git.getTree({ owner, repo, tree_sha: ref, recursive: 'true' });
  if (data.truncated) throw new IncompleteListError(`GitHub cut short the listing of ${ref}'s files.`);
  return data.tree.flatMap((entry) =>
    entry.type === 'blob' && entry.path !== undefined ? [entry.path] : [],
  );
}
