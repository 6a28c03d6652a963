import { generatedFilesOf } from '../core/bundle/generated-files-record.js';
import { retiredFiles, serviceFolderOf, type Retirement } from '../core/bundle/retired-files.js';
import type { GitDataClient } from './git-data-client.js';
import { httpStatusOf } from './http-status.js';
import { readTreeEntries, type TreeClient, type TreeEntry } from './read-tree-entries.js';

/**
 * What a re-run published on GitHub retires (`retiredFiles`): of the files the task's previous
 * generation (`previousGeneration`, the commit it pushed) records it wrote (its `Generated-File`
 * trailers, `generatedFilesOf`), those in the service folders `generated` writes that this
 * generation no longer writes and that the branch's head (tree `headTree`) still holds as that
 * generation wrote them; one a person changed since is kept (`keptEdited`). Read with the Git Data
 * API: the commit, then the blobs at the candidate paths in its tree and in the head's
 * (`readTreeEntries`). A previous generation GitHub no longer has (404, 422), or one recording no
 * list (made before records were kept), retires nothing: a stale file left is safer than a file
 * deleted that was not the agent's.
 */
export async function readRetiredFiles(params: {
  client: { git: Pick<GitDataClient['git'], 'getCommit'> & TreeClient['git'] };
  owner: string;
  repo: string;
  previousGeneration: string;
  headTree: string;
  generated: readonly string[];
}): Promise<Retirement> {
  const { client, owner, repo } = params;
  const none: Retirement = { retired: [], keptEdited: [] };
  const folders = new Set(params.generated.flatMap((path) => serviceFolderOf(path) ?? []));
  if (folders.size === 0) return none;
  const previous = await readCommit({ ...params, commit: params.previousGeneration });
  const recorded = previous?.message === undefined ? undefined : generatedFilesOf(previous.message);
  if (previous === undefined || recorded === undefined) return none;
  const generated = new Set(params.generated);
  const candidates = recorded.filter(
    (path) => !generated.has(path) && folders.has(serviceFolderOf(path) ?? ''),
  );
  if (candidates.length === 0) return none;
  const blobsAt = async (treeSha: string) =>
    blobIds(await readTreeEntries({ client, owner, repo, treeSha, paths: candidates }));
  return retiredFiles({
    generated: params.generated,
    generatedBefore: await blobsAt(previous.tree),
    onBranch: await blobsAt(params.headTree),
  });
}

/** Path → blob id (lower case) of the entries `readTreeEntries` found. */
function blobIds(entries: ReadonlyMap<string, TreeEntry>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [path, entry] of entries) if (entry.sha) ids.set(path, entry.sha.toLowerCase());
  return ids;
}

async function readCommit(params: {
  client: { git: Pick<GitDataClient['git'], 'getCommit'> };
  owner: string;
  repo: string;
  commit: string;
}): Promise<{ tree: string; message?: string } | undefined> {
  try {
    const { owner, repo, commit } = params;
    const { data } = await params.client.git.getCommit({ owner, repo, commit_sha: commit });
    return { tree: data.tree.sha, ...(typeof data.message === 'string' ? { message: data.message } : {}) };
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404 || status === 422) return undefined;
    throw error;
  }
}
