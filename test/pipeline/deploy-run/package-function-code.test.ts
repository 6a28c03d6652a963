import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync } from 'fflate';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import type { CommandRunner } from '../../../src/packaging/command-runner.js';
import { packageFunctionCode } from '../../../src/pipeline/deploy-run/package-function-code.js';
import { SHA, payload } from './helpers/deploy-run-harness.js';

const s3Mock = mockClient(S3Client);
const TEMPLATE = `Parameters:
  CodeS3Bucket: { Type: String }
  CodeS3Key: { Type: String }
Resources: {}
`;
const EVENT = {
  repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
  repositoryId: 4242,
  deploymentId: 7001,
  sha: SHA,
  environment: 'staging',
  payload,
};

/** Answers git with the checkout's sha and "builds" by writing dist/handler.js, as esbuild would. */
function fakeRunner(options: { head?: string; buildFails?: boolean } = {}) {
  const calls: string[] = [];
  const run: CommandRunner = async (command, args, { cwd }) => {
    const line = [command, ...args].join(' ');
    calls.push(`${line} @ ${cwd}`);
    if (line === 'git rev-parse HEAD') return { code: 0, output: `${options.head ?? SHA}\n` };
    if (line === 'npm run build') {
      if (options.buildFails) return { code: 2, output: 'src/handler.ts:1:1: ERROR: Could not resolve' };
      mkdirSync(join(cwd, 'dist'), { recursive: true });
      writeFileSync(
        join(cwd, 'dist', 'handler.js'),
        'exports.handler = async () => ({ statusCode: 200 });\n',
      );
    }
    return { code: 0, output: '' };
  };
  return { run, calls };
}

describe('packageFunctionCode', () => {
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
    mkdirSync(join(workspace, 'services', 'orders-api'), { recursive: true });
    writeFileSync(join(workspace, 'services', 'orders-api', 'package.json'), '{}');
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  const pack = (
    overrides: {
      runner?: ReturnType<typeof fakeRunner>;
      config?: unknown;
      workspace?: string | undefined;
      parameters?: Record<string, string>;
    } = {},
  ) =>
    packageFunctionCode({
      event: EVENT,
      payload: { ...payload, parameters: overrides.parameters ?? payload.parameters },
      template: TEMPLATE,
      config: agentConfigSchema.parse(
        overrides.config ?? { mirrors: { deployments_bucket: 'acme-deployments' } },
      ),
      workspace: 'workspace' in overrides ? overrides.workspace : workspace,
      s3For: () => new S3Client({ region: 'ap-southeast-2' }),
      run: (overrides.runner ?? fakeRunner()).run,
      log: () => undefined,
    });

  it("builds the template's folder at the deployed sha, uploads the zip by its hash and passes where it is", async () => {
    const runner = fakeRunner();
    const result = await pack({ runner });
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    const body = put?.Body as Uint8Array;
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(result).toEqual({
      parameters: {
        Stage: 'staging',
        CodeS3Bucket: 'acme-deployments',
        CodeS3Key: `acme/shop/code/orders-api/${sha256}.zip`,
      },
    });
    expect(Object.keys(unzipSync(body))).toEqual(['handler.js']);
    const service = join(workspace, 'services', 'orders-api');
    expect(runner.calls).toEqual([
      `git rev-parse HEAD @ ${workspace}`,
      `npm install --no-audit --no-fund --ignore-scripts --no-package-lock @ ${service}`,
      `npm run build @ ${service}`,
    ]);
  });

  it('leaves the parameters as they are when the deployment already names the code (a stored rollback)', async () => {
    const runner = fakeRunner();
    const parameters = { CodeS3Bucket: 'acme-deployments', CodeS3Key: 'acme/shop/code/orders-api/old.zip' };
    expect(await pack({ runner, parameters })).toEqual({ parameters });
    expect(runner.calls).toEqual([]);
  });

  it('refuses, deploying nothing, without a bucket, without a checkout, at another sha, or when the build fails', async () => {
    expect(await pack({ config: {} })).toEqual({
      refusal: expect.stringContaining('set mirrors.deployments_bucket, or environments.staging.code_bucket'),
    });
    expect(await pack({ workspace: undefined })).toEqual({
      refusal: expect.stringContaining('add actions/checkout'),
    });
    expect(await pack({ runner: fakeRunner({ head: 'e'.repeat(40) }) })).toEqual({
      refusal: expect.stringContaining('The checkout is at eeeeeee, not the deployed ddddddd'),
    });
    expect(await pack({ runner: fakeRunner({ buildFails: true }) })).toEqual({
      refusal: expect.stringMatching(
        /npm run build failed \(exit 2\)[\s\S]*Could not resolve[\s\S]*Nothing was deployed/,
      ),
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});
