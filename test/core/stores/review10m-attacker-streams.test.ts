/**
 * Attacker pass (review #10m) on compressed streams the artifact store's readers do not know
 * (src/core/stores/embedded-archives.ts `holdsArchive`/`embeddedContents`/`hasUndecodableStream`,
 * readable-texts.ts, through redact-artifact-body.ts). The store keeps binary bytes exactly when
 * every text a reader gets out of them holds no secret, and fails closed (NOT_SCANNED_MARKER) on a
 * stream it cannot read (bzip2, xz, zstd, LZ4, 7z, RAR). A zlib stream (RFC 1950: what a PDF's
 * `/FlateDecode` stream and a git loose object are, and what Node's own `inflateSync` reads) is
 * neither read nor refused: the token inside is kept as "scanned". Unix `compress` (.Z, 1F 9D)
 * and lzip (`LZIP`) streams, which no reader here decodes, are not refused either. A fault is
 * `it.failing` asserting the right answer (the bytes are not kept as they are: redacted, or
 * withheld as not scanned); an attack the code refuses is an ordinary test.
 */
import { constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const CONTENT = Buffer.from(`export GITHUB_TOKEN=${TOKEN}\n`);

/** A one-page PDF whose content stream is FlateDecode'd (what every PDF writer emits). */
function pdf(stream: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length ' +
        stream.length +
        ' /Filter /FlateDecode >>\nstream\n',
      'latin1',
    ),
    stream,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/** `length` pseudo-random bytes (a fixed LCG), standing for ordinary binary data. */
function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/**
 * `text` as a Unix `compress` stream (block mode, 16-bit maximum): one 9-bit literal code per byte,
 * least significant bit first, which every LZW decoder reads (an encoder that never matches).
 */
function compressed(text: Buffer): Buffer {
  const out = Buffer.alloc(3 + Math.ceil((text.length * 9) / 8));
  out.set([0x1f, 0x9d, 0x90]);
  text.forEach((byte, index) => {
    const bit = 24 + index * 9;
    const value = byte << (bit & 7);
    out[bit >> 3] = (out[bit >> 3] ?? 0) | (value & 0xff);
    out[(bit >> 3) + 1] = (out[(bit >> 3) + 1] ?? 0) | (value >> 8);
  });
  return out;
}

describe('review10m attacker: compressed streams neither read nor refused', () => {
  it('a zlib stream (a git loose object, deflateSync) holding a token is not kept', async () => {
    const body = deflateSync(Buffer.concat([Buffer.from(`blob ${CONTENT.length}\0`), CONTENT]));
    const stored = await redactArtifactBody(body, 'files/.git-objects/ab/cdef');
    expect(stored.toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a PDF whose /FlateDecode content stream holds a token is not kept', async () => {
    const body = pdf(deflateSync(Buffer.from(`BT /F1 12 Tf (token ${TOKEN}) Tj ET`)));
    const stored = await redactArtifactBody(body, 'files/docs/runbook.pdf');
    expect(stored.toString()).toBe(NOT_SCANNED_MARKER);
  });

  it.each([
    ['stored (level 0)', 0],
    ['fixed Huffman (level 1, short)', 1],
    ['dynamic Huffman (level 9, long)', 9],
  ])('a zlib stream, %s, after binary bytes is read', async (_kind, level) => {
    const text = level === 9 ? Buffer.concat([Buffer.from('x'.repeat(5000)), CONTENT]) : CONTENT;
    const body = Buffer.concat([noise(1000, 3), deflateSync(text, { level })]);
    expect((await redactArtifactBody(body, 'files/a.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a zlib stream cut short after the token is read as far as it goes', async () => {
    const stream = deflateSync(Buffer.concat([CONTENT, Buffer.from('padding '.repeat(500))]));
    const body = stream.subarray(0, stream.length - 6);
    expect(body.toString('latin1')).not.toContain('ghp_');
    expect((await redactArtifactBody(body, 'files/a.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a zlib stream whose Adler-32 is broken is still read (a lenient reader shows its text)', async () => {
    const stream = Buffer.from(deflateSync(CONTENT));
    stream[stream.length - 1] = (stream[stream.length - 1] ?? 0) ^ 0xff;
    expect((await redactArtifactBody(stream, 'files/a.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a zlib stream that starts reading but is damaged later goes as not scanned', async () => {
    // 2000 bytes of deflate data that read (non-final blocks), then a block of the reserved type 3.
    const start = deflateRawSync(noise(2000, 9), { finishFlush: constants.Z_SYNC_FLUSH });
    const body = Buffer.concat([Buffer.from([0x78, 0x9c]), start, Buffer.from([0x07, 0x00])]);
    expect((await redactArtifactBody(body, 'files/a.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a zlib stream without a secret is kept byte for byte', async () => {
    const body = Buffer.concat([noise(100, 2), deflateSync(Buffer.from('hello world\n'.repeat(50)))]);
    expect((await redactArtifactBody(body, 'files/a.bin')).equals(body)).toBe(true);
  });

  it('random binary data, full of chance zlib headers, stays scanned', async () => {
    for (const seed of [1, 2]) {
      const body = noise(128 * 1024, seed);
      expect((await redactArtifactBody(body, 'files/a.bin')).equals(body)).toBe(true);
    }
  });

  it('bytes packed with zlib headers whose start holds go as not scanned once the probes run out', async () => {
    // A stored block header (78 01, final stored, LEN 1/NLEN) then a cut: every one needs a probe.
    const unit = Buffer.from([0x78, 0x01, 0x01, 0x01, 0x00, 0xfe, 0xff]);
    const body = Buffer.concat(
      Array.from({ length: 2000 }, () => Buffer.concat([unit, Buffer.from([0xff])])),
    );
    expect((await redactArtifactBody(body, 'files/a.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a Unix compress (.Z, magic 1F 9D) stream, which nothing here decodes, is refused as not scanned', async () => {
    const body = compressed(CONTENT);
    const stored = await redactArtifactBody(body, 'files/secrets.env.Z');
    expect(stored.toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a compress stream after other bytes (a .tar.Z appended to a script) is refused', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0x00, 0xfe]), noise(300), compressed(CONTENT)]);
    expect((await redactArtifactBody(body, 'files/x.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('an lzip stream (magic LZIP), which nothing here decodes, is refused as not scanned', async () => {
    const body = Buffer.concat([
      Buffer.from('LZIP\x01\x0c', 'latin1'),
      Buffer.from([0x00, 0x32, 0x9a, 0xc1, 0xfe, 0x8f, 0x81, 0x02]),
    ]);
    const stored = await redactArtifactBody(body, 'files/secrets.env.lz');
    expect(stored.toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('the bare magics without the structure that follows them (a chance 1F 9D, LZIP in text) stay scanned', async () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0x1f, 0x9d, 0x90, 0xff, 0xff, 0xff, 0xff]),
      Buffer.from('LZIP\x07 is not a version', 'latin1'),
      noise(64),
    ]);
    expect((await redactArtifactBody(body, 'files/x.bin')).equals(body)).toBe(true);
  });
});

describe('review10m attacker: compressed streams read (refused)', () => {
  it('a gzip stream holding a token is not kept', async () => {
    const stored = await redactArtifactBody(gzipSync(CONTENT), 'files/secrets.env.gz');
    expect(stored.toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('an xz magic anywhere is refused', async () => {
    const body = Buffer.concat([
      Buffer.from([0x00, 0xff]),
      Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x01]),
    ]);
    expect((await redactArtifactBody(body, 'files/x.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });
});
