import { httpStatusOf } from './http-status.js';

export interface RepositoryContentClient {
  repos: {
    getContent(p: { owner: string; repo: string; path: string; ref?: string }): Promise<{ data: unknown }>;
  };
}

/** A file's text at `ref` (the default branch when absent), or `undefined` when it does not exist. */
export async function readRepositoryFile(params: {
  client: RepositoryContentClient;
  owner: string;
  repo: string;
  path: string;
  ref?: string;
}): Promise<string | undefined> {
  const { client, owner, repo, path, ref } = params;
  try {
    const { data } = await client.repos.getContent(
      ref === undefined ? { owner, repo, path } : { owner, repo, path, ref },
    );
    if (!isFile(data)) throw new Error(`${path} is not a file in ${owner}/${repo}`);
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
}

function isFile(data: unknown): data is { type: 'file'; content: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'file' &&
    typeof (data as { content?: unknown }).content === 'string'
  );
}
