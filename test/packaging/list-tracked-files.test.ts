import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommandRunner } from '../../src/packaging/command-runner.js';
import { listTrackedFiles, MAX_LISTING_CHARS } from '../../src/packaging/list-tracked-files.js';
import { commitCheckout } from '../support/git-checkout.js';

describe('listTrackedFiles', () => {
  let checkout: string;
  beforeEach(() => {
    checkout = mkdtempSync(join(tmpdir(), 'tracked-'));
    mkdirSync(join(checkout, 'src', 'lib'), { recursive: true });
    writeFileSync(join(checkout, 'src', 'app.py'), 'x');
    writeFileSync(join(checkout, 'src', 'lib', 'util.py'), 'y');
    writeFileSync(join(checkout, 'srcx.py'), 'z');
    symlinkSync('app.py', join(checkout, 'src', 'link.py'));
  });
  afterEach(() => rmSync(checkout, { recursive: true, force: true }));
  const list = (repositoryPath: string, sha: string) =>
    listTrackedFiles({ checkout, sha, repositoryPath, run: createCommandRunner(60_000) });

  it('lists a folder’s committed regular files by their names in it (no links, no sibling prefix)', async () => {
    const sha = commitCheckout(checkout);
    const listed = await list('src/', sha);
    expect(listed).toMatchObject({ kind: 'folder' });
    expect('files' in listed ? listed.files.map((file) => file.name).sort() : []).toEqual([
      'app.py',
      'lib/util.py',
    ]);
  });

  it('gives a committed file as a file, and the root without .git or files written after the commit', async () => {
    const sha = commitCheckout(checkout);
    writeFileSync(join(checkout, 'gha-creds-1.json'), '{}');
    expect(await list('src/app.py', sha)).toMatchObject({ kind: 'file', file: { name: 'app.py' } });
    const root = await list('.', sha);
    expect('files' in root ? root.files.map((file) => file.name).sort() : []).toEqual([
      'src/app.py',
      'src/lib/util.py',
      'srcx.py',
    ]);
  });

  it('reads an absolute path under the checkout, as pathInsideCheckout does', async () => {
    const sha = commitCheckout(checkout);
    expect(await list('/src/app.py', sha)).toMatchObject({ kind: 'file', file: { name: 'app.py' } });
  });

  it('takes a pathspec literally: a glob names no file', async () => {
    const sha = commitCheckout(checkout);
    expect(await list('src*', sha)).toEqual({ refusal: expect.stringContaining('holds no file') });
  });

  it('refuses a listing cut at its bound rather than packaging part of a folder', async () => {
    const listed = await listTrackedFiles({
      checkout,
      sha: 'a'.repeat(40),
      repositoryPath: 'src',
      run: async (_command, _args, options) => {
        expect(options.maxOutput).toBe(MAX_LISTING_CHARS);
        return { code: 0, output: '100644 blob 0\tsrc/app.py\0', truncated: true };
      },
    });
    expect(listed).toEqual({ refusal: 'src holds more files than can be listed for packaging' });
  });
});
