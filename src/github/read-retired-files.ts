import { retiredFiles, serviceFolderOf } from '../core/bundle/retired-files.js';
import type { GitDataClient } from './git-data-client.js';
import { httpStatusOf } from './http-status.js';
import { readTreeEntries, type TreeClient, type TreeEntry } from './read-tree-entries.js';

/** The folder every generated service lives in (`services/<slug>/…`), as `retiredFiles` knows it. */
const SERVICES = 'services';

/**
 * What a re-run published on GitHub retires (`retiredFiles`): files the task's previous generation
 * (`previousGeneration`, the commit it pushed) held in the service folders `generated` writes, that
 * the branch's head (tree `headTree`) still holds and that this generation no longer writes. Read
 * with the Git Data API: the previous generation's tree down to each service folder (one listing
 * per level, a service folder listed whole), and the head's entries at the candidate paths only
 * (`readTreeEntries`). A previous generation GitHub no longer has (404, 422), or a folder listing
 * GitHub cuts short (`truncated`), retires nothing: a stale file left is safer than a file deleted
 * that was not the agent's. Returns sorted paths.
 */
export async function readRetiredFiles(params: {
  client: { git: Pick<GitDataClient['git'], 'getCommit'> & TreeClient['git'] };
  owner: string;
  repo: string;
  previousGeneration: string;
  headTree: string;
  generated: readonly string[];
}): Promise<string[]> {
  const { client, owner, repo } = params;
  // `services/<slug>/` → `<slug>`: the folder names the listings below look for.
  const folders = [
    ...new Set(params.generated.flatMap((path) => serviceFolderOf(path)?.split('/')[1] ?? [])),
  ];
  if (folders.length === 0) return [];
  const previousTree = await treeOfCommit({ ...params, commit: params.previousGeneration });
  if (previousTree === undefined) return [];
  const list = async (sha: string, recursive?: 'true') =>
    (await client.git.getTree({ owner, repo, tree_sha: sha, ...(recursive ? { recursive } : {}) })).data;
  const services = subtree(await list(previousTree), SERVICES);
  if (services === undefined) return [];
  const servicesTree = await list(services);
  const generatedBefore: string[] = [];
  for (const folder of folders) {
    const sha = subtree(servicesTree, folder);
    if (sha === undefined) continue;
    const listing = await list(sha, 'true');
    if (listing.truncated) return [];
    for (const entry of listing.tree)
      if (entry.type === 'blob' && entry.path) generatedBefore.push(`${SERVICES}/${folder}/${entry.path}`);
  }
  const generated = new Set(params.generated);
  const candidates = generatedBefore.filter((path) => !generated.has(path));
  if (candidates.length === 0) return [];
  const onBranch = await readTreeEntries({
    client,
    owner,
    repo,
    treeSha: params.headTree,
    paths: candidates,
  });
  return retiredFiles({ generated: params.generated, generatedBefore, onBranch: [...onBranch.keys()] });
}

function subtree(listing: { tree: readonly TreeEntry[] }, name: string): string | undefined {
  const entry = listing.tree.find((candidate) => candidate.path === name && candidate.type === 'tree');
  return entry?.sha ?? undefined;
}

async function treeOfCommit(params: {
  client: { git: Pick<GitDataClient['git'], 'getCommit'> };
  owner: string;
  repo: string;
  commit: string;
}): Promise<string | undefined> {
  try {
    const { owner, repo, commit } = params;
    return (await params.client.git.getCommit({ owner, repo, commit_sha: commit })).data.tree.sha;
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404 || status === 422) return undefined;
    throw error;
  }
}
