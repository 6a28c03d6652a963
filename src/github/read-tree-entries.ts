import { IncompleteListError } from './read-all-pages.js';

export interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string | null;
}

export interface TreeClient {
  git: {
    getTree(p: { owner: string; repo: string; tree_sha: string; recursive?: string }): Promise<{
      data: { tree: TreeEntry[]; truncated: boolean };
    }>;
  };
}

/**
 * The blobs at `paths` in the tree of `treeSha` (a commit or tree sha), by path; a path with no blob
 * there is absent. One recursive listing when GitHub returns it whole; when GitHub cuts it short
 * (`truncated`, past 100,000 entries or 7 MB: docs.github.com, *Get a tree*), only the directories
 * the paths pass through are read, one call each, so a partial listing is never taken for the tree.
 */
export async function readTreeEntries(params: {
  client: TreeClient;
  owner: string;
  repo: string;
  treeSha: string;
  paths: readonly string[];
}): Promise<Map<string, TreeEntry>> {
  const { client, owner, repo } = params;
  const whole = await client.git.getTree({ owner, repo, tree_sha: params.treeSha, recursive: 'true' });
  const wanted = new Set(params.paths);
  if (!whole.data.truncated) return blobsAt(whole.data.tree, wanted);
  const listed = new Map<string, Promise<TreeEntry[]>>();
  const list = (sha: string) => {
    const known = listed.get(sha);
    if (known) return known;
    const read = client.git.getTree({ owner, repo, tree_sha: sha }).then(({ data }) => {
      if (data.truncated) throw new IncompleteListError(`GitHub cut short the listing of tree ${sha}.`);
      return data.tree;
    });
    listed.set(sha, read);
    return read;
  };
  const found = new Map<string, TreeEntry>();
  for (const path of wanted) {
    const entry = await findEntry({ list, rootSha: params.treeSha, path });
    if (entry?.type === 'blob') found.set(path, { ...entry, path });
  }
  return found;
}

/** Walks `path` down from the root, one directory listing per segment (each listed once). */
async function findEntry(params: {
  list: (sha: string) => Promise<TreeEntry[]>;
  rootSha: string;
  path: string;
}): Promise<TreeEntry | undefined> {
  const segments = params.path.split('/');
  let treeSha: string = params.rootSha;
  for (const [index, segment] of segments.entries()) {
    const entry = (await params.list(treeSha)).find((candidate) => candidate.path === segment);
    if (index === segments.length - 1) return entry;
    if (entry?.type !== 'tree' || !entry.sha) return undefined;
    treeSha = entry.sha;
  }
  return undefined;
}

function blobsAt(entries: readonly TreeEntry[], wanted: ReadonlySet<string>): Map<string, TreeEntry> {
  const found = new Map<string, TreeEntry>();
  for (const entry of entries) {
    if (entry.type === 'blob' && entry.path !== undefined && wanted.has(entry.path))
      found.set(entry.path, entry);
  }
  return found;
}
