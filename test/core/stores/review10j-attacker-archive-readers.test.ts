/**
 * Attacker pass (review #10j) on the artifact store's readers of binary texts
 * (src/core/stores/tar-entries.ts, png-text-chunks.ts, readable-texts.ts, through
 * redact-artifact-body.ts): malicious tar headers (a pax `size` that overrides the ustar size,
 * huge and negative base-256 sizes, bad checksums), zip central directories that list one entry
 * many times, PNG chunk bombs. A fault is `it.failing` asserting the right answer; an attack the
 * code refuses is an ordinary test.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import { MAX_INFLATED_BYTES, readableTexts } from '../../../src/core/stores/readable-texts.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { tarEntries } from '../../../src/core/stores/tar-entries.js';
import { pngTextChunks } from '../../../src/core/stores/png-text-chunks.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

/** A ustar header with a correct checksum; `size` written in octal unless `sizeField` is given. */
function header(name: string, size: number, type: string, sizeField?: Buffer): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 'latin1');
  block.write('0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  if (sizeField === undefined) block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  else sizeField.copy(block, 124);
  block.write('00000000000\0', 136, 'latin1');
  block.write(type, 156, 'latin1');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}
const padded = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512)]);
/** A pax extended header record (`<length> <keyword>=<value>\n`, the length counting itself). */
function paxRecord(keyword: string, value: string): Buffer {
  const rest = ` ${keyword}=${value}\n`;
  let length = rest.length + 1;
  while (`${length}${rest}`.length !== length) length += 1;
  return Buffer.from(`${length}${rest}`, 'latin1');
}

/** A zip whose central directory lists one stored entry `times` times (all at the same local header). */
function overlappingZip(content: Buffer, times: number): Buffer {
  const name = Buffer.from('a.txt');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 8); // method 0: stored
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const localRecord = Buffer.concat([local, name, content]);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 10);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralRecord = Buffer.concat([central, name]);
  const directory = Buffer.concat(Array.from({ length: times }, () => centralRecord));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(times, 8);
  end.writeUInt16LE(times, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(localRecord.length, 16);
  return Buffer.concat([localRecord, directory, end]);
}

function png(chunks: readonly { type: string; data: Buffer }[]): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunk = ({ type, data }: { type: string; data: Buffer }) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([signature, ...chunks.map(chunk), chunk({ type: 'IEND', data: Buffer.alloc(0) })]);
}

describe('review10j attacker: tar', () => {
  // GNU tar, bsdtar and node-tar take a pax `size` over the ustar size field (POSIX.1-2001 pax,
  // "size"). Here the pax size says a.txt is 512 bytes; its ustar field says 1,536, so the walker
  // takes the next header and b.gz (a gzip stream holding a token) as a.txt's data and never
  // inflates b.gz. `tar -xf` extracts b.gz, and `zcat b.gz` shows the token.
  const gz = gzipSync(Buffer.from(`token=${TOKEN}\n`));
  const pax = paxRecord('size', '512');
  const archive = Buffer.concat([
    header('PaxHeaders/a.txt', pax.length, 'x'),
    padded(pax),
    header('a.txt', 512 + 512 + padded(gz).length, '0'),
    Buffer.alloc(512, 'h'),
    header('b.gz', gz.length, '0'),
    padded(gz),
    Buffer.alloc(1024),
  ]);

  it('FAULT: a pax size that overrides the ustar size hides a gzip entry holding a token', async () => {
    const texts = readableTexts(archive);
    // Right: b.gz is read as a reader extracts it (inflated) and the token seen, or the archive
    // is not claimed readable at all; either way the store does not keep it as it is.
    expect(texts === undefined || texts.some((text) => text.includes(TOKEN))).toBe(true);
    expect((await redactArtifactBody(archive, 'bundle.tar')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('FAULT: a v7 tar (no ustar mark, which GNU tar still extracts) holding a gzip entry is kept as is', async () => {
    const gzipped = gzipSync(Buffer.from(`token=${TOKEN}\n`));
    const block = header('b.gz', gzipped.length, '0');
    // The same header without the mark (bytes 257…264 zero) and its checksum made again.
    block.fill(0, 257, 265);
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of block) sum += byte;
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const v7 = Buffer.concat([block, padded(gzipped), Buffer.alloc(1024)]);
    // `tar -xf` extracts b.gz and `zcat b.gz` shows the token; the store keeps the bytes exactly.
    expect((await redactArtifactBody(v7, 'bundle.tar')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a huge or negative base-256 size, or a size past the end, does not read', () => {
    const huge = Buffer.from([0x80, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const negative = Buffer.alloc(12, 0xff);
    for (const sizeField of [huge, negative]) {
      const bytes = Buffer.concat([header('a', 0, '0', sizeField), Buffer.alloc(1024)]);
      expect(tarEntries(bytes)).toBeUndefined();
    }
    expect(tarEntries(Buffer.concat([header('a', 4096, '0'), Buffer.alloc(1024)]))).toBeUndefined();
  });

  it('many long-name and pax entries are read once each, linearly (no loop)', () => {
    const blocks: Buffer[] = [];
    for (let index = 0; index < 2000; index += 1) {
      const name = padded(Buffer.from(`${'n'.repeat(200)}${index}\0`));
      blocks.push(header('././@LongLink', name.length, 'L'), name);
    }
    const bytes = Buffer.concat([...blocks, header('a', 0, '0'), Buffer.alloc(1024)]);
    expect(tarEntries(bytes)).toHaveLength(2001);
  });

  it('a header whose checksum does not hold makes the archive unreadable (not scanned)', async () => {
    const bad = header('a', 0, '0');
    bad[0] = 'b'.charCodeAt(0);
    const bytes = Buffer.concat([header('ok', 0, '0'), bad, Buffer.alloc(1024)]);
    expect(tarEntries(bytes)).toBeUndefined();
  });
});

describe('review10j attacker: zip', () => {
  it('FAULT: a central directory listing one stored entry many times unpacks past MAX_INFLATED_BYTES', () => {
    // 1 KiB stored once, listed 40,000 times: 41 MB of texts from a 2 MB archive. Stored
    // entries are not counted against the budget (only inflated ones are); 65,535 listings of a
    // 1 MB entry would make 64 GB of strings.
    const bytes = overlappingZip(Buffer.alloc(1024, 'a'), 40_000);
    expect(bytes.length).toBeLessThan(MAX_INFLATED_BYTES);
    const texts = readableTexts(bytes);
    // Past the archive's own bytes (the first text), what it unpacks to is held to the bound.
    const unpacked = texts?.slice(1).reduce((sum, text) => sum + text.length, 0) ?? 0;
    expect(texts === undefined || unpacked <= MAX_INFLATED_BYTES).toBe(true);
  });
});

describe('review10j attacker: PNG', () => {
  it('a zTXt bomb (inflates past the bound) makes the image not scanned', async () => {
    const bomb = deflateSync(Buffer.alloc(MAX_INFLATED_BYTES + 1));
    const image = png([{ type: 'zTXt', data: Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), bomb]) }]);
    expect(readableTexts(image)).toBeUndefined();
    expect((await redactArtifactBody(image, 'shot.png')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('many small zTXt chunks share one budget', () => {
    const part = deflateSync(Buffer.alloc(1024 * 1024));
    const chunks = Array.from({ length: 17 }, () => ({
      type: 'zTXt',
      data: Buffer.concat([Buffer.from('k\0\0', 'latin1'), part]),
    }));
    expect(readableTexts(png(chunks))).toBeUndefined();
  });

  it('a chunk length past the end, or a text chunk with no keyword end, does not read', () => {
    const image = png([{ type: 'tEXt', data: Buffer.from('no separator') }]);
    expect(pngTextChunks(image)).toBeUndefined();
    const cut = png([{ type: 'tEXt', data: Buffer.from('k\0v') }]);
    cut.writeUInt32BE(0xffffffff, 8);
    expect(pngTextChunks(cut)).toBeUndefined();
  });

  it('a token in an iTXt translated keyword is seen', async () => {
    const data = Buffer.concat([Buffer.from(`k\0\0\0en\0${TOKEN}\0text`, 'utf8')]);
    const image = png([{ type: 'iTXt', data }]);
    expect(readableTexts(image)?.some((text) => text.includes(TOKEN))).toBe(true);
    expect((await redactArtifactBody(image, 'shot.png')).toString()).toBe(NOT_SCANNED_MARKER);
  });
});

describe('review10j fix: more of each kind', () => {
  it('a zip listing one entry twice is refused even when small (overlap), not only past the budget', () => {
    expect(readableTexts(overlappingZip(Buffer.from(`token=${TOKEN}`), 2))).toBeUndefined();
    expect(readableTexts(overlappingZip(Buffer.from('plain'), 1))).toBeDefined();
  });

  it('stored zip entries count against the budget', () => {
    expect(readableTexts(overlappingZip(Buffer.alloc(MAX_INFLATED_BYTES + 1, 'a'), 1))).toBeUndefined();
  });

  it('a pax size is honoured for the next entry only; a global size or sparse records are not read', () => {
    const pax = paxRecord('size', '3');
    const archive = Buffer.concat([
      header('PaxHeaders/a', pax.length, 'x'),
      padded(pax),
      header('a', 999, '0'),
      padded(Buffer.from('abc')),
      header('b', 5, '0'),
      padded(Buffer.from('hello')),
      Buffer.alloc(1024),
    ]);
    expect(
      tarEntries(archive)
        ?.slice(1)
        .map((entry) => entry.toString()),
    ).toEqual(['abc', 'hello']);
    for (const [type, record] of [
      ['g', paxRecord('size', '3')],
      ['x', paxRecord('GNU.sparse.size', '3')],
      ['x', Buffer.from('99 size=3\n')],
    ] as const) {
      const bytes = Buffer.concat([header('P', record.length, type), padded(record), Buffer.alloc(1024)]);
      expect(tarEntries(bytes)).toBeUndefined();
    }
  });

  it('a v7 tar is walked: its entries are read', () => {
    const block = header('a.txt', 5, '0');
    block.fill(0, 257, 265);
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of block) sum += byte;
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const v7 = Buffer.concat([block, padded(Buffer.from('hello')), Buffer.alloc(1024)]);
    expect(tarEntries(v7)?.map((entry) => entry.toString())).toEqual(['hello']);
    expect(readableTexts(v7)?.filter((text) => text === 'hello')).toHaveLength(1);
  });
});
