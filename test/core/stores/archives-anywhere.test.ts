/**
 * Archives and compressed streams are found wherever they sit in an artifact, not only at byte 0
 * (issue #10, review 10l): a zip found from its end record (with its offsets as written, or
 * shifted by a prefix as unzip and Python's zipfile compensate), gzip members, tar archives at any
 * 512-byte block, bytes after a PNG's IEND, and streams with no decoder (not scanned). Clean files
 * are kept byte for byte, and text that merely contains "PK" stays text. UTF-16 is read when its
 * start is not ASCII: by its structure, or as runs of UTF-16 text inside a binary.
 */
import { crc32, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { readableTexts } from '../../../src/core/stores/readable-texts.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { utf16Form, utf16Runs } from '../../../src/core/stores/utf16-text.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

const SECRET = Buffer.from(`token=${TOKEN}\n`);
const CLEAN = Buffer.from('# Orders API\n\nDeploys with `npm run deploy`.\n'.repeat(10));

/**
 * A one-entry zip; `base` is added to the offsets it writes (where it sits in the whole file: 0
 * leaves them relative to its own start, as a zip with a prefix prepended later has them).
 */
function zip(content: Buffer, base = 0, method: 0 | 8 = 8): Buffer {
  const name = Buffer.from('a.txt');
  const data = method === 8 ? deflateRawSync(content) : content;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const localRecord = Buffer.concat([local, name, data]);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(base, 42);
  const centralRecord = Buffer.concat([central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralRecord.length, 12);
  end.writeUInt32LE(base + localRecord.length, 16);
  return Buffer.concat([localRecord, centralRecord, end]);
}

/** A ustar header with a correct checksum. */
function tarHeader(name: string, size: number): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 'latin1');
  block.write('0000644\0', 100, 'latin1');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  block.write('0', 156, 'latin1');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}
const padded = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512)]);
const tar = (name: string, content: Buffer) =>
  Buffer.concat([tarHeader(name, content.length), padded(content), Buffer.alloc(1024)]);

/** A 1×1 PNG (its IDAT deflated). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `length` pseudo-random bytes (a fixed LCG: the same every run), standing for ordinary binary data. */
function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

const BINARY_PREFIX = Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x89, 0x00]);

async function kept(bytes: Buffer, path = 'files/bundle.bin'): Promise<'as-is' | 'not-scanned' | 'other'> {
  const stored = await redactArtifactBody(bytes, path);
  if (stored.equals(bytes)) return 'as-is';
  return stored.toString('utf8') === NOT_SCANNED_MARKER ? 'not-scanned' : 'other';
}

describe('archives anywhere in an artifact', () => {
  it('a zip after a prefix holding a token goes as not scanned, its offsets absolute or relative (shifted as unzip does)', async () => {
    expect(await kept(Buffer.concat([BINARY_PREFIX, zip(SECRET, BINARY_PREFIX.length)]))).toBe('not-scanned');
    expect(await kept(Buffer.concat([BINARY_PREFIX, zip(SECRET, 0)]))).toBe('not-scanned');
  });

  it('a clean zip after a prefix, or appended to a PNG, is kept byte for byte', async () => {
    expect(await kept(Buffer.concat([BINARY_PREFIX, zip(CLEAN, BINARY_PREFIX.length)]))).toBe('as-is');
    const image = png();
    expect(await kept(Buffer.concat([image, zip(CLEAN, image.length)]), 'files/logo.png')).toBe('as-is');
    expect(await kept(Buffer.concat([image, gzipSync(CLEAN)]), 'files/logo.png')).toBe('as-is');
  });

  it('a zip stored inside a zip entry is read once, through the entry (its records are no stray signature)', async () => {
    expect(await kept(zip(zip(CLEAN), 0, 0))).toBe('as-is');
    expect(await kept(zip(zip(SECRET), 0, 0))).toBe('not-scanned');
  });

  it('a local header outside every zip read (no end record: a streaming reader still reads it) goes as not scanned', async () => {
    const whole = zip(CLEAN);
    const localOnly = whole.subarray(0, whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(await kept(Buffer.concat([BINARY_PREFIX, localOnly]))).toBe('not-scanned');
  });

  it('many end records that point at one entry read it once at most (refused as overlapping)', async () => {
    const first = zip(CLEAN);
    const repeats: Buffer[] = [first];
    for (let index = 0; index < 50; index += 1) {
      // A central directory (51 bytes) and end record of its own, naming the first zip's local header.
      const copy = Buffer.from(first.subarray(first.length - 51 - 22));
      const directoryAt = BINARY_PREFIX.length + repeats.reduce((total, part) => total + part.length, 0);
      copy.writeUInt32LE(BINARY_PREFIX.length, 42);
      copy.writeUInt32LE(directoryAt, 51 + 16);
      repeats.push(copy);
    }
    expect(readableTexts(Buffer.concat([BINARY_PREFIX, ...repeats]))).toBeUndefined();
  });

  it('a gzip member in the middle of binary data is read: a token goes as not scanned, a clean one is kept', async () => {
    expect(await kept(Buffer.concat([noise(3000), gzipSync(SECRET), noise(500, 9)]))).toBe('not-scanned');
    expect(await kept(Buffer.concat([noise(3000), gzipSync(CLEAN), noise(500, 9)]))).toBe('as-is');
    expect(await kept(Buffer.concat([gzipSync(CLEAN), gzipSync(SECRET)]), 'files/a.gz')).toBe('not-scanned');
  });

  it('a gzip header whose stream does not inflate goes as not scanned (fail closed)', async () => {
    const broken = Buffer.concat([
      noise(100),
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff]),
      noise(100, 3),
    ]);
    expect(await kept(broken)).toBe('not-scanned');
  });

  it('a stream with no decoder anywhere in binary data goes as not scanned', async () => {
    for (const magic of [
      [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
      [0x28, 0xb5, 0x2f, 0xfd],
      [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
      [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
    ])
      expect(await kept(Buffer.concat([noise(700), Buffer.from(magic), noise(300, 5)]))).toBe('not-scanned');
  });

  it('a tar at a later block (GNU tar skips junk blocks), or a second tar after the first one ends, is read', async () => {
    const junk = Buffer.concat([noise(512), noise(512, 11)]);
    expect(await kept(Buffer.concat([junk, tar('a.txt', gzipSync(SECRET))]), 'files/r.tar')).toBe(
      'not-scanned',
    );
    expect(await kept(Buffer.concat([junk, tar('a.txt', gzipSync(CLEAN))]), 'files/r.tar')).toBe('as-is');
    const two = Buffer.concat([tar('a.txt', CLEAN), noise(512), tar('b.gz', gzipSync(SECRET))]);
    expect(await kept(two, 'files/r.tar')).toBe('not-scanned');
  });

  it('ordinary binary data and text that merely contains "PK" or "BZh" are not taken for archives', async () => {
    expect(await kept(noise(256 * 1024))).toBe('as-is');
    const text = `PK is the primary key; BZh is not bzip2 without its magic.\n`.repeat(50);
    expect(await kept(Buffer.from(text), 'files/notes.md')).toBe('as-is');
    const stored = await redactArtifactBody(Buffer.from(`${text}token=${TOKEN}\n`), 'files/notes.md');
    expect(stored.toString('utf8')).toContain('PK is the primary key');
    expect(stored.toString('utf8')).not.toContain(TOKEN);
  });
});

describe('UTF-16 whose start is not ASCII', () => {
  const comment = '# 設定ファイル：本番環境の接続情報を記載します。\n'.repeat(120);

  it('is known by its structure and redacted in place, in either byte order', async () => {
    const little = Buffer.from(`${comment}TOKEN=${TOKEN}\n`, 'utf16le');
    expect(utf16Form(little)).toEqual({ bigEndian: false, bom: false });
    const stored = await redactArtifactBody(little, 'files/.env');
    expect(stored.toString('utf16le')).toContain('TOKEN=[REDACTED');
    expect(stored.toString('utf16le')).toContain('本番環境');
    const big = Buffer.from(little).swap16();
    expect(utf16Form(big)).toEqual({ bigEndian: true, bom: false });
    expect(
      Buffer.from(await redactArtifactBody(big, 'files/.env'))
        .swap16()
        .toString('utf16le'),
    ).not.toContain(TOKEN);
  });

  it('a clean one is kept byte for byte; random binary data is not taken for UTF-16', async () => {
    const clean = Buffer.from(`${comment}NAME=orders\n`, 'utf16le');
    expect(await kept(clean, 'files/.env')).toBe('as-is');
    expect(utf16Form(noise(64 * 1024))).toBeUndefined();
    expect(utf16Runs(noise(64 * 1024))).toEqual([]);
  });

  it('a UTF-16 string inside a binary (strings -el shows it) holding a token goes as not scanned, at either alignment', async () => {
    for (const offset of [0, 1]) {
      const bytes = Buffer.concat([
        noise(1000 + offset),
        Buffer.from(`token=${TOKEN}`, 'utf16le'),
        noise(1000, 4),
      ]);
      expect(await kept(bytes)).toBe('not-scanned');
      expect(
        await kept(
          Buffer.concat([
            noise(1000 + offset),
            Buffer.from(`token=${TOKEN}`, 'utf16le').swap16(),
            noise(1000, 4),
          ]),
        ),
      ).toBe('not-scanned');
    }
  });
});
