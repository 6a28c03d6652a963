/**
 * Attacker pass (review #10n) on text encodings the artifact store reads
 * (src/core/stores/redact-artifact-body.ts, utf16-text.ts). UTF-16 with or without a BOM, and
 * UTF-16 runs in UTF-8, are read (review10l/10m); UTF-32 with its BOM (`FF FE 00 00`, what
 * Python's `open(..., encoding='utf-32')` and PowerShell's `-Encoding utf32` write) is neither read
 * nor refused: the store keeps a token as "scanned". Without a BOM, UTF-32LE of ASCII is even valid
 * UTF-8 (three NULs after each character). A fault is `it.failing` asserting the right answer (the
 * bytes are not kept as they are: redacted, or withheld as not scanned).
 */
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const utf32le = (text: string) => Buffer.from([...text].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]));

describe('review10n attacker: UTF-32 text', () => {
  it('a UTF-32LE .env with its BOM holding a token is not kept as it is', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), utf32le(`GITHUB_TOKEN=${TOKEN}\r\n`)]);
    expect((await redactArtifactBody(body, 'files/.env')).equals(body)).toBe(false);
  });

  it('a UTF-32BE .env with its BOM holding a token is not kept as it is', async () => {
    const le = utf32le(`GITHUB_TOKEN=${TOKEN}\r\n`);
    const be = Buffer.from(le).swap32();
    const body = Buffer.concat([Buffer.from([0x00, 0x00, 0xfe, 0xff]), be]);
    expect((await redactArtifactBody(body, 'files/.env')).equals(body)).toBe(false);
  });
});

describe('fix13k: UTF-32 redacted in its form', () => {
  it('a UTF-32LE .env without a BOM has the token redacted, written back as UTF-32LE', async () => {
    const body = utf32le(`GITHUB_TOKEN=${TOKEN}\r\n`);
    const stored = await redactArtifactBody(body, 'files/.env');
    expect(stored.equals(body)).toBe(false);
    const text = Buffer.from(stored.filter((_byte, index) => index % 4 === 0)).toString('latin1');
    expect(text).toContain('GITHUB_TOKEN=');
    expect(text).not.toContain(TOKEN);
  });

  it('a UTF-32LE text with its BOM and no secret is kept byte for byte', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), utf32le('LOG_LEVEL=debug\r\n')]);
    expect((await redactArtifactBody(body, 'files/.env')).equals(body)).toBe(true);
  });
});

describe('review10n attacker: UTF-16 read (refused)', () => {
  it('the same .env in UTF-16LE with its BOM is not kept as it is', async () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`GITHUB_TOKEN=${TOKEN}\r\n`, 'utf16le'),
    ]);
    expect((await redactArtifactBody(body, 'files/.env')).equals(body)).toBe(false);
  });
});
