import { spawn } from 'node:child_process';
import { parseCatFileBatch, type ParsedBlobs } from './parse-cat-file-batch.js';

/**
 * Reads the bytes of git objects (`objects`, ids as `git ls-tree` printed them) from the repository
 * at `cwd`; never the working tree. A refusal (one sentence, no full stop) when any cannot be read.
 */
export type BlobReader = (params: { cwd: string; objects: readonly string[] }) => Promise<ParsedBlobs>;

/**
 * Bytes of files read for one package: Lambda's quota on a function's unzipped code, layers
 * included (250 MB, AWS Lambda Developer Guide, "Lambda quotas"); a larger package cannot deploy.
 */
export const MAX_BLOB_BYTES = 250 * 1024 * 1024;

/** An object id as git prints it: SHA-1 (40 hex digits) or SHA-256 (64). */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The real reader: one `git cat-file --batch` process for all objects, its ids written to stdin
 * and its answers streamed from stdout, stopped (and refused) past `maxBytes` of output or after
 * `timeoutMs`; answers parsed by `parseCatFileBatch`. Ids that are not object ids are refused
 * before git runs (the batch reads one name a line, and would take `HEAD:path` too). Never rejects.
 */
export function createGitBlobReader(timeoutMs = 5 * 60_000, maxBytes = MAX_BLOB_BYTES): BlobReader {
  return ({ cwd, objects }) => {
    const bad = objects.find((object) => !OBJECT_ID.test(object));
    if (bad !== undefined)
      return Promise.resolve({ refusal: `${JSON.stringify(bad)} is not a git object id` });
    if (objects.length === 0) return Promise.resolve({ blobs: new Map() });
    return new Promise((resolve) => {
      const child = spawn('git', ['cat-file', '--batch'], {
        cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: timeoutMs,
      });
      const chunks: Buffer[] = [];
      // Headers and separators come on top of the files' bytes: allow each object 100 more.
      const limit = maxBytes + objects.length * 100;
      let received = 0;
      let refusal: string | undefined;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) {
          refusal ??= `the files to package are larger than ${maxBytes} bytes`;
          child.kill();
          return;
        }
        chunks.push(chunk);
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        if (stderr.length < 2000) stderr += chunk;
      });
      child.on('error', (error) => {
        refusal ??= `git could not run to read the files: ${error.message}`;
      });
      child.on('close', (code, signal) => {
        if (refusal !== undefined) return resolve({ refusal });
        if (code !== 0)
          return resolve({
            refusal: `git cat-file failed (${signal ?? `exit ${code}`}) reading the files: ${stderr.trim().slice(-300)}`,
          });
        resolve(parseCatFileBatch(Buffer.concat(chunks), objects));
      });
      // A git that exits before reading all of stdin reports its own failure through `close`.
      child.stdin.on('error', () => undefined);
      child.stdin.end(`${objects.join('\n')}\n`);
    });
  };
}
