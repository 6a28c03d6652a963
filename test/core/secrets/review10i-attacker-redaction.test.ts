/**
 * Review 10i (attacker; the faults found are fixed and their tests now plain `it`): the one redaction path (`redactSecrets`, `redactJsonStrings`) and the
 * deployment records it guards (`redactDeployment`, the filesystem deployment store).
 *
 * Attacked: a name-then-value secret (an AWS secret access key) held as an object's key and value
 * (a stack output, a parameter), a PEM key written as a list of quoted lines (CloudFormation
 * `Fn::Join` / `!Join`), a token split by YAML's escaped line break, truncated and doubly escaped
 * documents, and a huge run of backslashes (must fail closed).
 *
 * Refused correctly (passing): a secret in JSON text escaped twice, a document cut off mid-string,
 * a key written with `\u` escapes, a PEM block written as one JSON string, YAML single-quoted
 * escapes, and 200,000 backslashes (withheld whole as `[REDACTED:not-scanned]`).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { redactDeployment } from '../../../src/core/stores/redact-deployment.js';
import { createFilesystemDeploymentStore } from '../../../src/filesystem/filesystem-deployment-store.js';
import {
  FAKE_AWS_ACCESS_KEY_ID,
  FAKE_AWS_SECRET_ACCESS_KEY as SECRET,
  FAKE_GITHUB_CLASSIC_TOKEN as TOKEN,
  FAKE_RSA_KEY_BODY_LINES,
  fakeRsaPrivateKey,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

const PEM_LINES = fakeRsaPrivateKey().split('\n');
const KEY_BODY = FAKE_RSA_KEY_BODY_LINES[3] ?? '';

const deployment = {
  repository: 'acme/shop',
  environment: 'staging',
  deploymentId: 9101,
  sha: 'a'.repeat(40),
  stackName: 'orders-api-staging',
  template: 'Resources:\n  DeployUser:\n    Type: AWS::IAM::User\n',
  parameters: { Stage: 'staging' },
  // The classic template: an IAM access key made by the stack and handed out as outputs.
  outputs: { AccessKeyId: FAKE_AWS_ACCESS_KEY_ID, SecretAccessKey: SECRET },
};

describe('secret redaction, attacked (review10i)', () => {
  it('a stack output `SecretAccessKey` (an AWS::IAM::AccessKey secret) is redacted by redactDeployment', async () => {
    const redacted = await redactDeployment(deployment);
    // The access key id beside it is caught (a pattern of its own); the secret is not.
    expect(redacted.outputs.AccessKeyId).not.toContain(FAKE_AWS_ACCESS_KEY_ID);
    expect(JSON.stringify(redacted.outputs)).not.toContain(SECRET);
  });

  it('the filesystem deployments store writes that output to outputs.json redacted (the S3 store shares redactDeployment)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'review10i-deployments-'));
    await createFilesystemDeploymentStore(root).save(deployment);
    const outputs = await readFile(
      path.join(root, 'acme', 'shop', 'staging', '9101', 'outputs.json'),
      'utf8',
    );
    expect(outputs).not.toContain(SECRET);
  });

  it('an object `{ aws_secret_access_key: … }` has its value redacted by redactJsonStrings, as the same pair as text is', async () => {
    // As text the pair is caught (the control below passes).
    expect(await redactSecrets(`aws_secret_access_key: ${SECRET}`)).not.toContain(SECRET);
    // As a JSON value (an event's details, a parameter map) the key and value are scanned apart.
    const redacted = await redactJsonStrings({ aws_secret_access_key: SECRET });
    expect(JSON.stringify(redacted)).not.toContain(SECRET);
  });

  it('a PEM private key written as a CloudFormation Fn::Join list of lines loses its body (JSON value)', async () => {
    const redacted = await redactJsonStrings({ Value: { 'Fn::Join': ['\n', PEM_LINES] } });
    expect(JSON.stringify(redacted)).not.toContain(KEY_BODY);
  });

  it('a PEM private key written as a YAML `!Join` list of quoted lines loses its body (a generated template as an artifact)', async () => {
    const template = [
      'Outputs:',
      '  Key:',
      '    Value: !Join',
      '      - "\\n"',
      '      - - ' + PEM_LINES.map((line) => `"${line}"`).join('\n        - '),
      '',
    ].join('\n');
    const redacted = await redactSecrets(template, 'template.yaml');
    expect(redacted).not.toContain(KEY_BODY);
  });

  it('a token split by a YAML escaped line break (`"ghp_…\\⏎   …"`, YAML 1.2 §7.3.1) in quoted text (a log, a finding) is decoded and redacted', async () => {
    const head = TOKEN.slice(0, 20);
    const tail = TOKEN.slice(20);
    const yaml = `env:\n  GITHUB_TOKEN: "${head}\\\n    ${tail}"\n`;
    // Scanned as a `.yaml` file it is caught (the YAML file rule parses it); quoted in text it is not.
    expect(await redactSecrets(yaml, 'config.yaml')).not.toContain(tail);
    expect(await redactSecrets(`the run printed:\n${yaml}`)).not.toContain(tail);
  });

  it('refused: a secret in JSON escaped twice inside a log line is redacted', async () => {
    const twice = JSON.stringify(JSON.stringify({ aws_secret_access_key: SECRET }));
    expect(await redactSecrets(`CREATE_FAILED reason=${twice}`)).not.toContain(SECRET);
  });

  it('refused: a document cut off inside the secret-bearing string is redacted', async () => {
    const cut = `{"files":[{"path":"a.json","content":"{\\"aws_secret_access_key\\": \\"${SECRET}`;
    expect(await redactSecrets(cut)).not.toContain(SECRET);
  });

  it('refused: a key spelt with \\u escapes (`\\u0061ws_secret_access_key`) is decoded and the value redacted', async () => {
    const text = `{\\"\\u0061ws_secret_access_key\\":\\"${SECRET}\\"}`;
    expect(await redactSecrets(text)).not.toContain(SECRET);
  });

  it('refused: a PEM block written as one JSON string (escaped newlines) is redacted', async () => {
    const text = JSON.stringify({ key: PEM_LINES.join('\n') });
    expect(await redactSecrets(text)).not.toContain(KEY_BODY);
  });

  it("refused: YAML single-quoted `''` around the pair is decoded", async () => {
    const text = `config: '{''aws_secret_access_key'': ''${SECRET}''}'`;
    expect(await redactSecrets(text)).not.toContain(SECRET);
  });

  it('refused: 200,000 backslashes then a quote fail closed as [REDACTED:not-scanned]', async () => {
    const text = `${TOKEN.slice(0, 4)} ${'\\'.repeat(200_000)}"`;
    expect(await redactSecrets(text)).toBe(NOT_SCANNED_MARKER);
  });
});
