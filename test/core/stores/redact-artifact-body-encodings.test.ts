/**
 * `redactArtifactBody` reads what a reader gets out of the bytes: gzip streams and zip entries
 * decompressed (bounded, fail closed), and UTF-16 text decoded and written back in its own form.
 */
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { MAX_INFLATED_BYTES } from '../../../src/core/stores/readable-texts.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

interface Entry {
  readonly name: string;
  readonly content: Buffer;
  readonly method: 0 | 8;
}

/** A zip archive as PKWARE's APPNOTE writes one: local headers and data, central directory, end record. */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content, method } of entries) {
    const data = method === 8 ? deflateRawSync(content) : content;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const env = Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`);
const readme = Buffer.from('# Orders API\n\nDeploys with `npm run deploy`.\n'.repeat(20));

describe('redactArtifactBody: compressed bytes', () => {
  it('keeps a zip without a secret byte for byte (stored and deflated entries)', async () => {
    const archive = zip([
      { name: 'README.md', content: readme, method: 8 },
      { name: 'notes.txt', content: Buffer.from('plain notes'), method: 0 },
    ]);
    expect((await redactArtifactBody(archive, 'bundle/service.zip')).equals(archive)).toBe(true);
  });

  it('withholds a zip whose deflated entry holds a token', async () => {
    const archive = zip([
      { name: 'README.md', content: readme, method: 8 },
      { name: '.env', content: env, method: 8 },
    ]);
    expect((await redactArtifactBody(archive, 'bundle/service.zip')).toString('utf8')).toBe(
      NOT_SCANNED_MARKER,
    );
  });

  it('withholds a token in a gzip stream inside a zip entry (nested)', async () => {
    const archive = zip([{ name: 'config.env.gz', content: gzipSync(env), method: 0 }]);
    expect((await redactArtifactBody(archive, 'bundle/service.zip')).toString('utf8')).toBe(
      NOT_SCANNED_MARKER,
    );
  });

  it('keeps a gzip stream without a secret byte for byte', async () => {
    const stream = gzipSync(readme);
    expect((await redactArtifactBody(stream, 'bundle/service.zip')).equals(stream)).toBe(true);
  });

  it('withholds a gzip stream that inflates past the bound (a decompression bomb), and one cut short', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_INFLATED_BYTES + 1));
    expect((await redactArtifactBody(bomb, 'bundle/service.zip')).toString('utf8')).toBe(NOT_SCANNED_MARKER);
    const cut = gzipSync(env).subarray(0, 12);
    expect((await redactArtifactBody(cut, 'bundle/service.zip')).toString('utf8')).toBe(NOT_SCANNED_MARKER);
  });

  it('withholds a zip entry compressed by a method it cannot read', async () => {
    const archive = zip([{ name: 'a.txt', content: Buffer.from('text'), method: 0 }]);
    archive.writeUInt16LE(12, archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect((await redactArtifactBody(archive, 'bundle/service.zip')).toString('utf8')).toBe(
      NOT_SCANNED_MARKER,
    );
  });
});

describe('redactArtifactBody: UTF-16 text', () => {
  it('redacts UTF-16LE text with a byte order mark and writes it back as UTF-16LE with the mark', async () => {
    const bytes = Buffer.from(`\uFEFFname=orders\nGITHUB_TOKEN=${TOKEN}\n`, 'utf16le');
    const kept = await redactArtifactBody(bytes, 'report/notes.txt');
    expect(kept.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    const text = kept.subarray(2).toString('utf16le');
    expect(text).toContain('name=orders');
    expect(text).not.toContain(TOKEN);
    // Idempotent: the redacted bytes come back as they are.
    expect((await redactArtifactBody(kept, 'report/notes.txt')).equals(kept)).toBe(true);
  });

  it('redacts UTF-16BE text with its mark', async () => {
    const bytes = Buffer.from(`\uFEFFGITHUB_TOKEN=${TOKEN}\n`, 'utf16le').swap16();
    const kept = Buffer.from(await redactArtifactBody(bytes, 'report/notes.txt'));
    expect(kept.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(kept.swap16().toString('utf16le')).not.toContain(TOKEN);
  });

  it('keeps UTF-16 text without a secret byte for byte', async () => {
    const bytes = Buffer.from('plain notes, nothing secret\n', 'utf16le');
    expect((await redactArtifactBody(bytes, 'report/notes.txt')).equals(bytes)).toBe(true);
  });
});
