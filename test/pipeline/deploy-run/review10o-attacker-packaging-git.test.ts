/**
 * Attacker pass (review #10o) on packaging repository code (src/pipeline/deploy-run/
 * upload-repository-code.ts, src/packaging/path-inside-checkout.ts, zip-directory.ts) after the
 * symlink fix of review10n. The path is now inside the checkout by its text and its real path, but
 * the checkout holds one folder that is not the repository's content: `.git`, where
 * `actions/checkout` persists the credential it checked out with (`persist-credentials` is on by
 * default) as `http.https://github.com/.extraheader = AUTHORIZATION: basic base64(x-access-token:
 * <token>)`, a personal access token when the workflow passes `token:`. SAM's own examples write
 * `CodeUri: .` for a template at the repository's root, and the model (or anyone with write access)
 * can write `CodeUri: .git`. The folder is zipped and uploaded to the code bucket, and the deployed
 * function (and everyone who can read its code) gets the token. A fault is `it.failing` asserting
 * the right answer; an attack refused is an ordinary test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync } from 'fflate';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import type { CommandRunner } from '../../../src/packaging/command-runner.js';
import { uploadRepositoryCode } from '../../../src/pipeline/deploy-run/upload-repository-code.js';

const SHA = 'e'.repeat(40);
const PAT = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const EXTRAHEADER = Buffer.from(`x-access-token:${PAT}`).toString('base64');
/** `.git/config` as actions/checkout@v4 leaves it with `token: ${{ secrets.DEPLOY_PAT }}`. */
const GIT_CONFIG = [
  '[core]',
  '\trepositoryformatversion = 0',
  '\tfilemode = true',
  '\tbare = false',
  '[remote "origin"]',
  '\turl = https://github.com/acme/shop',
  '\tfetch = +refs/heads/*:refs/remotes/origin/*',
  '[gc]',
  '\tauto = 0',
  '[http "https://github.com/"]',
  `\textraheader = AUTHORIZATION: basic ${EXTRAHEADER}`,
  '',
].join('\n');
const s3Mock = mockClient(S3Client);
const gitAt =
  (sha: string): CommandRunner =>
  async (command, args) =>
    [command, ...args].join(' ') === 'git rev-parse HEAD'
      ? { code: 0, output: `${sha}\n` }
      : { code: 0, output: '' };

/** Every entry name and byte uploaded, zips opened. */
function uploaded(): string {
  return s3Mock
    .commandCalls(PutObjectCommand)
    .map((call) => {
      const body = call.args[0].input.Body as Uint8Array;
      try {
        return Object.entries(unzipSync(body))
          .map(([name, entry]) => `${name}\n${new TextDecoder().decode(entry)}`)
          .join('\n');
      } catch {
        return new TextDecoder().decode(body);
      }
    })
    .join('\n');
}

describe('review10o attacker: the checkout’s .git folder packaged as code', () => {
  let root: string;
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
    root = mkdtempSync(join(tmpdir(), 'review10o-pack-'));
    workspace = join(root, 'checkout');
    mkdirSync(join(workspace, '.git'), { recursive: true });
    writeFileSync(join(workspace, '.git', 'config'), GIT_CONFIG);
    writeFileSync(join(workspace, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(workspace, 'app.py'), 'def handler(event, context):\n    return 1\n');
    writeFileSync(join(workspace, 'template.yaml'), 'Transform: AWS::Serverless-2016-10-31\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const upload = (path: string) =>
    uploadRepositoryCode({
      request: {
        what: '`template.yaml` has Lambda code',
        templatePath: 'template.yaml',
        path,
        build: false,
        file: 'zip',
      },
      sha: SHA,
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: gitAt(SHA),
      log: () => undefined,
    });

  it.failing(
    'FAULT: CodeUri: . (a root SAM template) does not upload .git/config with the checkout’s token',
    async () => {
      await upload('.');
      expect(uploaded()).toContain('app.py');
      expect(uploaded()).not.toContain(EXTRAHEADER);
    },
  );

  it.failing('FAULT: CodeUri: .git is refused, nothing uploaded', async () => {
    const result = await upload('.git');
    expect(result).toEqual({ refusal: expect.any(String) });
    expect(uploaded()).not.toContain(EXTRAHEADER);
  });

  it.failing('FAULT: CodeUri: .git/config (a single file zipped) is refused, nothing uploaded', async () => {
    const result = await upload('.git/config');
    expect(result).toEqual({ refusal: expect.any(String) });
    expect(uploaded()).not.toContain(EXTRAHEADER);
  });
});
