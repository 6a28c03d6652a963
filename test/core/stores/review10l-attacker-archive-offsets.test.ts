/**
 * Attacker pass (review #10l) on where the artifact store's readers look for an archive
 * (src/core/stores/readable-texts.ts `isCompressed`/`collect`, png-text-chunks.ts, through
 * redact-artifact-body.ts): an archive that does not start at byte 0. `unzip`, Python's
 * `zipfile` and GNU tar all find and extract such entries (a zip after a prefix, a zip appended
 * to a PNG: a polyglot image, a tar whose first block is junk), while the store keeps the bytes
 * as "scanned" because only byte 0 is tried. A deflated or gzipped token is invisible in the
 * latin1 reading. A fault (fixed: now an ordinary test) asserts the right answer; an attack the code refuses
 * is an ordinary test.
 */
import { crc32, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const CONTENT = Buffer.from(`token=${TOKEN}\n`);

/** A one-entry zip (deflated), its offsets counted from `base` (where it sits in the whole file). */
function zip(content: Buffer, base = 0): Buffer {
  const name = Buffer.from('a.txt');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const localRecord = Buffer.concat([local, name, data]);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
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

/** A 1×1 grey PNG with the given extra chunks before IEND. */
function png(extra: readonly { type: string; data: Buffer }[] = []): Buffer {
  const chunk = ({ type, data }: { type: string; data: Buffer }) => {
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
    ...[
      { type: 'IHDR', data: header },
      ...extra,
      { type: 'IDAT', data: deflateSync(Buffer.from([0, 0])) },
      { type: 'IEND', data: Buffer.alloc(0) },
    ].map(chunk),
  ]);
}

/** A ustar header with a correct checksum. */
function tarHeader(name: string, size: number): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 'latin1');
  block.write('0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  block.write('00000000000\0', 136, 'latin1');
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

/** What the store keeps: the bytes as given (claimed scanned and clean) or the not-scanned marker. */
async function kept(bytes: Buffer, path: string): Promise<'as-is' | 'not-scanned' | 'other'> {
  const stored = await redactArtifactBody(bytes, path);
  if (stored.equals(bytes)) return 'as-is';
  return stored.toString('utf8') === NOT_SCANNED_MARKER ? 'not-scanned' : 'other';
}

describe('review10l attacker: archives that do not start at byte 0', () => {
  it('FAULT: a zip after a 4-byte binary prefix (unzip and zipfile extract it) is kept as scanned — it must go as not scanned', async () => {
    const prefix = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
    const file = Buffer.concat([prefix, zip(CONTENT, prefix.length)]);
    expect(await kept(file, 'files/bundle.zip')).not.toBe('as-is');
  });

  it('FAULT: a PNG with a zip appended after IEND (a polyglot image unzip reads) is kept as scanned — bytes after IEND must be read or refused', async () => {
    const image = png();
    const file = Buffer.concat([image, zip(CONTENT, image.length)]);
    expect(await kept(file, 'files/public/logo.png')).not.toBe('as-is');
  });

  it('FAULT: the same with a gzip stream after IEND', async () => {
    const file = Buffer.concat([png(), gzipSync(CONTENT)]);
    expect(await kept(file, 'files/public/logo.png')).not.toBe('as-is');
  });

  it('FAULT: a tar whose first block is junk (GNU tar skips to the next header and extracts the gzip entry) is kept as scanned', async () => {
    const gz = gzipSync(CONTENT);
    const junk = Buffer.alloc(512, 0x41);
    junk[0] = 0xff;
    const file = Buffer.concat([junk, tarHeader('token.gz', gz.length), padded(gz), Buffer.alloc(1024)]);
    expect(await kept(file, 'files/release.tar')).not.toBe('as-is');
  });
});

describe('review10l attacker: archives at byte 0 (refused)', () => {
  it('the same zip at byte 0 goes as not scanned', async () => {
    expect(await kept(zip(CONTENT), 'files/bundle.zip')).toBe('not-scanned');
  });

  it('a PNG whose zTXt chunk holds the token goes as not scanned', async () => {
    const image = png([
      { type: 'zTXt', data: Buffer.concat([Buffer.from('Comment\0\0'), deflateSync(CONTENT)]) },
    ]);
    expect(await kept(image, 'files/public/logo.png')).toBe('not-scanned');
  });

  it('a gzip stream with a zip after it goes as not scanned (trailing bytes are refused)', async () => {
    expect(await kept(Buffer.concat([gzipSync(Buffer.from('hello')), zip(CONTENT)]), 'files/a.gz')).toBe(
      'not-scanned',
    );
  });

  it('a clean PNG is kept byte for byte', async () => {
    expect(await kept(png(), 'files/public/logo.png')).toBe('as-is');
  });
});
