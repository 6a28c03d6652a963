/**
 * Attacker pass (review #10o) on UTF-32 read by the artifact stores (src/core/stores/utf32-text.ts
 * `utf32Form`, through redact-artifact-body.ts), landed last session. Without a byte order mark,
 * UTF-32 is recognised only when 90 % of the first 4 KiB's 4-byte units are ASCII characters. A
 * text that opens with non-ASCII prose (a Japanese README section, the form review10l tried on
 * UTF-16) is written `42 30 00 00`… in UTF-32LE (Python's `encoding='utf-32-le'`, which writes no
 * BOM): every byte below 0x80, so it is valid UTF-8 and read as such, where each ASCII character of
 * a token later in the file stands three NULs apart from the next and no scan sees it. A fault is
 * `it.failing` asserting the right answer (the bytes are not kept as they are: redacted, or
 * withheld as not scanned); an attack refused is an ordinary test.
 */
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const utf32 = (text: string, bigEndian = false) => {
  const points = [...text];
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) =>
    bigEndian
      ? bytes.writeUInt32BE(point.codePointAt(0) ?? 0, index * 4)
      : bytes.writeUInt32LE(point.codePointAt(0) ?? 0, index * 4),
  );
  return bytes;
};
/** About 1,100 characters of Japanese prose: 4.4 KiB in UTF-32, past the 4 KiB sample. */
const PROSE =
  '# 注文API\n\nこのサービスは注文を受け付けて保存します。デプロイ手順は以下のとおりです。\n'.repeat(25);
const NOTES = `${PROSE}\nGITHUB_TOKEN=${TOKEN}\n`;

describe('review10o attacker: BOM-less UTF-32 that opens with non-ASCII text', () => {
  it('fixed FAULT: UTF-32LE notes opening with Japanese prose keep no readable token', async () => {
    const body = utf32(NOTES);
    expect((await redactArtifactBody(body, 'files/docs/deploy-notes.md')).equals(body)).toBe(false);
  });
});

describe('review10o attacker: UTF-32 forms (refused)', () => {
  it('the same notes with a UTF-32LE BOM are not kept as they are', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), utf32(NOTES)]);
    expect((await redactArtifactBody(body, 'files/docs/deploy-notes.md')).equals(body)).toBe(false);
  });

  it('the same notes in BOM-less UTF-16LE are not kept as they are', async () => {
    const body = Buffer.from(NOTES, 'utf16le');
    expect((await redactArtifactBody(body, 'files/docs/deploy-notes.md')).equals(body)).toBe(false);
  });

  it('BOM-less UTF-32LE with an English line first (mostly ASCII) is not kept as it is', async () => {
    const body = utf32(`# Orders API\n\nDeploy with the workflow.\nGITHUB_TOKEN=${TOKEN}\n`);
    expect((await redactArtifactBody(body, 'files/docs/deploy-notes.md')).equals(body)).toBe(false);
  });
});
