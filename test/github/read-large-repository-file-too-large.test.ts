// GitHub's contents API refuses a file over 1 MB with a 403 whose error code is `too_large` (the
// body below is GitHub's, as reported in tinacms/tinacms#1308 and Priv-Page/privpage#7). Every read
// that can meet such a file takes it through the Git blobs API instead (the file's sha and size from
// its folder's listing), bounded; the config, which may never be that large, says so.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { TEMPLATE_URL_LIMIT_BYTES } from '../../src/core/gates/check-template.js';
import { readAgentConfig } from '../../src/github/read-agent-config.js';
import { FileTooLargeError, readLargeRepositoryFile } from '../../src/github/read-large-repository-file.js';
import { checkDeployment } from '../../src/pipeline/deploy-run/check-deployment.js';
import type { DeployRunClient } from '../../src/pipeline/deploy-run/deploy-run-client.js';
import { githubBaseReader } from '../../src/pipeline/risk/github-base-reader.js';
import { payload as deployPayload } from '../pipeline/deploy-run/helpers/deploy-run-harness.js';

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const BLOB_SHA = 'b'.repeat(40);
const SHA = 'd'.repeat(40);

/** GitHub's answer to `GET /repos/{owner}/{repo}/contents/{path}` for a file over 1 MB. */
const TOO_LARGE = {
  message:
    'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
  errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
  documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
};

const contentsPath = (path: string) => `${REPO}/contents/${encodeURIComponent(path)}`;
/** The folder listing's entry of a file (no content), as GitHub lists it. */
const listed = (path: string, size: number) => ({
  type: 'file',
  name: path.slice(path.lastIndexOf('/') + 1),
  path,
  sha: BLOB_SHA,
  size,
});
const blob = (text: string) => ({
  sha: BLOB_SHA,
  size: Buffer.byteLength(text),
  encoding: 'base64',
  content: Buffer.from(text).toString('base64'),
});

const octokit = () => new Octokit({ auth: 'ghs_test', request: { retries: 0 } });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('a 403 too_large from the contents API', () => {
  const PATH = 'services/api/package-lock.json';
  const TEXT = JSON.stringify({ lockfileVersion: 3, padding: 'x'.repeat(1_200_000), packages: {} });

  it('a base lockfile is read through the blobs API, by the sha its folder lists', async () => {
    const scope = nock(API)
      .get(contentsPath(PATH))
      .query({ ref: 'main' })
      .reply(403, TOO_LARGE)
      .get(contentsPath('services/api'))
      .query({ ref: 'main' })
      .reply(200, [listed('services/api/package.json', 300), listed(PATH, Buffer.byteLength(TEXT))])
      .get(`${REPO}/git/blobs/${BLOB_SHA}`)
      .reply(200, blob(TEXT));
    const read = githubBaseReader({ client: octokit().rest, owner: 'acme', repo: 'shop', ref: 'main' });
    await expect(read(PATH)).resolves.toBe(TEXT);
    expect(scope.isDone()).toBe(true);
  });

  it('a file at the root is found in the root listing', async () => {
    const scope = nock(API)
      .get(contentsPath('package-lock.json'))
      .query({ ref: 'main' })
      .reply(403, TOO_LARGE)
      .get(`${REPO}/contents`)
      .query({ ref: 'main' })
      .reply(200, [listed('package-lock.json', Buffer.byteLength(TEXT))])
      .get(`${REPO}/git/blobs/${BLOB_SHA}`)
      .reply(200, blob(TEXT));
    const read = githubBaseReader({ client: octokit().rest, owner: 'acme', repo: 'shop', ref: 'main' });
    await expect(read('package-lock.json')).resolves.toBe(TEXT);
    expect(scope.isDone()).toBe(true);
  });

  it('a file over the bound is never downloaded', async () => {
    const scope = nock(API)
      .get(contentsPath(PATH))
      .query({ ref: 'main' })
      .reply(403, TOO_LARGE)
      .get(contentsPath('services/api'))
      .query({ ref: 'main' })
      .reply(200, [listed(PATH, 3_000_000)]);
    await expect(
      readLargeRepositoryFile({
        client: octokit().rest,
        owner: 'acme',
        repo: 'shop',
        path: PATH,
        ref: 'main',
        maxBytes: 2_000_000,
      }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(scope.isDone()).toBe(true);
  });

  it('any other 403 is not taken for a large file', async () => {
    const scope = nock(API).get(contentsPath(PATH)).query({ ref: 'main' }).reply(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
    });
    const read = githubBaseReader({ client: octokit().rest, owner: 'acme', repo: 'shop', ref: 'main' });
    await expect(read(PATH)).rejects.toThrow('Resource not accessible by integration');
    expect(scope.isDone()).toBe(true);
  });

  it('the deploy run reads a template the contents API refuses, under CloudFormation’s 1 MB, through the blobs API', async () => {
    // Over GitHub's 1 MB (10^6 bytes) and under CloudFormation's 1,048,576 bytes for a template from S3.
    const template = `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n# ${'x'.repeat(1_020_000)}\n`;
    expect(Buffer.byteLength(template)).toBeLessThan(TEMPLATE_URL_LIMIT_BYTES);
    const path = deployPayload.template_path;
    const folder = path.slice(0, path.lastIndexOf('/'));
    const scope = nock(API)
      .get(contentsPath(path))
      .query({ ref: SHA })
      .reply(403, TOO_LARGE)
      .get(contentsPath(folder))
      .query({ ref: SHA })
      .reply(200, [listed(path, Buffer.byteLength(template))])
      .get(`${REPO}/git/blobs/${BLOB_SHA}`)
      .reply(200, blob(template));
    const { pull_number: _pull, ...payload } = deployPayload;
    const checked = await checkDeployment({
      client: octokit().rest as unknown as DeployRunClient,
      event: {
        repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
        repositoryId: 4242,
        deploymentId: 7001,
        sha: SHA,
        environment: 'staging',
        payload: { ...payload, checked_sha: SHA },
      },
      log: () => undefined,
    });
    expect(checked).toMatchObject({ template });
    expect(scope.isDone()).toBe(true);
  });

  it('the deploy run refuses a template over CloudFormation’s 1 MB without downloading it', async () => {
    const path = deployPayload.template_path;
    const scope = nock(API)
      .get(contentsPath(path))
      .query({ ref: SHA })
      .reply(403, TOO_LARGE)
      .get(contentsPath(path.slice(0, path.lastIndexOf('/'))))
      .query({ ref: SHA })
      .reply(200, [listed(path, 2_000_000)]);
    const { pull_number: _pull, ...payload } = deployPayload;
    const checked = await checkDeployment({
      client: octokit().rest as unknown as DeployRunClient,
      event: {
        repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
        repositoryId: 4242,
        deploymentId: 7001,
        sha: SHA,
        environment: 'staging',
        payload: { ...payload, checked_sha: SHA },
      },
      log: () => undefined,
    });
    expect(checked).toMatchObject({
      refusal: expect.stringMatching(/is 2,000,000 bytes, over CloudFormation's 1,048,576-byte/),
    });
    expect(scope.isDone()).toBe(true);
  });

  it('a config over 1 MB is a config problem, not a crash', async () => {
    const scope = nock(API).get(contentsPath('.github/implementation-agent.yml')).reply(403, TOO_LARGE);
    const result = await readAgentConfig({ client: octokit().rest, owner: 'acme', repo: 'shop' });
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^`\.github\/implementation-agent\.yml` is over 1 MB/)],
    });
    expect(scope.isDone()).toBe(true);
  });
});
