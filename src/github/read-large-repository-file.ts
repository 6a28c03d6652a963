import { httpStatusOf } from './http-status.js';
import type { RepositoryContentClient } from './read-repository-file.js';

/** The contents API, and the Git blobs API for a file the contents API gives no content for. */
export interface LargeFileClient extends RepositoryContentClient {
  git: {
    getBlob(p: {
      owner: string;
      repo: string;
      file_sha: string;
    }): Promise<{ data: { content: string; encoding: string; size?: number | null } }>;
  };
}

/**
 * A file's text at `ref`, up to `maxBytes`, or `undefined` when it does not exist there.
 * GitHub Docs, "REST API endpoints for repository contents" ("Get repository contents"): a file of
 * 1 MB or less comes with its content; one between 1 and 100 MB comes with `content: ""` and
 * `encoding: "none"` (and its `size` and blob `sha`). Such a file is read through GitHub Docs, "REST
 * API endpoints for Git blobs" ("Get a blob", `GET /repos/{owner}/{repo}/git/blobs/{file_sha}`,
 * which "supports blobs up to 100 megabytes in size"). The `size` the contents API reports is
 * checked before the blob is asked for, and the blob's own `size` after: a file over `maxBytes` is
 * never downloaded. Throws (with why) when the path is not a file (a folder, a symbolic link, a
 * submodule), is over `maxBytes`, or GitHub refuses; a 404 is `undefined`.
 */
export async function readLargeRepositoryFile(params: {
  client: LargeFileClient;
  owner: string;
  repo: string;
  path: string;
  ref: string;
  maxBytes: number;
}): Promise<string | undefined> {
  const { client, owner, repo, path, ref, maxBytes } = params;
  let data: unknown;
  try {
    ({ data } = await client.repos.getContent({ owner, repo, path, ref }));
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
  const file = asFileEntry(data);
  if (file === undefined) throw new Error(`${path} is not a file in ${owner}/${repo} at ${ref}`);
  checkSize(file.size, maxBytes);
  if (file.encoding !== 'none') return decode(file.content, file.encoding);
  if (file.sha === undefined) throw new Error(`GitHub gave ${path} no content and no blob sha`);
  const { data: blob } = await client.git.getBlob({ owner, repo, file_sha: file.sha });
  checkSize(blob.size ?? blob.content.length, maxBytes);
  return decode(blob.content, blob.encoding);
}

interface FileEntry {
  readonly content: string;
  readonly encoding: string;
  readonly size: number;
  readonly sha: string | undefined;
}

function asFileEntry(data: unknown): FileEntry | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const entry = data as Record<string, unknown>;
  const { type, content, encoding, size, sha } = entry;
  if (type !== 'file' || typeof content !== 'string') return undefined;
  return {
    content,
    // An answer without `encoding` is base64, as the contents API always wrote it.
    encoding: typeof encoding === 'string' ? encoding : 'base64',
    size: typeof size === 'number' ? size : content.length,
    sha: typeof sha === 'string' ? sha : undefined,
  };
}

function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new Error(`it is ${size} bytes, more than the ${maxBytes} read`);
}

/** GitHub gives text as `base64` (wrapped at 60 characters) or, for a blob, `utf-8`. */
function decode(content: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(content, 'base64').toString('utf8');
  if (encoding === 'utf-8' || encoding === 'utf8') return content;
  throw new Error(`GitHub sent the file in an encoding it cannot read (${encoding})`);
}
