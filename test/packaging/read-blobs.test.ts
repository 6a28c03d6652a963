import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatFileBatch } from '../../src/packaging/parse-cat-file-batch.js';
import { createGitBlobReader } from '../../src/packaging/read-blobs.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseCatFileBatch', () => {
  it('reads each asked blob whole, bytes with newlines and NULs included', () => {
    const parsed = parseCatFileBatch(bytes(`${A} blob 4\na\n\0b\n${B} blob 0\n\n`), [A, B]);
    expect('blobs' in parsed && [...parsed.blobs.entries()]).toEqual([
      [A, bytes('a\n\0b')],
      [B, bytes('')],
    ]);
  });

  it.each([
    ['a missing object', `${A} missing\n`, [A], 'could not read object'],
    ['a tree where a file was listed', `${A} tree 0\n\n`, [A], 'as a file (tree 0)'],
    ['an answer for another object', `${B} blob 1\nx\n`, [A], 'could not read object'],
    ['bytes cut short', `${A} blob 9\nabc`, [A], 'cut short'],
    ['no answer at all', '', [A], 'no answer'],
    ['more than was asked', `${A} blob 1\nx\n${B} blob 1\ny\n`, [A], 'more than the objects asked for'],
  ])('refuses %s', (_case, output, objects, message) => {
    expect(parseCatFileBatch(bytes(output), objects)).toEqual({ refusal: expect.stringContaining(message) });
  });
});

describe('createGitBlobReader', () => {
  let repo: string;
  let small: string;
  let large: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'blobs-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const write = (input: string) =>
      execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input }).toString().trim();
    small = write('x\n');
    large = write('y'.repeat(5000));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads blobs by id in one batch', async () => {
    const read = await createGitBlobReader(60_000)({ cwd: repo, objects: [small, large] });
    expect('blobs' in read && read.blobs.get(small)).toEqual(new Uint8Array(Buffer.from('x\n')));
    expect('blobs' in read && read.blobs.get(large)?.length).toBe(5000);
  });

  it('stops and refuses past its byte bound rather than packaging part of a file', async () => {
    expect(await createGitBlobReader(60_000, 1000)({ cwd: repo, objects: [large] })).toEqual({
      refusal: 'the files to package are larger than 1000 bytes',
    });
  });

  it('refuses a name that is no object id (a batch would read `HEAD:path` too) before git runs', async () => {
    expect(await createGitBlobReader(60_000)({ cwd: repo, objects: ['HEAD:.git/config'] })).toEqual({
      refusal: expect.stringContaining('is not a git object id'),
    });
  });

  it('refuses an object the repository lacks', async () => {
    expect(await createGitBlobReader(60_000)({ cwd: repo, objects: ['0'.repeat(40)] })).toEqual({
      refusal: expect.stringContaining('could not read object'),
    });
  });
});
