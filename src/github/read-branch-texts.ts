import { readTreeEntries, type TreeClient } from './read-tree-entries.js';

export interface BlobClient extends TreeClient {
  git: TreeClient['git'] & {
    getBlob(p: {
      owner: string;
      repo: string;
      file_sha: string;
    }): Promise<{ data: { content: string; encoding: string } }>;
  };
}

/**
 * The text of each of `paths` at commit `sha`, by path, through the Git Data API (one tree
 * listing, one blob per path). A path that is no blob there, or whose bytes are not UTF-8 (a
 * binary file: its text could not be written back byte for byte), is absent.
 */
export async function readBranchTexts(params: {
  client: BlobClient;
  owner: string;
  repo: string;
  sha: string;
  paths: readonly string[];
}): Promise<Map<string, string>> {
  const { client, owner, repo } = params;
  if (params.paths.length === 0) return new Map();
  const entries = await readTreeEntries({ client, owner, repo, treeSha: params.sha, paths: params.paths });
  const texts = new Map<string, string>();
  for (const [path, entry] of entries) {
    if (!entry.sha || entry.mode === '120000') continue;
    const { data } = await client.git.getBlob({ owner, repo, file_sha: entry.sha });
    const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    const text = bytes.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes)) texts.set(path, text);
  }
  return texts;
}
