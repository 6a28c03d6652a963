/**
 * Attacker pass (review #10p) on packaging only the files committed at the deployed sha
 * (src/packaging/list-tracked-files.ts, zipFiles in src/packaging/zip-directory.ts,
 * src/pipeline/deploy-run/upload-repository-code.ts), on a real git checkout with the real command
 * runner. Attacked: a committed file rewritten in the working tree after checkout (the listing is
 * the sha's, the bytes are the working tree's); a commit whose tree holds a `.git/config` entry
 * (crafted with `git mktree`, which the listed paths are not checked against) so the checkout's
 * real `.git/config` with the persisted token is read as a "committed" file; a submodule inside
 * the packaged folder (silently left out); committed symlinks to `.git`; a tracked file swapped
 * for a symlink; names with spaces, a newline and non-ASCII letters; a checkout at another sha; an
 * `AWS::Include` Location naming a folder in other spellings (`snippets/`, `./snippets`, `.`); a
 * built service (`build: true`) whose `dist/` already held a file no build wrote. A fault is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync } from 'fflate';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { createCommandRunner, type CommandRunner } from '../../../src/packaging/command-runner.js';
import { uploadRepositoryCode } from '../../../src/pipeline/deploy-run/upload-repository-code.js';

const PAT = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const EXTRAHEADER = Buffer.from(`x-access-token:${PAT}`).toString('base64');
const HANDLER = 'def handler(event, context):\n    return {"statusCode": 200}\n';
const s3Mock = mockClient(S3Client);
const realRunner = createCommandRunner(60_000);
/** git as it is; `npm run build` writes `dist/index.js` as a generated service's esbuild step does (npm install does nothing). */
const buildingRunner: CommandRunner = async (command, args, options) => {
  if (command !== 'npm') return realRunner(command, args, options);
  if (args[0] === 'run') {
    mkdirSync(join(options.cwd, 'dist'), { recursive: true });
    writeFileSync(
      join(options.cwd, 'dist', 'index.js'),
      'exports.handler = async () => ({ statusCode: 200 });\n',
    );
  }
  return { code: 0, output: '' };
};

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'protocol.file.allow=always', ...args],
    { cwd },
  )
    .toString()
    .trim();

/** Every zip entry uploaded: name → text. */
function uploadedEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const call of s3Mock.commandCalls(PutObjectCommand)) {
    const body = call.args[0].input.Body as Uint8Array;
    for (const [name, entry] of Object.entries(unzipSync(body)))
      entries[name] = new TextDecoder().decode(entry);
  }
  return entries;
}

/** Each entry's Unix mode from the zip's central directory (APPNOTE 4.3.12): 0 when not made on Unix. */
function unixModes(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const modes: Record<string, number> = {};
  let at = view.getUint32(end + 16, true);
  for (let entry = 0; entry < view.getUint16(end + 10, true); entry += 1) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    modes[name] = view.getUint8(at + 5) === 3 ? view.getUint32(at + 38, true) >>> 16 : 0;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return modes;
}

describe('review10p attacker: packaging the files committed at the deployed sha', () => {
  let root: string;
  let workspace: string;
  beforeEach(() => {
    s3Mock.reset();
    s3Mock.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'NotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'x',
      }),
    );
    s3Mock.on(PutObjectCommand).resolves({});
    root = mkdtempSync(join(tmpdir(), 'review10p-pack-'));
    workspace = join(root, 'checkout');
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src', 'app.py'), HANDLER);
    writeFileSync(join(workspace, 'template.yaml'), 'Transform: AWS::Serverless-2016-10-31\n');
    git(workspace, 'init', '-q', '-b', 'main');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const commit = (): string => {
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'Orders API');
    return git(workspace, 'rev-parse', 'HEAD');
  };
  /** What actions/checkout leaves with `token: ${{ secrets.DEPLOY_PAT }}` (persist-credentials). */
  const persistCredentials = () =>
    git(
      workspace,
      'config',
      '--local',
      'http.https://github.com/.extraheader',
      `AUTHORIZATION: basic ${EXTRAHEADER}`,
    );
  const upload = (path: string, sha: string, request: { build?: boolean; fileOnly?: boolean } = {}) =>
    uploadRepositoryCode({
      request: {
        what: '`template.yaml` has Lambda code',
        templatePath: 'template.yaml',
        path,
        build: request.build ?? false,
        file: request.fileOnly === true ? 'as-is' : 'zip',
        ...(request.fileOnly === undefined ? {} : { fileOnly: request.fileOnly }),
      },
      sha,
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: buildingRunner,
      log: () => undefined,
    });

  it('fixed FAULT: a committed file rewritten in the working tree after checkout is not deployed as the sha’s code', async () => {
    const sha = commit();
    // An earlier step of the job (a test run's fixture writer, a `sed -i` templating step) rewrites it.
    writeFileSync(join(workspace, 'src', 'app.py'), 'import os\nTOKEN = "injected by an earlier step"\n');
    const result = await upload('src', sha);
    const entries = uploadedEntries();
    // Right answer: the sha's bytes, or a refusal that says the checkout differs from the sha.
    if (!('refusal' in result)) expect(entries['app.py']).toBe(HANDLER);
    expect(Object.keys(entries)).toEqual(['app.py']);
  });

  it('a committed file alone (an AWS::Include snippet, a single-file handler) is the sha’s bytes, not the rewritten file', async () => {
    const sha = commit();
    writeFileSync(join(workspace, 'src', 'app.py'), 'TOKEN = "injected"\n');
    expect(await upload('src/app.py', sha)).toMatchObject({ bucket: 'acme-deployments' });
    expect(uploadedEntries()).toEqual({ 'app.py': HANDLER });
  });

  it('a committed executable (a custom runtime’s bootstrap) stays executable in the zip; other files keep no mode', async () => {
    writeFileSync(join(workspace, 'src', 'bootstrap'), '#!/bin/sh\nexec ./app\n', { mode: 0o755 });
    const sha = commit();
    expect(await upload('src', sha)).toMatchObject({ bucket: 'acme-deployments' });
    const [call] = s3Mock.commandCalls(PutObjectCommand);
    expect(unixModes(call?.args[0].input.Body as Uint8Array)).toEqual({ 'app.py': 0, bootstrap: 0o100755 });
  });

  it('fixed FAULT: a commit whose tree holds a .git/config entry does not package the checkout’s real .git/config', async () => {
    const base = commit();
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: workspace,
      input: '[core]\n',
    })
      .toString()
      .trim();
    const inner = execFileSync('git', ['mktree'], {
      cwd: workspace,
      input: `100644 blob ${blob}\tconfig\n`,
    })
      .toString()
      .trim();
    const listing = git(workspace, 'ls-tree', base);
    const tree = execFileSync('git', ['mktree'], {
      cwd: workspace,
      input: `${listing}\n040000 tree ${inner}\t.git\n`,
    })
      .toString()
      .trim();
    const sha = git(workspace, 'commit-tree', tree, '-p', base, '-m', 'Orders API');
    git(workspace, 'update-ref', 'refs/heads/main', sha);
    persistCredentials();
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(sha);
    const result = await upload('.', sha);
    expect(result).toMatchObject({ refusal: expect.stringContaining("inside Git's own directory") });
    const entries = uploadedEntries();
    expect(Object.keys(entries).filter((name) => name.startsWith('.git/'))).toEqual([]);
    expect(Object.values(entries).join('\n')).not.toContain(EXTRAHEADER);
  });

  it('fixed FAULT: a submodule inside the packaged folder is not silently left out (packaged, or the deploy refused)', async () => {
    const library = join(root, 'pricing');
    mkdirSync(library);
    writeFileSync(join(library, 'pricing.py'), 'def price(): return 1\n');
    git(library, 'init', '-q', '-b', 'main');
    git(library, 'add', '-A');
    git(library, 'commit', '-q', '-m', 'Pricing');
    git(workspace, 'submodule', 'add', '-q', library, 'src/pricing');
    const sha = commit();
    const result = await upload('src', sha);
    // `aws cloudformation package` zips the folder as it is on disk, submodule files included.
    // Refused (its files are not in this repository's tree): say so, never leave them out silently.
    expect(result).toMatchObject({ refusal: expect.stringContaining('src/pricing is a git submodule') });
  });

  it('a committed symlink to .git/config (or to .git) inside the folder is left out', async () => {
    symlinkSync('../.git/config', join(workspace, 'src', 'settings.cfg'));
    symlinkSync('../.git', join(workspace, 'src', 'vendor'));
    const sha = commit();
    persistCredentials();
    expect(await upload('src', sha)).toMatchObject({ bucket: 'acme-deployments' });
    const entries = uploadedEntries();
    expect(Object.keys(entries)).toEqual(['app.py']);
    expect(Object.values(entries).join('\n')).not.toContain(EXTRAHEADER);
  });

  it('a tracked file swapped for a symlink to .git/config after checkout is refused', async () => {
    const sha = commit();
    persistCredentials();
    unlinkSync(join(workspace, 'src', 'app.py'));
    symlinkSync('../.git/config', join(workspace, 'src', 'app.py'));
    expect(await upload('src', sha)).toEqual({ refusal: expect.stringContaining('Nothing was deployed') });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('names with spaces, a newline and non-ASCII letters are packaged under their own names', async () => {
    writeFileSync(join(workspace, 'src', 'price list.py'), 'A = 1\n');
    writeFileSync(join(workspace, 'src', 'line\nbreak.py'), 'B = 2\n');
    writeFileSync(join(workspace, 'src', 'café_übersicht.py'), 'C = 3\n');
    const sha = commit();
    expect(await upload('src', sha)).toMatchObject({ bucket: 'acme-deployments' });
    expect(Object.keys(uploadedEntries()).sort()).toEqual(
      ['app.py', 'café_übersicht.py', 'line\nbreak.py', 'price list.py'].sort(),
    );
  });

  it('a folder named with a space and a non-ASCII letter is listed literally', async () => {
    mkdirSync(join(workspace, 'functions', 'café api'), { recursive: true });
    writeFileSync(join(workspace, 'functions', 'café api', 'index.py'), HANDLER);
    const sha = commit();
    expect(await upload('functions/café api', sha)).toMatchObject({ bucket: 'acme-deployments' });
    expect(Object.keys(uploadedEntries())).toEqual(['index.py']);
  });

  it('a checkout at another sha (the next commit checked out) is refused', async () => {
    const deployed = commit();
    writeFileSync(join(workspace, 'src', 'app.py'), 'def handler(e, c):\n    return 2\n');
    commit();
    expect(await upload('src', deployed)).toEqual({ refusal: expect.stringContaining('not the deployed') });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it.each(['.GIT', '.git.', 'src/.Git/config', '.git ', 'git~1'])('CodeUri %j is refused', async (path) => {
    const sha = commit();
    expect(await upload(path, sha)).toEqual({ refusal: expect.any(String) });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it.each(['src/', './src', 'src/.', '.', '/src'])(
    'an AWS::Include Location %j naming a folder is refused',
    async (path) => {
      const sha = commit();
      expect(await upload(path, sha, { fileOnly: true })).toEqual({
        refusal: expect.stringContaining('must name one file'),
      });
      expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    },
  );

  it('fixed FAULT: a built service packages what its build wrote, not a file already in dist/ that no build wrote', async () => {
    writeFileSync(
      join(workspace, 'src', 'package.json'),
      '{"name":"orders","scripts":{"build":"esbuild"}}\n',
    );
    writeFileSync(join(workspace, '.gitignore'), 'dist/\n');
    const sha = commit();
    // Left by an earlier step of the job (a local build with the job's .env inlined, a cache restore).
    mkdirSync(join(workspace, 'src', 'dist'));
    writeFileSync(join(workspace, 'src', 'dist', 'settings.json'), `{"token":"${PAT}"}`);
    expect(await upload('src', sha, { build: true })).toMatchObject({ bucket: 'acme-deployments' });
    expect(Object.keys(uploadedEntries())).toEqual(['index.js']);
  });
});
