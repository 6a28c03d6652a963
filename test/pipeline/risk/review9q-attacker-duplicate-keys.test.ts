// Attacker pass 9q (test-only), through GitHub: the duplicate-key fault of
// test/core/risk/review9q-attacker-duplicate-keys.test.ts as the pipeline meets it. The base branch
// is read from the GitHub API (nock: one recursive Git trees listing, then the contents API for each
// settings file), and the reviewed `svc/package.json` names `build` twice — npm runs the last,
// `tsc -p build.json` — so the change writing `svc/build.json` (its outDir over the runner's
// checkout of an action) must not be low. Control: the same manifest naming `build` once.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { githubBaseReader } from '../../../src/pipeline/risk/github-base-reader.js';
import { readReviewedBase } from '../../../src/pipeline/risk/read-reviewed-base.js';

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const quiet = (): void => undefined;
/** Octokit without its request log: the 404s for settings files the base does not hold are expected. */
const octokit = new Octokit({
  auth: 'ghs_test',
  request: { retries: 0 },
  log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
});
const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});

/** The Git trees and contents answers (GitHub Docs, "Get a tree", "Get repository content") for `files` on main. */
function serveBase(files: Record<string, string>): nock.Scope {
  const scope = nock(API)
    .persist()
    .get(`${REPO}/git/trees/main`)
    .query({ recursive: 'true' })
    .reply(200, {
      sha: 'a'.repeat(40),
      truncated: false,
      tree: Object.keys(files).map((path) => ({ path, mode: '100644', type: 'blob', sha: 'b'.repeat(40) })),
    });
  scope
    .get(/\/repos\/acme\/shop\/contents\/.*/)
    .query({ ref: 'main' })
    .reply((uri) => {
      const path = decodeURIComponent(uri.split('/contents/')[1]?.split('?')[0] ?? '');
      const content = files[path];
      return content === undefined
        ? [404, { message: 'Not Found' }]
        : [
            200,
            {
              type: 'file',
              path,
              sha: 'c'.repeat(40),
              size: Buffer.byteLength(content),
              encoding: 'base64',
              content: Buffer.from(content).toString('base64'),
            },
          ];
    });
  return scope;
}

/** The reasons' places for the change writing `svc/build.json` over a base read from GitHub. */
async function whereOf(manifest: string): Promise<string[]> {
  serveBase({ 'svc/package.json': manifest, 'svc/index.ts': 'export {};\n' });
  const read = githubBaseReader({ client: octokit.rest, owner: 'acme', repo: 'shop', ref: 'main' });
  const files = [{ path: 'svc/build.json', content: OUTSIDE }];
  const base = await readReviewedBase({ paths: ['svc/build.json'], files, read });
  return classifyRisk({
    files: files.map((file) => ({ ...file, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base,
  }).reasons.map((reason) => reason.where);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('a reviewed manifest read from GitHub that names a key twice', () => {
  it('control: naming build once, the configuration is judged', async () => {
    await expect(
      whereOf('{"name":"svc","version":"1.0.0","scripts":{"build":"tsc -p build.json"}}'),
    ).resolves.toContain('svc/build.json#compilerOptions.outDir');
  });

  it.failing(
    'FAULT: naming build twice (npm runs the last, tsc -p build.json), the change is low',
    async () => {
      await expect(
        whereOf('{"name":"svc","version":"1.0.0","scripts":{"build":"tsc","build":"tsc -p build.json"}}'),
      ).resolves.not.toEqual([]);
    },
  );
});
