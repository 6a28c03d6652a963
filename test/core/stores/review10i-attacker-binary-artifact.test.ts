/**
 * Review 10i (attacker; the faults found are fixed and their tests now plain `it`): the artifact stores' redaction of bytes that are not UTF-8 text
 * (`redactArtifactBody`, src/core/stores/redact-artifact-body.ts), which keeps such bytes exactly
 * when the secret scanner finds nothing readable in them "read one byte a character".
 *
 * Attacked: a secret inside a gzip stream (any `.gz`, `.tgz`, or a zip's deflated entry: one
 * decompression away), and the same text saved as UTF-16 (a `.env` written by a Windows editor:
 * every other byte a NUL, valid UTF-8 without a BOM, so not even the binary branch is taken).
 *
 * Held (passing): an archive entry stored uncompressed (the token readable in the bytes) goes as
 * `[REDACTED:not-scanned]`.
 */
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { NOT_SCANNED_MARKER } from '../../../src/core/secrets/secret-markers.js';
import { createFilesystemArtifactStore } from '../../../src/filesystem/filesystem-artifact-store.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

const env = `GITHUB_TOKEN=${TOKEN}\n`;
const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };

describe('binary artifacts and the one redaction path (review10i)', () => {
  it('held: bytes that are not UTF-8 with the token readable in them go as not-scanned', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]), Buffer.from(env)]);
    expect((await redactArtifactBody(bytes, 'bundle/archive.zip')).toString('utf8')).toBe(NOT_SCANNED_MARKER);
  });

  it('a gzip stream holding a token is not kept exactly (it is read decompressed, and withheld)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'review10i-artifacts-'));
    const store = createFilesystemArtifactStore(root);
    const stored = await store.put({ ...where, path: 'bundle/config.env.gz', body: gzipSync(env) });
    const kept = await readFile(path.join(root, 'artifacts', ...stored.key.split('/')));
    // Right: what cannot be read is not kept as it is (fail closed), or is read decompressed.
    expect(kept.equals(gzipSync(env))).toBe(false);
  });

  it('the same text saved as UTF-16LE loses the token (every other byte a NUL)', async () => {
    const utf16 = Buffer.from(env, 'utf16le');
    const kept = await redactArtifactBody(utf16, 'bundle/config.env');
    expect(kept.toString('utf16le')).not.toContain(TOKEN);
  });
});
