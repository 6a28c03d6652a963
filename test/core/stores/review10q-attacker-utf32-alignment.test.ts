/**
 * Attacker pass (review #10q) on UTF-32 text recognised by its structure
 * (src/core/stores/utf32-text.ts `utf32Form`, read by redact-artifact-body.ts). `utf32Form` reads
 * the sample's 4-byte units from byte 0 only. UTF-32LE text of ASCII that starts two bytes late
 * (after `> `, `\r\n`, or a log header whose length is 2 mod 4) reads, big-endian from byte 0, as
 * `00 00 74 00` → U+7400: every unit a CJK letter, so the bytes pass for big-endian UTF-32 text,
 * are decoded as such, hold no secret in that reading, and are stored exactly — token included.
 * `utf32Runs`, which reads all four alignments, is never asked. Control: the same text starting at
 * a 4-byte boundary. A fault is `it.failing` asserting
 * the right answer; an attack refused is an ordinary test.
 */
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

function utf32le(text: string): Buffer {
  const points = [...text];
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => bytes.writeUInt32LE(point.codePointAt(0) ?? 0, index * 4));
  return bytes;
}

const LOG = `Out-File output follows\nGITHUB_TOKEN: ${TOKEN}\nDone.\n`;

describe('review10q attacker: UTF-32LE text two bytes off a 4-byte boundary', () => {
  it.failing.each([
    ['a `> ` quote prefix', '> '],
    ['a CRLF', '\r\n'],
    ['a 10-byte UTF-8 log header', 'log start\n'],
  ])('FAULT: after %s, the token is not stored', async (_name, prefix) => {
    const body = Buffer.concat([Buffer.from(prefix, 'utf8'), utf32le(LOG)]);
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(stored.includes(utf32le(TOKEN))).toBe(false);
  });

  it.each([
    ['no prefix', ''],
    ['a 4-byte header', 'log\n'],
  ])('with %s, the token is not stored (control)', async (_name, prefix) => {
    const body = Buffer.concat([Buffer.from(prefix, 'utf8'), utf32le(LOG)]);
    const stored = await redactArtifactBody(body, 'logs/build.log');
    expect(stored.includes(utf32le(TOKEN))).toBe(false);
  });
});
