import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { zipDirectory } from '../../src/packaging/zip-directory.js';

describe('zipDirectory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zip-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'handler.js'), 'exports.handler = async () => 1;\n');
    writeFileSync(join(dir, 'nested', 'hook.js'), 'exports.handler = async () => 2;\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('zips every file with forward-slash paths, readable back', () => {
    const files = unzipSync(zipDirectory(dir));
    expect(Object.keys(files).sort()).toEqual(['handler.js', 'nested/hook.js']);
    expect(strFromU8(files['nested/hook.js'] ?? new Uint8Array())).toBe('exports.handler = async () => 2;\n');
  });

  it('gives the same bytes for the same files, whatever their times on disk, and other bytes for other content', () => {
    const first = zipDirectory(dir);
    utimesSync(join(dir, 'handler.js'), new Date('2031-01-01'), new Date('2031-01-01'));
    expect(Buffer.from(zipDirectory(dir)).equals(Buffer.from(first))).toBe(true);
    writeFileSync(join(dir, 'handler.js'), 'exports.handler = async () => 3;\n');
    expect(Buffer.from(zipDirectory(dir)).equals(Buffer.from(first))).toBe(false);
  });
});
