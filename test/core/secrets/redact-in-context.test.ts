import { decodeStringEscapes } from '../../../src/core/secrets/decode-string-escapes.js';
import { redactInContext } from '../../../src/core/secrets/redact-in-context.js';
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY as SECRET,
  FAKE_RSA_KEY_BODY_LINES,
  fakeCharacters,
  fakeRsaPrivateKey,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

const BOUNDS = { depth: 0, maxDepth: 128 };
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

describe('redactInContext: strings read together are scanned together', () => {
  it('redacts a key and its value read as a pair, however short the key, and keeps the shape', async () => {
    const [redacted] = await redactInContext([{ Stage: 'prod', SecretAccessKey: SECRET, Count: 3 }], BOUNDS);
    expect(redacted).toEqual({
      Stage: 'prod',
      SecretAccessKey: '[REDACTED:aws-secret-access-key]',
      Count: 3,
    });
  });

  it("redacts a name/value record's value (CloudFormation's OutputKey/OutputValue, ParameterKey/ParameterValue)", async () => {
    const outputs = {
      Outputs: [
        { OutputKey: 'DeployUserSecretAccessKey', OutputValue: SECRET },
        { ParameterKey: 'aws_secret_access_key', ParameterValue: SECRET },
      ],
    };
    expect(JSON.stringify(await redactJsonStrings(outputs))).not.toContain(SECRET);
  });

  it('redacts every line of a PEM key written as adjacent array strings, and leaves the rest of the array', async () => {
    const lines = fakeRsaPrivateKey().split('\n');
    const [redacted] = await redactInContext([['before', 5, ...lines, 7, 'after']], BOUNDS);
    const text = JSON.stringify(redacted);
    for (const line of FAKE_RSA_KEY_BODY_LINES) expect(text).not.toContain(line);
    expect((redacted as unknown[])[0]).toBe('before');
    expect((redacted as unknown[]).at(-1)).toBe('after');
    expect((redacted as unknown[]).length).toBe(lines.length + 4);
  });

  it('redacts a parameters file (`--parameters file://params.json`) whose value only a name/value record names', async () => {
    const file = JSON.stringify(
      [{ ParameterKey: 'DeployUserSecretAccessKey', ParameterValue: SECRET }],
      null,
      2,
    );
    expect(await redactSecrets(file, 'params.json')).not.toContain(SECRET);
    // The same text not as a file: the JSON document inside it is walked the same way.
    expect(await redactSecrets(`parameters: ${file}`)).not.toContain(SECRET);
  });

  it('returns values without secrets unchanged (the same objects)', async () => {
    const value = {
      Outputs: [{ OutputKey: 'ApiUrl', OutputValue: 'https://example.com/' }],
      lines: ['a', 'b'],
    };
    const [redacted] = await redactInContext([value], BOUNDS);
    expect(redacted).toBe(value);
  });

  it('withholds a single context with more secrets of a kind than the scanner lists, and nothing else', async () => {
    const tokens = Array.from(
      { length: 25 },
      (_, seed) => `gh${'p_'}${fakeCharacters({ seed: seed + 100, length: 36, alphabet: ALPHANUMERIC })}`,
    );
    const [redacted] = await redactInContext([{ allow: tokens, note: 'kept' }], BOUNDS);
    const text = JSON.stringify(redacted);
    for (const token of tokens) expect(text).not.toContain(token);
    expect((redacted as { note: string }).note).toBe('kept');
  });
});

describe("decodeStringEscapes: YAML's escaped line break", () => {
  it('joins a line ending in a backslash to the next, its indentation dropped, and maps offsets back', () => {
    const { decoded, sourceOffsets } = decodeStringEscapes('"ab\\\n    cd"');
    expect(decoded).toBe('"abcd"');
    expect(sourceOffsets).toEqual([0, 1, 2, 9, 10, 11, 12]);
  });

  it('joins a CRLF break too', () => {
    expect(decodeStringEscapes('ab\\\r\n\tcd').decoded).toBe('abcd');
  });
});
