import { httpStatusOf } from './http-status.js';
import { isTooLargeForContents } from './is-too-large-for-contents.js';
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
 * never downloaded. With GitHub's JSON media type the contents API refuses such a file instead
 * (403, error code `too_large`: `isTooLargeForContents`); its blob sha and size are then read from
 * its folder's listing (`listedEntryOf`) and it is read through the blobs API the same way. Throws (with why) when the path is not a file (a folder, a symbolic link, a
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
    if (!isTooLargeForContents(error)) throw error;
    data = await listedEntryOf(params);
    if (data === undefined) return undefined;
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

/**
 * The file's entry in its folder's listing (the contents API on the folder: each entry's `type`,
 * `path`, `size` and blob `sha`, no content), as an entry without content (`encoding: "none"`),
 * for a file the contents API refused as too large (`isTooLargeForContents`). Undefined when the
 * folder or the file is not there; a folder listing holds at most 1,000 entries (GitHub Docs), so a
 * file past them is not found and throws.
 */
async function listedEntryOf(params: {
  client: LargeFileClient;
  owner: string;
  repo: string;
  path: string;
  ref: string;
}): Promise<unknown> {
  const { client, owner, repo, path, ref } = params;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  let listing: unknown;
  try {
    ({ data: listing } = await client.repos.getContent({ owner, repo, path: folder, ref }));
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
  if (!Array.isArray(listing))
    throw new Error(`the folder of ${path} is not a folder in ${owner}/${repo} at ${ref}`);
  const entry: unknown = listing.find(
    (candidate: unknown) =>
      typeof candidate === 'object' && candidate !== null && (candidate as { path?: unknown }).path === path,
  );
  if (entry === undefined) {
    if (listing.length >= MAX_LISTED_ENTRIES)
      throw new Error(`${path} is over the contents API's 1 MB, in a folder of more entries than it lists`);
    return undefined;
  }
  return { ...entry, content: '', encoding: 'none' };
}

/** The most entries the contents API lists of one folder (GitHub Docs, "Get repository content"). */
const MAX_LISTED_ENTRIES = 1_000;

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

/** A file over the bytes a reader takes: never downloaded, or not decoded. */
export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`it is ${size} bytes, more than the ${maxBytes} read`);
    this.name = 'FileTooLargeError';
  }
}

function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new FileTooLargeError(size, maxBytes);
}

/** GitHub gives text as `base64` (wrapped at 60 characters) or, for a blob, `utf-8`. */
function decode(content: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(content, 'base64').toString('utf8');
  if (encoding === 'utf-8' || encoding === 'utf8') return content;
  throw new Error(`GitHub sent the file in an encoding it cannot read (${encoding})`);
}
