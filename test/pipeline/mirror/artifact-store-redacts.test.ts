/** Every artifact store redacts at its port, so no caller can keep a secret by forgetting to redact first (issue #10). */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFilesystemArtifactStore } from '../../../src/filesystem/filesystem-artifact-store.js';

const TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const where = { repo: 'acme/shop', taskId: 'acme/shop#9', attempt: 1 };

describe('artifact store port: redaction', () => {
  it('keeps a text artifact redacted, and an already redacted one byte for byte', async () => {
    const store = createFilesystemArtifactStore(await mkdtemp(path.join(os.tmpdir(), 'artifacts-')));
    await store.put({ ...where, path: 'answer.json', body: JSON.stringify({ note: `token ${TOKEN}` }) });
    const kept = await store.get({ ...where, path: 'answer.json' });
    const text = Buffer.from(kept!.body).toString('utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('[REDACTED:');
    const again = await store.put({ ...where, path: 'copy.json', body: kept!.body });
    expect(again.sha256).toBe(kept!.sha256);
  });

  it('keeps bytes that are not UTF-8 text (an archive) exactly, and withholds them when a secret is readable in them', async () => {
    const store = createFilesystemArtifactStore(await mkdtemp(path.join(os.tmpdir(), 'artifacts-')));
    const blob = new Uint8Array([0xff, 0xfe, 0x00, 0x80]);
    await store.put({ ...where, path: 'blob.bin', body: blob });
    expect(Array.from((await store.get({ ...where, path: 'blob.bin' }))!.body)).toEqual(Array.from(blob));

    const leaking = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(`token=${TOKEN}\n`)]);
    await store.put({ ...where, path: 'leak.bin', body: leaking });
    const kept = await store.get({ ...where, path: 'leak.bin' });
    expect(Buffer.from(kept!.body).toString('utf8')).toBe('[REDACTED:not-scanned]');
  });
});
