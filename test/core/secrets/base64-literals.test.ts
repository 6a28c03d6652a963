/**
 * Issue #10: a token written base64-encoded as a plain string (no `Fn::Base64`, whose argument is
 * read decoded) was caught by neither the secrets gate nor the redactor. `scanBase64Literals`
 * decodes runs of base64 that decode to text, bounded, and reports a secret over the whole run.
 */
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import { redactSecrets, TOO_MANY_SECRETS_MARKER } from '../../../src/core/secrets/redact-secrets.js';
import {
  MAX_DECODED_BASE64_CHARS,
  scanBase64Literals,
} from '../../../src/core/secrets/scan-base64-literals.js';
import {
  FAKE_AWS_ACCESS_KEY_ID,
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { bundleOf, file } from '../gates/bundle-fixtures.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function template(value: string): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Hook:',
    '    Type: AWS::SSM::Parameter',
    '    Properties:',
    '      Type: String',
    `      Value: ${value}`,
    '',
  ].join('\n');
}

describe('secrets written base64-encoded in a plain string', () => {
  it.each([
    ['a GitHub token', base64(FAKE_GITHUB_CLASSIC_TOKEN)],
    ['a GitHub token in the URL-safe alphabet', base64url(`token=${FAKE_GITHUB_CLASSIC_TOKEN}`)],
    [
      'an AWS credentials file',
      base64(
        `[default]\naws_access_key_id = ${FAKE_AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_AWS_SECRET_ACCESS_KEY}\n`,
      ),
    ],
    ['a token inside an encoded script', base64(`#!/bin/sh\nexport GH=${FAKE_GITHUB_CLASSIC_TOKEN}\n`)],
  ])('the secrets gate refuses %s', async (_name, encoded) => {
    const findings = await checkSecrets(bundleOf([file('infra/template.yaml', template(encoded))]));

    expect(findings.map((finding) => finding.gate)).toContain('secrets');
    expect(JSON.stringify(findings)).not.toContain(encoded);
  });

  it('the redactor replaces the whole run, everywhere it appears, and keeps the rest', async () => {
    const encoded = base64(FAKE_GITHUB_CLASSIC_TOKEN);
    const text = `first ${encoded}\nsecond "${encoded}" end`;

    const redacted = await redactSecrets(text);

    expect(redacted).not.toContain(encoded);
    expect(redacted).toBe('first [REDACTED:github-token]\nsecond "[REDACTED:github-token]" end');
  });

  it('leaves base64 of ordinary text and of binary data alone', async () => {
    const text = [
      base64('echo hello from the instance user data script'),
      Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 37) % 256)).toString('base64'),
      'AWSTemplateFormatVersionAndSomeLongIdentifierWithoutMeaning',
    ].join('\n');

    expect(await scanBase64Literals(text)).toEqual([]);
    expect(await redactSecrets(text)).toBe(text);
  });

  it('reads a run of megabytes of base64 characters without overflowing the stack', async () => {
    await expect(scanBase64Literals('a'.repeat(6 * 1024 * 1024 + 17))).resolves.toEqual([]);
  });

  it('withholds a text with more decoded base64 than one scan reads (fail closed)', async () => {
    const chunk = base64('x'.repeat(3 * 1024));
    // Distinct runs (each decoded once): enough of them to pass the bound.
    const runs = Math.ceil(MAX_DECODED_BASE64_CHARS / (3 * 1024)) + 1;
    const text = Array.from(
      { length: runs },
      (_, index) => `${index} ${chunk.slice(0, -8)}${base64(String(index).padStart(6, '0'))}`,
    ).join('\n');
    const matches = await scanBase64Literals(text);

    expect(matches).toHaveLength(1);
    expect(matches[0]?.overflow).toBe(true);
    expect(await redactSecrets(text)).toBe(TOO_MANY_SECRETS_MARKER);
  });
});

// Review 14b (issue #10): base64 wrapped over lines (a YAML block scalar, MIME's 76 characters a
// line, a JSON string with `\n` between lines) was decoded line by line, so a token across two
// lines was never read whole.
describe('base64 wrapped over lines', () => {
  const settings = `# deploy settings for the orders service\ntoken=${FAKE_GITHUB_CLASSIC_TOKEN}\nregion=eu-west-1\n`;
  const lines = (width: number) => base64(settings).match(new RegExp(`.{1,${width}}`, 'g')) ?? [];

  it('the token straddles the lines: no line alone holds it', async () => {
    for (const line of lines(76)) expect(await scanBase64Literals(line)).toEqual([]);
  });

  it.each([
    ['a YAML block scalar at 76', template(`|\n        ${lines(76).join('\n        ')}`)],
    ['a YAML block scalar at 64', template(`|\n        ${lines(64).join('\n        ')}`)],
    ['a JSON string with \\n escapes', JSON.stringify({ Value: `${lines(76).join('\n')}\n` })],
    ['CRLF line breaks', lines(76).join('\r\n')],
  ])('%s is joined, decoded and redacted whole', async (_name, text) => {
    const [match] = await scanBase64Literals(text);
    expect(match?.ruleId).toContain('(base64)');
    const redacted = await redactSecrets(text);
    for (const line of lines(76)) expect(redacted).not.toContain(line);
  });

  it('lines of other widths, or words between them, are not joined', async () => {
    const [head = '', tail = ''] = lines(76);
    expect(await scanBase64Literals(`${head.slice(0, 72)}\n${tail}`)).toEqual([]);
    expect(await scanBase64Literals(`${head}\nnot ${tail}`)).toEqual([]);
  });
});
