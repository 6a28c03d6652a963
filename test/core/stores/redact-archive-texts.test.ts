/**
 * Tar archives, bzip2 and xz streams and PNG text chunks were scanned only as raw bytes: a secret
 * in a gzip stream inside a tar, in a UTF-16 file inside a tar, in a PNG's compressed `zTXt` or
 * `iTXt` chunk, or in any bzip2 or xz stream went out unseen, and a tar of text was "redacted" in
 * place as text (its sizes no longer held). Tar entries are now walked, PNG text chunks read
 * (inflated), bounded like gzip and zip; bzip2 and xz, which Node cannot decode, go as not scanned.
 */
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import { MAX_INFLATED_BYTES, readableTexts } from '../../../src/core/stores/readable-texts.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { tarEntries } from '../../../src/core/stores/tar-entries.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

/** A POSIX ustar archive: a 512-byte header per entry (octal fields, checksum), data padded to 512, two zero blocks. */
function tar(entries: readonly { name: string; content: Buffer; type?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, content, type = '0' } of entries) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 'latin1');
    header.write('0000644\0', 100, 'latin1');
    header.write('0000000\0', 108, 'latin1');
    header.write('0000000\0', 116, 'latin1');
    header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('00000000000\0', 136, 'latin1');
    header.write(type, 156, 'latin1');
    header.write('ustar\0', 257, 'latin1');
    header.write('00', 263, 'latin1');
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A PNG: signature, IHDR, the given chunks, IEND, each with its length and CRC. */
function png(chunks: readonly { type: string; data: Buffer }[]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...chunks.map(({ type, data }) => chunk(type, data)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const text = (value: string) => Buffer.from(value, 'latin1');

describe('tar archives', () => {
  it('walks entries as a tar reader does', () => {
    const archive = tar([
      { name: 'a.txt', content: text('first') },
      { name: 'dir/', content: Buffer.alloc(0), type: '5' },
      { name: 'b.txt', content: text('x'.repeat(700)) },
    ]);
    expect(tarEntries(archive)?.map((entry) => entry.toString('latin1'))).toEqual(['first', 'x'.repeat(700)]);
  });

  it('keeps a tar without a secret byte for byte', async () => {
    const archive = tar([{ name: 'notes.txt', content: text('deploy notes\n') }]);
    expect(await redactArtifactBody(archive, 'bundle.tar')).toEqual(archive);
  });

  it('FAULT: a gzip stream inside a tar holding a token goes as not scanned', async () => {
    const archive = tar([{ name: 'env.gz', content: gzipSync(`GITHUB_TOKEN=${TOKEN}\n`) }]);
    expect((await redactArtifactBody(archive, 'bundle.tar')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('FAULT: a UTF-16 file inside a tar holding a token goes as not scanned', async () => {
    const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`token ${TOKEN}`, 'utf16le')]);
    const archive = tar([{ name: 'token.txt', content: wide }]);
    expect((await redactArtifactBody(archive, 'bundle.tar')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('FAULT: a tar of text with a token is never rewritten in place as text (its sizes would lie)', async () => {
    const archive = tar([{ name: 'env', content: text(`GITHUB_TOKEN=${TOKEN}\n`) }]);
    expect((await redactArtifactBody(archive, 'bundle.tar')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('reads no more than the bound in all, and a damaged header not at all', () => {
    const big = tar([{ name: 'big.bin', content: Buffer.alloc(MAX_INFLATED_BYTES + 1) }]);
    expect(readableTexts(big)).toBeUndefined();
    const damaged = tar([{ name: 'a.txt', content: text('a') }]);
    damaged.write('9', 124, 'latin1');
    expect(readableTexts(damaged)).toBeUndefined();
  });
});

describe('bzip2 and xz streams', () => {
  it.each([
    ['bzip2', Buffer.concat([text('BZh91AY&SY'), Buffer.from([0x12, 0x34, 0x56])])],
    [
      'xz',
      Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.from([0x00, 0x04, 0xe6])]),
    ],
  ])('FAULT: a %s stream is never claimed scanned: it goes as not scanned', async (_name, stream) => {
    expect(readableTexts(stream)).toBeUndefined();
    expect((await redactArtifactBody(stream, 'logs.bin')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('a text that only starts with BZh is text', async () => {
    const body = Buffer.from('BZh is how bzip2 streams start\n');
    expect(await redactArtifactBody(body, 'notes.txt')).toEqual(body);
  });
});

describe('PNG text chunks', () => {
  const zTXt = (keyword: string, value: string) =>
    Buffer.concat([text(keyword), Buffer.from([0, 0]), deflateSync(value)]);
  const iTXt = (keyword: string, value: string) =>
    Buffer.concat([
      text(keyword),
      Buffer.from([0, 1, 0]),
      text('en'),
      Buffer.from([0]),
      Buffer.from([0]),
      deflateSync(value),
    ]);

  it('FAULT: a token in a compressed zTXt chunk goes as not scanned', async () => {
    const image = png([{ type: 'zTXt', data: zTXt('Comment', `token ${TOKEN}`) }]);
    expect(image.toString('latin1')).not.toContain(TOKEN);
    expect((await redactArtifactBody(image, 'diagram.png')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('FAULT: a token in a compressed iTXt chunk goes as not scanned', async () => {
    const image = png([{ type: 'iTXt', data: iTXt('Description', `token ${TOKEN}`) }]);
    expect((await redactArtifactBody(image, 'diagram.png')).toString()).toBe(NOT_SCANNED_MARKER);
  });

  it('keeps a PNG whose text chunks hold no secret byte for byte, and reads their texts', async () => {
    const image = png([
      { type: 'tEXt', data: Buffer.concat([text('Software'), Buffer.from([0]), text('diagrams')]) },
      { type: 'zTXt', data: zTXt('Comment', 'the orders flow') },
    ]);
    expect(readableTexts(image)).toEqual(
      expect.arrayContaining(['Software: diagrams', 'Comment: the orders flow']),
    );
    expect(await redactArtifactBody(image, 'diagram.png')).toEqual(image);
  });

  it('a text chunk that does not inflate makes the image not scanned', () => {
    const image = png([
      { type: 'zTXt', data: Buffer.concat([text('Comment'), Buffer.from([0, 0, 1, 2, 3])]) },
    ]);
    expect(readableTexts(image)).toBeUndefined();
  });
});
