// Settings in folders not above a changed file (a sibling `svc/package.json` naming
// `../shared/fixes/x.diff`, a workspace's Yarn `patch:…#~/fixes/x.diff`, `tsc -p ../conf/build.json`,
// a sibling `tsconfig.json` extending `../conf/base.json`): readReviewedBase lists the base and reads
// them; when it cannot list the base whole, or there are too many, the change's nameable files are high.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { githubBaseReader } from '../../../src/pipeline/risk/github-base-reader.js';
import {
  MAX_ELSEWHERE_SETTINGS,
  readReviewedBase,
  type BaseFileReader,
} from '../../../src/pipeline/risk/read-reviewed-base.js';

const PATCH = '--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-x\n+require("child_process")\n';
const OUTSIDE = JSON.stringify({ compilerOptions: { outDir: '/home/runner/work/_actions/x' } });
const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: 'tsc' }, ...extra });

/** A reader over `repository`, listing it whole (or as `list` says), recording what it reads. */
function readerOf(repository: Record<string, string>, list?: () => Promise<readonly string[]>) {
  const reads: string[] = [];
  const read: BaseFileReader = async (path) => {
    reads.push(path);
    return repository[path];
  };
  read.list = list ?? (async () => Object.keys(repository));
  return { read, reads };
}

async function riskOf(files: Record<string, string>, read: BaseFileReader) {
  const changed = Object.entries(files).map(([path, content]) => ({ path, content }));
  const base = await readReviewedBase({ paths: Object.keys(files), files: changed, read });
  return classifyRisk({
    files: changed.map((file) => ({ ...file, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base,
  });
}

describe('readReviewedBase: settings in other folders', () => {
  it('reads the manifests, pnpm workspace files and yarn lockfiles of every folder for a patch, not under node_modules', async () => {
    const { read, reads } = readerOf({
      'package.json': manifest({}),
      'svc/package.json': manifest({}),
      'web/pnpm-workspace.yaml': 'packages: []\n',
      'web/yarn.lock': '# yarn lockfile v1\n',
      'node_modules/x/package.json': manifest({}),
      'web/tsconfig.json': '{}',
      'svc/src/index.ts': 'export {};\n',
    });
    await readReviewedBase({
      paths: ['shared/fix.diff'],
      files: [{ path: 'shared/fix.diff', content: PATCH }],
      read,
    });
    // Those of other folders first (from the listing), then those above the patch.
    expect(reads).toEqual([
      'svc/package.json',
      'web/pnpm-workspace.yaml',
      'web/yarn.lock',
      'package.json',
      'shared/package.json',
      'pnpm-workspace.yaml',
      'shared/pnpm-workspace.yaml',
      'yarn.lock',
      'shared/yarn.lock',
      // A base tsconfig may extend the patch by its path (tsc reads it as written first).
      'tsconfig.json',
      'jsconfig.json',
      'shared/tsconfig.json',
      'shared/jsconfig.json',
      'web/tsconfig.json',
    ]);
  });

  it('lists nothing and reads nothing more for a change with no file a setting elsewhere could name', async () => {
    let listed = false;
    const { read, reads } = readerOf({ 'svc/package.json': manifest({}) }, async () => {
      listed = true;
      return [];
    });
    const risk = await riskOf({ 'svc/src/index.ts': 'export const a = 1;\n' }, read);
    expect(listed).toBe(false);
    expect(reads).toEqual([]);
    expect(risk.level).toBe('low');
  });

  it('a sibling manifest that names neither the patch nor the configuration leaves them low', async () => {
    const repository = {
      'svc/package.json': manifest({ pnpm: { patchedDependencies: { 'a@1.0.0': 'fixes/a.diff' } } }),
    };
    expect((await riskOf({ 'shared/fixes/lodash.diff': PATCH }, readerOf(repository).read)).level).toBe(
      'low',
    );
    expect((await riskOf({ 'conf/build.json': OUTSIDE }, readerOf(repository).read)).level).toBe('low');
  });

  it('a sibling tsconfig.json extending the changed file by ../ judges it', async () => {
    const { read } = readerOf({
      'svc/package.json': manifest({}),
      'svc/tsconfig.json': JSON.stringify({ extends: '../conf/base.json' }),
    });
    const risk = await riskOf({ 'conf/base.json': OUTSIDE }, read);
    expect(risk.reasons.map((reason) => reason.where)).toEqual(['conf/base.json#compilerOptions.outDir']);
  });

  it.each([
    ['a reader that cannot list the base', undefined, 'the base branch could not be listed'],
    [
      'a listing GitHub cut short',
      () => Promise.reject(new Error("GitHub cut short the listing of main's files.")),
      "GitHub cut short the listing of main's files.",
    ],
    [
      'more settings files than are read',
      async () => Array.from({ length: MAX_ELSEWHERE_SETTINGS + 1 }, (_, index) => `s${index}/package.json`),
      `the base branch has more than ${MAX_ELSEWHERE_SETTINGS} such settings files`,
    ],
  ])(
    '%s makes a patch or a JSON file a setting elsewhere may name high, saying why',
    async (_, list, why) => {
      const read: BaseFileReader = async () => undefined;
      if (list !== undefined) read.list = list;
      for (const file of [{ 'shared/fix.diff': PATCH }, { 'conf/build.json': '{}' }]) {
        const risk = await riskOf(file, read);
        expect(risk.level).toBe('high');
        expect(risk.reasons[0]?.message).toContain(`could not all be read (${why})`);
      }
      // Ordinary source is not nameable: still low.
      expect((await riskOf({ 'src/index.ts': 'export const a = 1;\n' }, read)).level).toBe('low');
    },
  );
});

describe('githubBaseReader: listing the base', () => {
  const API = 'https://api.github.com';
  const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
  const read = githubBaseReader({ client: octokit.rest, owner: 'acme', repo: 'shop', ref: 'main' });
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('lists the files (blobs) of the base branch with one recursive Git trees call', async () => {
    const scope = nock(API)
      .get('/repos/acme/shop/git/trees/main')
      .query({ recursive: 'true' })
      .reply(200, {
        sha: 't',
        truncated: false,
        tree: [
          { path: 'svc', type: 'tree', mode: '040000', sha: 'a' },
          { path: 'svc/package.json', type: 'blob', mode: '100644', sha: 'b' },
          { path: 'lib', type: 'commit', mode: '160000', sha: 'c' },
        ],
      });
    await expect(read.list?.()).resolves.toEqual(['svc/package.json']);
    expect(scope.isDone()).toBe(true);
  });

  it('throws when GitHub cuts the listing short, so a partial listing is never taken for the base', async () => {
    nock(API)
      .get('/repos/acme/shop/git/trees/main')
      .query({ recursive: 'true' })
      .reply(200, {
        sha: 't',
        truncated: true,
        tree: [{ path: 'a', type: 'blob', mode: '100644', sha: 'b' }],
      });
    await expect(read.list?.()).rejects.toThrow("GitHub cut short the listing of main's files.");
  });
});
