import { readPullRequestFiles } from '../../src/github/read-pull-request-files.js';

/** A client answering from `files` (path → content, status, size), recording which blobs were read. */
function clientFor(files: Record<string, { content: string; status?: string; size?: number }>) {
  const blobsRead: string[] = [];
  const paths = Object.keys(files);
  const client = {
    pulls: {
      listFiles: async () => ({
        data: paths.map((filename) => ({ filename, status: files[filename]?.status ?? 'added' })),
      }),
    },
    git: {
      getTree: async () => ({
        data: {
          truncated: false,
          tree: paths.map((path) => ({
            path,
            type: 'blob',
            sha: `sha-${path}`,
            size: files[path]?.size ?? Buffer.byteLength(files[path]?.content ?? ''),
          })),
        },
      }),
      getBlob: async ({ file_sha }: { file_sha: string }) => {
        blobsRead.push(file_sha);
        const path = file_sha.slice('sha-'.length);
        return {
          data: { encoding: 'base64', content: Buffer.from(files[path]?.content ?? '').toString('base64') },
        };
      },
    },
  };
  return { client, blobsRead };
}

const read = (
  client: ReturnType<typeof clientFor>['client'],
  limits = { maxFiles: 10, maxFileBytes: 1_000 },
) => readPullRequestFiles({ client, owner: 'o', repo: 'r', pullNumber: 2, headSha: 'head', ...limits });

describe('readPullRequestFiles', () => {
  it('reads each added or changed file at the head, and not the removed ones', async () => {
    const { client, blobsRead } = clientFor({
      'src/a.ts': { content: 'export const a = 1;\n' },
      'src/b.ts': { content: 'export const b = 2;\n', status: 'modified' },
      'src/gone.ts': { content: '', status: 'removed' },
    });
    expect(await read(client)).toEqual({
      files: [
        { path: 'src/a.ts', content: 'export const a = 1;\n', status: 'added' },
        { path: 'src/b.ts', content: 'export const b = 2;\n', status: 'modified' },
      ],
      skipped: [],
    });
    expect(blobsRead).toEqual(['sha-src/a.ts', 'sha-src/b.ts']);
  });

  it('does not fetch a blob over the size limit nor past the file limit, and names them as not checked', async () => {
    const { client, blobsRead } = clientFor({
      'a.ts': { content: 'a' },
      'huge.bin': { content: '', size: 5_000_000 },
      'b.ts': { content: 'b' },
      'c.ts': { content: 'c' },
    });
    const result = await read(client, { maxFiles: 2, maxFileBytes: 1_000 });
    expect(result.files.map((file) => file.path)).toEqual(['a.ts', 'b.ts']);
    expect(result.skipped).toEqual(['huge.bin', 'c.ts']);
    expect(blobsRead).toEqual(['sha-a.ts', 'sha-b.ts']);
  });
});
