import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync, zipSync } from 'fflate';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { createCommandRunner, type CommandRunner } from '../../../src/packaging/command-runner.js';
import {
  uploadRepositoryCode,
  type CodeRequest,
} from '../../../src/pipeline/deploy-run/upload-repository-code.js';
import { commitCheckout } from '../../support/git-checkout.js';

const SHA = 'd'.repeat(40);
const s3Mock = mockClient(S3Client);
const gitAt =
  (sha: string): CommandRunner =>
  async (command, args) =>
    [command, ...args].join(' ') === 'git rev-parse HEAD'
      ? { code: 0, output: `${sha}\n` }
      : { code: 0, output: '' };

describe('uploadRepositoryCode', () => {
  let workspace: string;
  beforeEach(() => {
    s3Mock.reset();
    s3Mock.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'NotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'Not Found',
      }),
    );
    s3Mock.on(PutObjectCommand).resolves({});
    workspace = mkdtempSync(join(tmpdir(), 'checkout-'));
    mkdirSync(join(workspace, 'stacks', 'src'), { recursive: true });
    writeFileSync(join(workspace, 'stacks', 'src', 'index.js'), 'exports.handler = async () => 1;\n');
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  const upload = (
    overrides: {
      config?: unknown;
      run?: CommandRunner;
      path?: string;
      file?: CodeRequest['file'];
      fileOnly?: boolean;
    } = {},
  ) =>
    uploadRepositoryCode({
      request: {
        what: '`stacks/sam.yaml` has Lambda code',
        templatePath: 'stacks/sam.yaml',
        path: overrides.path ?? 'stacks/src',
        build: false,
        file: overrides.file ?? 'zip',
        ...(overrides.fileOnly === undefined ? {} : { fileOnly: overrides.fileOnly }),
      },
      // The checkout at the deployed sha: what is in it, committed (files are listed by git).
      sha: overrides.run === undefined ? commitCheckout(workspace) : SHA,
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse(
        overrides.config ?? { mirrors: { deployments_bucket: 'acme-deployments' } },
      ),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: overrides.run ?? createCommandRunner(60_000),
      log: () => undefined,
    });

  // Review 14b: an `AWS::Include` naming a folder was zipped; the AWS CLI refuses it (InvalidLocalPathError).
  it('refuses a folder where only a file is taken (an AWS::Include snippet), uploading nothing', async () => {
    const result = await upload({ file: 'as-is', fileOnly: true });
    expect(result).toEqual({
      refusal: expect.stringContaining('stacks/src is a folder: it must name one file'),
    });
    expect(result).toEqual({ refusal: expect.stringContaining('Nothing was deployed.') });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    writeFileSync(join(workspace, 'stacks', 'queues.yaml'), 'Q: {Type: AWS::SQS::Queue}\n');
    expect(await upload({ file: 'as-is', fileOnly: true, path: 'stacks/queues.yaml' })).toMatchObject({
      bucket: 'acme-deployments',
    });
  });

  it("zips a folder as it is and uploads it by content hash under the template folder's prefix", async () => {
    const result = await upload();
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    const body = put?.Body as Uint8Array;
    const hash = createHash('sha256').update(body).digest('hex');
    expect(result).toEqual({ bucket: 'acme-deployments', key: `acme/shop/code/stacks/${hash}.zip` });
    expect(Object.keys(unzipSync(body))).toEqual(['index.js']);
  });

  it('zips a lone file Lambda must read as a zip (a layer, a function), as aws cloudformation package does', async () => {
    const result = await upload({ path: 'stacks/src/index.js', file: 'zip' });
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    const body = put?.Body as Uint8Array;
    expect(result).toMatchObject({
      key: expect.stringMatching(/^acme\/shop\/code\/stacks\/[0-9a-f]{64}\.zip$/),
    });
    expect(put?.ContentType).toBe('application/zip');
    expect(new TextDecoder().decode(unzipSync(body)['index.js'])).toBe('exports.handler = async () => 1;\n');
  });

  it('uploads a zip as it is, and a definition file as it is with its extension', async () => {
    const zipped = zipSync({ 'index.js': new TextEncoder().encode('x') });
    writeFileSync(join(workspace, 'stacks', 'layer.zip'), zipped);
    expect(await upload({ path: 'stacks/layer.zip', file: 'zip' })).toMatchObject({
      key: expect.stringMatching(/\.zip$/),
    });
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input.Body).toEqual(zipped);

    s3Mock.resetHistory();
    const definition = 'openapi: 3.0.1\npaths: {}\n';
    writeFileSync(join(workspace, 'stacks', 'api.yaml'), definition);
    const result = await upload({ path: 'stacks/api.yaml', file: 'as-is' });
    const hash = createHash('sha256').update(definition).digest('hex');
    expect(result).toEqual({ bucket: 'acme-deployments', key: `acme/shop/code/stacks/${hash}.yaml` });
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(new TextDecoder().decode(put?.Body as Uint8Array)).toBe(definition);
    expect(put?.ContentType).toBe('application/octet-stream');
  });

  it('refuses without a code bucket, naming both settings, and at another commit', async () => {
    expect(await upload({ config: {} })).toEqual({
      refusal:
        '`stacks/sam.yaml` has Lambda code and no bucket in ap-southeast-2 is configured for it: set mirrors.deployments_bucket, or environments.staging.code_bucket, in .github/implementation-agent.yml. Nothing was deployed.',
    });
    expect(await upload({ run: gitAt('e'.repeat(40)) })).toEqual({
      refusal: expect.stringContaining('The checkout is at eeeeeee, not the deployed ddddddd'),
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('packages only files committed at the sha: a file written after it, alone or in the folder, is not', async () => {
    const sha = commitCheckout(workspace);
    writeFileSync(join(workspace, 'stacks', 'src', 'gha-creds-1.json'), '{"token":"x"}');
    const folder = await uploadRepositoryCode({
      ...request('stacks/src'),
      sha,
      run: createCommandRunner(60_000),
    });
    expect(folder).toMatchObject({ bucket: 'acme-deployments' });
    const body = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input.Body as Uint8Array;
    expect(Object.keys(unzipSync(body))).toEqual(['index.js']);
    expect(
      await uploadRepositoryCode({
        ...request('stacks/src/gha-creds-1.json'),
        sha,
        run: createCommandRunner(60_000),
      }),
    ).toEqual({
      refusal: `stacks/src/gha-creds-1.json holds no file of the repository at ${sha.slice(0, 7)} (only files committed there are packaged). Nothing was deployed.`,
    });
  });

  it.each(['.GIT', 'git~1', 'stacks/.git/hooks', '.git./config'])(
    'refuses %s (Git’s own directory in one of its spellings) before running anything',
    async (path) => {
      const ran: string[] = [];
      const result = await upload({
        path,
        run: async (command, args) => {
          ran.push([command, ...args].join(' '));
          return { code: 0, output: `${SHA}\n` };
        },
      });
      expect(result).toEqual({ refusal: expect.stringContaining("inside Git's own directory") });
      expect(ran.filter((line) => line.includes('ls-tree'))).toEqual([]);
      expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    },
  );

  it('fails closed when the checkout is no git repository', async () => {
    expect(await upload({ run: createCommandRunner(60_000) })).toEqual({
      refusal: expect.stringContaining('is not a git repository at a commit'),
    });
    // A runner that claims the sha but cannot list: refused, not walked.
    expect(
      await upload({
        run: async (command, args) =>
          args[0] === 'rev-parse'
            ? { code: 0, output: `${SHA}\n` }
            : { code: 128, output: 'fatal: not a git repository' },
      }),
    ).toEqual({ refusal: expect.stringContaining('is the checkout a git repository?') });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  const request = (path: string) => ({
    request: { what: 'x', templatePath: 'stacks/sam.yaml', path, build: false, file: 'zip' as const },
    environment: 'staging',
    region: 'ap-southeast-2',
    repository: 'acme/shop',
    config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
    workspace,
    s3: new S3Client({ region: 'ap-southeast-2' }),
    log: () => undefined,
  });
});
