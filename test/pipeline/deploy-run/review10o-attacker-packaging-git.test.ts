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
 * function (and everyone who can read its code) gets the token. The same holds for any file an
 * earlier step of the job wrote into the workspace that the deployed commit does not hold:
 * `google-github-actions/auth` writes its credentials file (`gha-creds-<hash>.json`) at the
 * workspace's root by default. The checkout is a real git repository here, at the deployed sha
 * (the real command runner answers `git rev-parse HEAD`). A fault is `it.failing` asserting the
 * right answer; an attack refused is an ordinary test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync } from 'fflate';
import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { createCommandRunner } from '../../../src/packaging/command-runner.js';
import { uploadRepositoryCode } from '../../../src/pipeline/deploy-run/upload-repository-code.js';

const PAT = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const EXTRAHEADER = Buffer.from(`x-access-token:${PAT}`).toString('base64');
const s3Mock = mockClient(S3Client);
/** The runner's OIDC request token, which `google-github-actions/auth` writes into its credentials file. */
const REQUEST_TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6IkJ1Z0x6UmV6In0.eyJydW5faWQiOiI0MiJ9.c2lnbmF0dXJl';
const GCP_CREDENTIALS = JSON.stringify({
  type: 'external_account',
  audience:
    '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/acme',
  credential_source: {
    url: 'https://pipelines.actions.githubusercontent.com/abc/idtoken',
    headers: { Authorization: `Bearer ${REQUEST_TOKEN}` },
  },
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd })
    .toString()
    .trim();

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

describe('review10o attacker: the checkout’s .git folder and untracked files packaged as code', () => {
  let root: string;
  let workspace: string;
  let sha: string;
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
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'app.py'), 'def handler(event, context):\n    return 1\n');
    writeFileSync(join(workspace, 'template.yaml'), 'Transform: AWS::Serverless-2016-10-31\n');
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'add', 'app.py', 'template.yaml');
    git(workspace, 'commit', '-q', '-m', 'Orders API');
    sha = git(workspace, 'rev-parse', 'HEAD');
    // What actions/checkout leaves with `token: ${{ secrets.DEPLOY_PAT }}` (persist-credentials).
    git(
      workspace,
      'config',
      '--local',
      'http.https://github.com/.extraheader',
      `AUTHORIZATION: basic ${EXTRAHEADER}`,
    );
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
      sha,
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: createCommandRunner(60_000),
      log: () => undefined,
    });

  it('fixed FAULT: CodeUri: . (a root SAM template) does not upload .git/config with the checkout’s token', async () => {
    await upload('.');
    expect(uploaded()).toContain('app.py');
    expect(uploaded()).not.toContain(EXTRAHEADER);
  });

  it('fixed FAULT: CodeUri: .git is refused, nothing uploaded', async () => {
    const result = await upload('.git');
    expect(result).toEqual({ refusal: expect.any(String) });
    expect(uploaded()).not.toContain(EXTRAHEADER);
  });

  it('fixed FAULT: CodeUri: . does not upload a credentials file an earlier step wrote (untracked at the sha)', async () => {
    writeFileSync(join(workspace, 'gha-creds-6f3a9c1e2b7d4058.json'), GCP_CREDENTIALS);
    await upload('.');
    expect(uploaded()).not.toContain(REQUEST_TOKEN);
  });

  it('fixed FAULT: CodeUri: .git/config (a single file zipped) is refused, nothing uploaded', async () => {
    const result = await upload('.git/config');
    expect(result).toEqual({ refusal: expect.any(String) });
    expect(uploaded()).not.toContain(EXTRAHEADER);
  });
});

describe('review10o attacker: packaging a tracked folder (held)', () => {
  let root: string;
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
    root = mkdtempSync(join(tmpdir(), 'review10o-pack-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('CodeUri: src zips the function folder alone, without the checkout’s .git', async () => {
    const workspace = join(root, 'checkout');
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src', 'app.py'), 'def handler(event, context):\n    return 1\n');
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'add', 'src/app.py');
    git(workspace, 'commit', '-q', '-m', 'Orders API');
    git(
      workspace,
      'config',
      '--local',
      'http.https://github.com/.extraheader',
      `AUTHORIZATION: basic ${EXTRAHEADER}`,
    );
    const result = await uploadRepositoryCode({
      request: { what: 'x', templatePath: 'template.yaml', path: 'src', build: false, file: 'zip' },
      sha: git(workspace, 'rev-parse', 'HEAD'),
      environment: 'staging',
      region: 'ap-southeast-2',
      repository: 'acme/shop',
      config: agentConfigSchema.parse({ mirrors: { deployments_bucket: 'acme-deployments' } }),
      workspace,
      s3: new S3Client({ region: 'ap-southeast-2' }),
      run: createCommandRunner(60_000),
      log: () => undefined,
    });
    expect(result).toMatchObject({ bucket: 'acme-deployments' });
    expect(uploaded()).toContain('app.py');
    expect(uploaded()).not.toContain(EXTRAHEADER);
  });
});
