import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { githubBaseReader } from '../../../src/pipeline/risk/github-base-reader.js';
import { MAX_BASE_FILE_LENGTH, readReviewedBase } from '../../../src/pipeline/risk/read-reviewed-base.js';

// A reviewed lockfile above the contents API's 1 MB: GitHub answers it with no content
// (`encoding: "none"`), and the reader takes it through the Git blobs API, bounded.

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const PATH = 'services/api/package-lock.json';
/** Octokit sends the path with its slashes encoded. */
const CONTENTS = `${REPO}/contents/${encodeURIComponent(PATH)}`;
const octokit = new Octokit({ auth: 'ghs_test', request: { retries: 0 } });
const read = githubBaseReader({ client: octokit.rest, owner: 'acme', repo: 'shop', ref: 'main' });

/** A lockfile of about `bytes` bytes whose one package has install scripts. */
function lockfile(bytes: number): string {
  const scripted = {
    version: '1.0.0',
    resolved: 'https://registry.npmjs.org/esbuild/-/esbuild-1.0.0.tgz',
    hasInstallScript: true,
  };
  const padding = 'x'.repeat(Math.max(0, bytes - 300));
  return JSON.stringify({ lockfileVersion: 3, padding, packages: { 'node_modules/esbuild': scripted } });
}

/** The contents API's answer for a file of `content` (GitHub Docs, "Get repository content"). */
function contents(content: string, large: boolean) {
  const size = Buffer.byteLength(content);
  return {
    type: 'file',
    path: PATH,
    sha: 'b'.repeat(40),
    size,
    encoding: large ? 'none' : 'base64',
    content: large ? '' : Buffer.from(content).toString('base64'),
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('githubBaseReader', () => {
  it('reads a file up to 1 MB from the contents API alone', async () => {
    const text = lockfile(2_000);
    const scope = nock(API).get(CONTENTS).query({ ref: 'main' }).reply(200, contents(text, false));
    await expect(read(PATH)).resolves.toBe(text);
    expect(scope.isDone()).toBe(true);
  });

  it('reads a file above 1 MB through the Git blobs API by the sha the contents API gives', async () => {
    const text = lockfile(1_500_000);
    const scope = nock(API)
      .get(CONTENTS)
      .query({ ref: 'main' })
      .reply(200, contents(text, true))
      .get(`${REPO}/git/blobs/${'b'.repeat(40)}`)
      .reply(200, {
        sha: 'b'.repeat(40),
        size: Buffer.byteLength(text),
        encoding: 'base64',
        content: Buffer.from(text).toString('base64'),
      });
    await expect(read(PATH)).resolves.toBe(text);
    expect(scope.isDone()).toBe(true);
  });

  it('never asks for a blob larger than it reads', async () => {
    const scope = nock(API)
      .get(CONTENTS)
      .query({ ref: 'main' })
      .reply(200, { ...contents('', true), size: MAX_BASE_FILE_LENGTH + 1 });
    await expect(read(PATH)).rejects.toThrow(`it is ${MAX_BASE_FILE_LENGTH + 1} bytes`);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a blob whose own size is over the bound', async () => {
    nock(API)
      .get(CONTENTS)
      .query({ ref: 'main' })
      .reply(200, { ...contents('', true), size: 2_000_000 })
      .get(`${REPO}/git/blobs/${'b'.repeat(40)}`)
      .reply(200, { sha: 'b'.repeat(40), size: MAX_BASE_FILE_LENGTH + 1, encoding: 'base64', content: '' });
    await expect(read(PATH)).rejects.toThrow('more than the');
  });

  it('a file the base does not have is absent; a folder is an error', async () => {
    nock(API)
      .get(CONTENTS)
      .query({ ref: 'main' })
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/contents/services`)
      .query({ ref: 'main' })
      .reply(200, [{ type: 'file', path: 'services/x', sha: 'c'.repeat(40), size: 1 }]);
    await expect(read(PATH)).resolves.toBeUndefined();
    await expect(read('services')).rejects.toThrow('is not a file');
  });
});

describe('a reviewed lockfile above 1 MB, end to end', () => {
  const bundle = (text: string) => [{ path: PATH, content: text, role: 'config' as const }];

  it('is read, so install scripts already on the base branch are not new', async () => {
    const text = lockfile(1_500_000);
    nock(API)
      .get(CONTENTS)
      .query({ ref: 'main' })
      .reply(200, contents(text, true))
      .get(`${REPO}/git/blobs/${'b'.repeat(40)}`)
      .reply(200, {
        sha: 'b'.repeat(40),
        size: Buffer.byteLength(text),
        encoding: 'base64',
        content: Buffer.from(text).toString('base64'),
      });
    const base = await readReviewedBase({ paths: [PATH], read });
    expect(base).toEqual([{ path: PATH, content: text }]);
    expect(
      classifyRisk({ files: bundle(text), targetEnvironment: 'staging', production: false, base }).level,
    ).toBe('low');
  });

  it('when GitHub refuses the blob, it is unreadable and every install script counts (guided), saying why', async () => {
    const text = lockfile(1_500_000);
    nock(API)
      .get(CONTENTS)
      .query({ ref: 'main' })
      .reply(200, contents(text, true))
      .get(`${REPO}/git/blobs/${'b'.repeat(40)}`)
      .reply(403, { message: 'Resource not accessible by integration' });
    const base = await readReviewedBase({ paths: [PATH], read });
    expect(base).toEqual([{ path: PATH, unreadable: expect.stringContaining('Resource not accessible') }]);
    const risk = classifyRisk({ files: bundle(text), targetEnvironment: 'staging', production: false, base });
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((reason) => reason.message).join('\n')).toContain(
      'the reviewed lockfile on the base branch could not be read',
    );
  });
});
