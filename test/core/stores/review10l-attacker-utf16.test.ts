/**
 * Attacker pass (review #10l) on UTF-16 artifacts (src/core/stores/utf16-text.ts `utf16Form`,
 * through redact-artifact-body.ts and readable-texts.ts): a `.env` written as UTF-16 without a
 * byte order mark whose first 4,096 bytes are not ASCII (a Japanese comment block). Python's
 * `open(…, encoding='utf-16-le')`, PowerShell and editors that were told the encoding read the
 * token; the store keeps the bytes as scanned because the guess looks only for ASCII in the
 * sample. A fault (fixed: now an ordinary test) asserts the right answer; an attack the code refuses is an
 * ordinary test.
 */
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const COMMENT = '# 設定ファイル：本番環境の接続情報を記載します。'.repeat(100);

async function keptAsIs(bytes: Buffer): Promise<boolean> {
  return (await redactArtifactBody(bytes, 'files/config/.env')).equals(bytes);
}

describe('review10l attacker: UTF-16 text the guess does not take for UTF-16', () => {
  it('FAULT: BOM-less UTF-16LE whose first 4 KiB are Japanese keeps the token — it must be redacted or go as not scanned', async () => {
    const bytes = Buffer.from(`${COMMENT}\nTOKEN=${TOKEN}\n`, 'utf16le');
    expect(await keptAsIs(bytes)).toBe(false);
  });

  it('FAULT: the same written big-endian', async () => {
    const bytes = Buffer.from(`${COMMENT}\nTOKEN=${TOKEN}\n`, 'utf16le').swap16();
    expect(await keptAsIs(bytes)).toBe(false);
  });
});

describe('review10l attacker: UTF-16 text that is read (refused)', () => {
  it('the same with a byte order mark is redacted in place', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${COMMENT}\nTOKEN=${TOKEN}\n`, 'utf16le'),
    ]);
    const stored = await redactArtifactBody(bytes, 'files/config/.env');
    expect(stored.subarray(2).toString('utf16le')).toContain('[REDACTED:github-token]');
    expect(stored.subarray(2).toString('utf16le')).not.toContain(TOKEN);
  });

  it('a short Japanese line before the token (mostly ASCII) is read as UTF-16', async () => {
    expect(await keptAsIs(Buffer.from(`# 設定\nTOKEN=${TOKEN}\n`, 'utf16le'))).toBe(false);
  });
});
