/**
 * Attacker pass (review #10o) on secrets written base64-encoded as plain literals
 * (src/core/secrets/scan-base64-literals.ts, read by the secrets gate `findFileSecrets` and the
 * artifact stores' `redactArtifactBody`). The fix of review10n decodes a base64 run once, and only
 * when it decodes to UTF-8 text without control characters. Three encodings real platforms decode
 * and real files carry fall outside it: a Kubernetes `kubernetes.io/dockerconfigjson` Secret (its
 * data is base64 of JSON whose `auth` is base64 of `user:token`: two layers, the form `kubectl
 * create secret docker-registry` writes), a Windows EC2 `UserData` running `powershell
 * -EncodedCommand` (base64 of UTF-16LE, which holds NULs), and a cloud-init `UserData` that is
 * base64 of gzip (cloud-init inflates it; Terraform's `cloudinit_config` writes it with
 * `gzip = true`). A fault is `it.failing` asserting the right answer; an attack refused is an
 * ordinary test.
 * Fixed (fix14h): runs are decoded layer by layer (nested base64, UTF-16/UTF-32, gzip and zlib),
 * bounded, so each FAULT below is now an ordinary test.
 */
import { gzipSync } from 'node:zlib';
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const base64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64');

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

const DOCKER_CONFIG = base64(JSON.stringify({ auths: { 'ghcr.io': { auth: base64(`octocat:${TOKEN}`) } } }));
const PULL_SECRET = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: ghcr-pull',
  'type: kubernetes.io/dockerconfigjson',
  'data:',
  `  .dockerconfigjson: ${DOCKER_CONFIG}`,
  '',
].join('\n');

const launchTemplate = (userData: string) =>
  [
    'Resources:',
    '  Template:',
    '    Type: AWS::EC2::LaunchTemplate',
    '    Properties:',
    '      LaunchTemplateData:',
    '        ImageId: ami-0123456789abcdef0',
    `        UserData: ${userData}`,
    '',
  ].join('\n');

const ENCODED_COMMAND = base64(Buffer.from(`$env:GITHUB_TOKEN = '${TOKEN}'; C:\\app\\start.ps1`, 'utf16le'));
const WINDOWS_USER_DATA = base64(
  `<powershell>\npowershell.exe -EncodedCommand ${ENCODED_COMMAND}\n</powershell>\n`,
);
const GZIP_USER_DATA = base64(
  gzipSync(`#cloud-config\nwrite_files:\n  - path: /etc/app.env\n    content: GITHUB_TOKEN=${TOKEN}\n`),
);

describe('review10o attacker: a token under two layers of encoding', () => {
  it('FAULT: a dockerconfigjson pull secret whose auth holds the token is refused by the gate', async () => {
    expect(await gateRefuses('k8s/pull-secret.yaml', PULL_SECRET)).toBe(true);
  });

  it('FAULT: the same pull secret is not stored with its encoded token', async () => {
    const stored = (await redactArtifactBody(PULL_SECRET, 'files/k8s/pull-secret.yaml')).toString();
    expect(stored).not.toContain(DOCKER_CONFIG);
  });

  it('FAULT: Windows UserData running powershell -EncodedCommand (UTF-16LE) with the token is refused', async () => {
    expect(await gateRefuses('template.yaml', launchTemplate(WINDOWS_USER_DATA))).toBe(true);
  });

  it('FAULT: cloud-init UserData that is base64 of gzip holding the token is refused', async () => {
    expect(await gateRefuses('template.yaml', launchTemplate(GZIP_USER_DATA))).toBe(true);
  });

  it('FAULT: the gzip UserData template is not stored with its encoded token', async () => {
    const stored = (
      await redactArtifactBody(launchTemplate(GZIP_USER_DATA), 'files/template.yaml')
    ).toString();
    expect(stored).not.toContain(GZIP_USER_DATA);
  });
});

describe('review10o attacker: one layer of base64 (refused)', () => {
  it('a dockerconfigjson whose decoded JSON also names the token as password is refused', async () => {
    const config = base64(
      JSON.stringify({
        auths: { 'ghcr.io': { username: 'octocat', password: TOKEN, auth: base64(`octocat:${TOKEN}`) } },
      }),
    );
    expect(await gateRefuses('k8s/pull-secret.yaml', PULL_SECRET.replace(DOCKER_CONFIG, config))).toBe(true);
  });

  it('UserData of the token in URL-safe base64 of UTF-8 (one layer) is refused', async () => {
    const urlSafe = base64(`export GITHUB_TOKEN=${TOKEN}\n`)
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(await gateRefuses('template.yaml', launchTemplate(urlSafe))).toBe(true);
  });
});
