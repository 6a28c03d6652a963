/**
 * Attacker pass (review #10n) on zlib streams inside binary bodies (src/core/stores/zlib-stream.ts
 * `isZlibHeaderAt`/`zlibStreamAt`, deflate-start.ts, embedded-archives.ts, through
 * redact-artifact-body.ts). A zlib header with FDICT set (a preset dictionary, RFC 1950 §2.2: the
 * 4-byte DICTID then deflate data) is not taken as a candidate at all, so its stream is neither
 * read nor refused; yet the deflate data after the DICTID inflates as raw deflate whenever it does
 * not copy from the dictionary (a token written as literals), and any reader knowing the
 * dictionary reads it whole. Also tried: streams nested in streams, a second stream after a clean
 * one, UTF-16 inside a stream. A fault is `it.failing` asserting the right answer (the bytes are not
 * kept as they are: redacted, or withheld as not scanned); an attack refused is an ordinary test.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { MAX_INFLATED_BYTES } from '../../../src/core/stores/readable-texts.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const CONTENT = Buffer.from(`export GITHUB_TOKEN=${TOKEN}\n`);

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

/** Kept byte for byte (the token inside), rather than redacted or withheld. */
async function keptAsIs(body: Buffer, path = 'files/a.bin'): Promise<boolean> {
  return (await redactArtifactBody(body, path)).equals(body);
}

describe('review10n attacker: a zlib stream with a preset dictionary', () => {
  it('a zlib stream with FDICT (dictionary unused by the token) inside binary data is not kept', async () => {
    const stream = deflateSync(CONTENT, { dictionary: Buffer.from('unrelated dictionary') });
    expect(stream[1]! & 0x20).toBe(0x20);
    const body = Buffer.concat([noise(200), stream, noise(50, 3)]);
    expect(await keptAsIs(body)).toBe(false);
  });

  it('the same stream alone (a .zz file) is not kept', async () => {
    const stream = deflateSync(CONTENT, { dictionary: Buffer.from('GITHUB_TOKEN') });
    expect(await keptAsIs(stream, 'files/secrets.zz')).toBe(false);
  });
});

describe('fix13k: a preset dictionary holding part of the token', () => {
  it('a stream copying the token’s head from its dictionary, inside binary data, is not kept', async () => {
    const stream = deflateSync(CONTENT, {
      dictionary: Buffer.from(`export GITHUB_TOKEN=${TOKEN.slice(0, 12)}`),
    });
    expect(stream[1]! & 0x20).toBe(0x20);
    expect(await keptAsIs(Buffer.concat([noise(300, 11), stream, noise(40, 13)]))).toBe(false);
  });
});

describe('review10n attacker: zlib streams read (refused)', () => {
  it('a clean zlib stream then one holding the token (a PDF with two /FlateDecode streams) is not kept', async () => {
    const clean = deflateSync(Buffer.from('BT /F1 12 Tf (Hello) Tj ET\n'.repeat(20)));
    const body = Buffer.concat([noise(64), clean, noise(64, 5), deflateSync(CONTENT), noise(32, 9)]);
    expect(await keptAsIs(body)).toBe(false);
  });

  it('a zlib stream inside a zlib stream is not kept', async () => {
    const inner = Buffer.concat([noise(40, 4), deflateSync(CONTENT), noise(40, 6)]);
    const body = Buffer.concat([noise(100), deflateSync(inner), noise(20, 2)]);
    expect(await keptAsIs(body)).toBe(false);
  });

  it('a gzip member inside a zlib stream is not kept', async () => {
    const body = Buffer.concat([noise(100), deflateSync(Buffer.concat([noise(30), gzipSync(CONTENT)]))]);
    expect(await keptAsIs(body)).toBe(false);
  });

  it('a zlib stream of UTF-16LE text holding the token is not kept', async () => {
    const body = Buffer.concat([noise(100), deflateSync(Buffer.from(`token=${TOKEN}\r\n`, 'utf16le'))]);
    expect(await keptAsIs(body)).toBe(false);
  });

  it('a deflate bomb in a zlib stream (past MAX_INFLATED_BYTES) goes as not scanned', async () => {
    const body = Buffer.concat([noise(100), deflateSync(Buffer.alloc(MAX_INFLATED_BYTES + 1024 * 1024))]);
    expect((await redactArtifactBody(body, 'files/a.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });
});
