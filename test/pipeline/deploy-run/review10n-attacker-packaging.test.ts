/**
 * Attacker pass (review #10n) on packaging local artifacts (src/pipeline/deploy-run/
 * upload-repository-code.ts, src/packaging/zip-directory.ts, zip-single-file.ts). A template's
 * `CodeUri`/`Code`/`DefinitionUri` names a repository path; the deploy run zips or uploads what is
 * there to the code bucket, where the deployed function (and whoever reads the bucket or the
 * function's code) gets it. The path is checked to stay inside the checkout by its *text*
 * (`normalize`/`relative`), but a symlink committed to the repository (a person with write access
 * pushes one to the task's branch; git keeps symlinks) is followed by `statSync`/`readFileSync`, so
 * a file or folder of the runner outside the checkout (its credentials, `~/.aws`, `/proc/self/environ`)
 * is uploaded. A fault is `it.failing` asserting the right answer; an attack refused is an ordinary
 * test.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync } from 'fflate';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { createCommandRunner } from '../../../src/packaging/command-runner.js';
import {
  uploadRepositoryCode,
  type CodeRequest,
} from '../../../src/pipeline/deploy-run/upload-repository-code.js';
import { commitCheckout } from '../../support/git-checkout.js';

const SECRET = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const s3Mock = mockClient(S3Client);

/** Every byte uploaded, zips opened: what the bucket (and the deployed function) got. */
function uploaded(): string {
  return s3Mock
    .commandCalls(PutObjectCommand)
    .map((call) => {
      const body = call.args[0].input.Body as Uint8Array;
      try {
        return Object.values(unzipSync(body))
          .map((entry) => new TextDecoder().decode(entry))
          .join('\n');
      } catch {
        return new TextDecoder().decode(body);
      }
    })
    .join('\n');
}

describe('review10n attacker: a committed symlink leading out of the checkout', () => {
  let root: string;
  let workspace: string;
  let outside: string;
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
    root = mkdtempSync(join(tmpdir(), 'review10n-pack-'));
    workspace = join(root, 'checkout');
    outside = join(root, 'runner-home', '.aws');
    mkdirSync(join(workspace, 'stacks', 'src'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'credentials'), `[default]\n${SECRET}\n`);
    writeFileSync(join(workspace, 'stacks', 'src', 'index.js'), 'exports.handler = async () => 1;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const upload = (path: string, file: CodeRequest['file'] = 'zip') =>
    uploadRepositoryCode({
      request: {
        what: '`stacks/sam.yaml` has Lambda code',
        templatePath: 'stacks/sam.yaml',
        path,
        build: false,
        file,
      },
      // The checkout at the deployed sha, symlinks committed as git keeps them.
      sha: commitCheckout(workspace),
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: createCommandRunner(60_000),
      log: () => undefined,
    });

  it('fixed FAULT: CodeUri naming a symlink to a folder outside the checkout is refused, nothing uploaded', async () => {
    symlinkSync(outside, join(workspace, 'stacks', 'code'));
    const result = await upload('stacks/code');
    expect(result).toEqual({ refusal: expect.stringContaining('outside the checkout') });
    expect(uploaded()).not.toContain(SECRET);
  });

  it('fixed FAULT: a definition file that is a symlink to a file outside the checkout is refused (as-is upload)', async () => {
    symlinkSync(join(outside, 'credentials'), join(workspace, 'stacks', 'api.yaml'));
    const result = await upload('stacks/api.yaml', 'as-is');
    expect(result).toEqual({ refusal: expect.stringContaining('outside the checkout') });
    expect(uploaded()).not.toContain(SECRET);
  });

  it('fixed FAULT: a code file that is a symlink outside the checkout is not zipped and uploaded', async () => {
    symlinkSync(join(outside, 'credentials'), join(workspace, 'stacks', 'handler.py'));
    await upload('stacks/handler.py', 'zip');
    expect(uploaded()).not.toContain(SECRET);
  });

  it('fixed FAULT: a path through a symlinked parent folder (stacks/home → outside) is refused', async () => {
    symlinkSync(join(root, 'runner-home'), join(workspace, 'stacks', 'home'));
    const result = await upload('stacks/home/.aws');
    expect(result).toEqual({ refusal: expect.stringContaining('outside the checkout') });
    expect(uploaded()).not.toContain(SECRET);
  });
});

describe('review10n attacker: paths leaving the checkout (refused)', () => {
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
    root = mkdtempSync(join(tmpdir(), 'review10n-pack-'));
    workspace = join(root, 'checkout');
    mkdirSync(join(workspace, 'stacks', 'src'), { recursive: true });
    mkdirSync(join(root, 'secret'), { recursive: true });
    writeFileSync(join(root, 'secret', 'credentials'), `${SECRET}\n`);
    writeFileSync(join(workspace, 'stacks', 'src', 'index.js'), 'exports.handler = async () => 1;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const upload = (path: string) =>
    uploadRepositoryCode({
      request: { what: 'x', templatePath: 'stacks/sam.yaml', path, build: false, file: 'zip' },
      // The checkout at the deployed sha, symlinks committed as git keeps them.
      sha: commitCheckout(workspace),
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: createCommandRunner(60_000),
      log: () => undefined,
    });

  it('a ../ path out of the checkout is refused, nothing uploaded', async () => {
    expect(await upload('../secret')).toEqual({ refusal: expect.stringContaining('outside the checkout') });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('a path climbing out through a folder (stacks/../../secret/credentials) is refused', async () => {
    expect(await upload('stacks/../../secret/credentials')).toEqual({
      refusal: expect.stringContaining('outside the checkout'),
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('an absolute path is read inside the checkout (joined), not from the root', async () => {
    const result = await upload(join(root, 'secret', 'credentials'));
    expect(result).toMatchObject({ refusal: expect.any(String) });
    expect(uploaded()).not.toContain(SECRET);
  });

  it('a symlink inside a zipped folder is left out of the zip', async () => {
    symlinkSync(join(root, 'secret', 'credentials'), join(workspace, 'stacks', 'src', 'creds.txt'));
    await upload('stacks/src');
    expect(uploaded()).not.toContain(SECRET);
    expect(uploaded()).toContain('exports.handler');
  });
});
