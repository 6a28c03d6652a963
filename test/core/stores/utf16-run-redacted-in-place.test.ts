/**
 * Issue #10: a UTF-8 log holding a run of UTF-16 text with a token (PowerShell output pasted into
 * a build log) was withheld whole; the token is redacted in the run, written back in its byte
 * order, and the rest of the log kept.
 */
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { FAKE_GITHUB_CLASSIC_TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

const TOKEN = FAKE_GITHUB_CLASSIC_TOKEN;
const wide = (text: string) => Buffer.from(text, 'utf16le');

describe('a UTF-16 run with a token inside a UTF-8 log', () => {
  it.each([
    ['little-endian', (text: string) => wide(text)],
    ['big-endian, at an odd offset', (text: string) => wide(text).swap16()],
  ])('(%s) is redacted in place; the rest of the log is kept', async (_name, encode) => {
    const body = Buffer.concat([
      Buffer.from('build started ✓\n'),
      encode(`token=${TOKEN}\r\n`),
      Buffer.from('build done\n'),
    ]);

    const stored = await redactArtifactBody(body, 'logs/build.log');

    expect(stored.toString('utf8')).not.toBe(NOT_SCANNED_MARKER);
    expect(stored.toString('latin1').replaceAll('\0', '')).not.toContain(TOKEN);
    expect(stored.includes(encode('token=[REDACTED:github-token]\r\n'))).toBe(true);
    expect(stored.toString('utf8').startsWith('build started ✓\n')).toBe(true);
    expect(stored.toString('utf8').endsWith('build done\n')).toBe(true);
    // Idempotent: what was stored comes back byte for byte.
    expect((await redactArtifactBody(stored, 'logs/build.log')).equals(stored)).toBe(true);
  });

  it('a token in the UTF-8 text beside a UTF-16 run is redacted too, as a string body', async () => {
    const body = `first ${TOKEN}\n${wide(`again=${TOKEN}\n`).toString('utf8')}end\n`;

    const stored = (await redactArtifactBody(body, 'logs/run.log')).toString('utf8');

    expect(stored).not.toBe(NOT_SCANNED_MARKER);
    expect(stored.replaceAll('\0', '')).not.toContain(TOKEN);
    expect(stored.startsWith('first [REDACTED:github-token]\n')).toBe(true);
    expect(stored.endsWith('end\n')).toBe(true);
  });
});
