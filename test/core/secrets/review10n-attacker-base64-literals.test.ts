/**
 * Attacker pass (review #10n) on secrets written base64-encoded as plain literals (the secrets gate
 * `findFileSecrets`, the artifact stores' `redactArtifactBody`). The intrinsic reading decodes
 * `Fn::Base64`'s input, and review10m masks `!Base64` outputs, but a literal that is *already*
 * base64 is read as written. Two places where the platform itself decodes it: an EC2 launch
 * template's `UserData` (a base64 string; EC2 decodes it and runs it) and a Kubernetes `Secret`'s
 * `data` (base64 by definition; `kubectl` and every pod read it decoded). A token there passes the
 * gate, is committed, and is kept in the stored artifacts. A fault is `it.failing` asserting the
 * right answer; an attack refused is an ordinary test.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const base64 = (text: string) => Buffer.from(text).toString('base64');

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

const USER_DATA = base64(`#!/bin/bash\nexport GITHUB_TOKEN=${TOKEN}\n/opt/app/start\n`);
const LAUNCH_TEMPLATE = [
  'Resources:',
  '  Template:',
  '    Type: AWS::EC2::LaunchTemplate',
  '    Properties:',
  '      LaunchTemplateData:',
  '        ImageId: ami-0123456789abcdef0',
  `        UserData: ${USER_DATA}`,
  '',
].join('\n');

const K8S_SECRET = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: github',
  'type: Opaque',
  'data:',
  `  token: ${base64(TOKEN)}`,
  '',
].join('\n');

describe('review10n attacker: a token base64-encoded where the platform decodes it', () => {
  it('FAULT: a launch template whose literal UserData (base64) exports a token is refused by the gate', async () => {
    expect(await gateRefuses('template.yaml', LAUNCH_TEMPLATE)).toBe(true);
  });

  it('FAULT: the same template is not stored with the encoded token', async () => {
    const stored = (await redactArtifactBody(LAUNCH_TEMPLATE, 'files/template.yaml')).toString();
    expect(stored).not.toContain(USER_DATA);
  });

  it('FAULT: a Kubernetes Secret whose data holds a base64 token is refused by the gate', async () => {
    expect(await gateRefuses('k8s/secret.yaml', K8S_SECRET)).toBe(true);
  });
});

describe('review10n attacker: base64 read (refused)', () => {
  it('!Base64 of a literal holding the token is refused (Fn::Base64 read decoded)', async () => {
    const template = LAUNCH_TEMPLATE.replace(
      `UserData: ${USER_DATA}`,
      `UserData: !Base64 "#!/bin/bash\\nexport GITHUB_TOKEN=${TOKEN}\\n"`,
    );
    expect(await gateRefuses('template.yaml', template)).toBe(true);
  });

  it('a Kubernetes Secret with the token in stringData (plain) is refused', async () => {
    const manifest = K8S_SECRET.replace('data:', 'stringData:').replace(base64(TOKEN), TOKEN);
    expect(await gateRefuses('k8s/secret.yaml', manifest)).toBe(true);
  });
});
