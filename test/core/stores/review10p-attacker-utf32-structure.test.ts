/**
 * Attacker pass (review #10p) on BOM-less UTF-32 recognised by its structure
 * (src/core/stores/utf32-text.ts `utf32Form`, used by redactArtifactBody and readableTexts).
 * Attacked: false negatives (UTF-32 output appended to a UTF-8 build log past the 4 KiB sample, as
 * `Add-Content -Encoding utf32` or Python's `utf-32` writer appends it; a UTF-32 console transcript
 * coloured with ANSI escapes) and false positives with a consequence (a binary whose first 4 KiB
 * is a table of little-endian 32-bit ids, read as UTF-32, so the zlib stream after it is never
 * inflated as it is for other binaries), plus recognitions that must hold (CJK, mixed scripts,
 * float and PCM data not taken for text). A fault is `it.failing` asserting the right answer; an
 * attack refused is an ordinary test.
 */
import { deflateSync } from 'node:zlib';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { encodeUtf32, utf32Form } from '../../../src/core/stores/utf32-text.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const LE = { bigEndian: false, bom: false } as const;
/** A UTF-8 CI log of about 6 KiB (Actions' timestamped lines). */
const BUILD_LOG = Array.from(
  { length: 80 },
  (_, index) =>
    `2026-12-01T06:${String(index % 60).padStart(2, '0')}:00.0000000Z npm run build: step ${index} done`,
).join('\n');

/** Whether `stored` still shows the token as UTF-32 in either byte order, at any alignment. */
const showsUtf32Token = (stored: Buffer) =>
  [false, true].some((bigEndian) => stored.includes(encodeUtf32(TOKEN, { bigEndian, bom: false })));

describe('review10p attacker: UTF-32 text recognised by its structure', () => {
  it('fixed FAULT: UTF-32 output appended to a UTF-8 build log past the sample keeps no readable token', async () => {
    const body = Buffer.concat([
      Buffer.from(`${BUILD_LOG}\n`, 'utf8'),
      encodeUtf32(`Deploy settings written by Out-File\r\nGITHUB_TOKEN=${TOKEN}\r\n`, {
        bigEndian: false,
        bom: true,
      }),
    ]);
    expect(Buffer.byteLength(BUILD_LOG)).toBeGreaterThan(4096);
    expect(showsUtf32Token(await redactArtifactBody(body, 'logs/build.log'))).toBe(false);
  });

  it('fixed FAULT: a UTF-32 console transcript coloured with ANSI escapes keeps no readable token', async () => {
    // Test runners and npm colour every status word: ESC is a control character, one in about eight here.
    const line = (index: number) =>
      `\u001b[32m✓\u001b[39m \u001b[2mtest ${index}\u001b[22m \u001b[90m(2 ms)\u001b[39m\r\n`;
    const transcript = `${Array.from({ length: 40 }, (_, index) => line(index)).join('')}GITHUB_TOKEN=${TOKEN}\r\n`;
    const body = encodeUtf32(transcript, LE);
    expect(showsUtf32Token(await redactArtifactBody(body, 'logs/test-transcript.txt'))).toBe(false);
  });

  it('fixed FAULT: a binary opening with a table of 32-bit ids is still read for its zlib stream (as other binaries are)', async () => {
    const ids = Buffer.alloc(4096);
    for (let index = 0; index < 1024; index += 1) ids.writeUInt32LE(0x1000 + index * 7, index * 4);
    const payload = deflateSync(Buffer.from(`{"deploy":{"token":"${TOKEN}"}}`));
    // The same stream after other binary bytes is inflated, found holding the token, and not kept.
    const control = await redactArtifactBody(
      Buffer.concat([Buffer.alloc(4096, 0xff), payload]),
      'files/a.bin',
    );
    expect(control.includes(payload)).toBe(false);
    const stored = await redactArtifactBody(Buffer.concat([ids, payload]), 'files/assets/index.bin');
    expect(stored.includes(payload)).toBe(false);
  });

  it.each([
    ['Japanese', '注文サービスのデプロイ手順。トークンは設定しないこと。\n'.repeat(60)],
    ['Greek and Hebrew mixed', 'Ανάπτυξη υπηρεσίας — פריסת השירות\n'.repeat(60)],
    ['emoji-heavy chat export', '🚀 deployed ✅ 🎉 👍\n'.repeat(100)],
  ])('recognises BOM-less UTF-32LE %s and redacts a token in it', async (_name, text) => {
    const body = encodeUtf32(`${text}GITHUB_TOKEN=${TOKEN}\n`, LE);
    expect(utf32Form(body)).toEqual(LE);
    expect(showsUtf32Token(await redactArtifactBody(body, 'files/docs/notes.md'))).toBe(false);
  });

  it.each([
    ['float32 samples', Buffer.from(new Float32Array(1024).map((_, i) => Math.sin(i / 10)).buffer)],
    [
      'signed 32-bit PCM',
      Buffer.from(new Int32Array(1024).map((_, i) => Math.round(Math.sin(i / 5) * 2 ** 30)).buffer),
    ],
    ['unix timestamps', Buffer.from(new Uint32Array(1024).map((_, i) => 1_764_560_000 + i * 60).buffer)],
  ])('does not take %s for UTF-32', (_name, bytes) => {
    expect(utf32Form(bytes)).toBeUndefined();
  });
});
