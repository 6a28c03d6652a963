/**
 * Review 10h (attack on issue #10): the CLI's artifacts sync (`syncArtifactMirror`) meeting a local
 * artifact whose bytes no longer match the sha256 kept beside them (a file edited or damaged in the
 * out folder).
 *
 * The local store's `get` answers `undefined` for such bytes (rightly: they are not what was
 * stored), and the sync then `continue`s: nothing is copied, nothing is said, and the result is
 * `in-sync` with no writes although the bucket lacks the artifact. The README: a drop "is never
 * silent". The right answer names the artifact it could not copy (status `behind`, a warning).
 *
 * Tried and held: an intact artifact the bucket lacks is copied (`caught-up`); a second sync is
 * `in-sync` with no writes.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { syncArtifactMirror } from '../../../src/pipeline/mirror/sync-artifact-mirror.js';

const where = { repo: 'local/shop', taskId: 'local/shop#orders@abcdef012345' };

async function stores() {
  const out = await mkdtemp(path.join(os.tmpdir(), 'out-'));
  const bucket = await mkdtemp(path.join(os.tmpdir(), 'bucket-'));
  return { out, source: filesystemStores(out).artifacts, mirror: filesystemStores(bucket).artifacts };
}

describe('review10h: a damaged local artifact in the CLI artifacts sync', () => {
  it('held: an intact artifact is copied once, then the mirror is in sync', async () => {
    const { source, mirror } = await stores();
    await source.put({ ...where, attempt: 1, path: 'answer.json', body: '{"ok":true}\n' });
    const first = await syncArtifactMirror({ source, mirror, ...where });
    expect(first).toMatchObject({ status: 'caught-up', writes: 1 });
    expect(await syncArtifactMirror({ source, mirror, ...where })).toMatchObject({
      status: 'in-sync',
      writes: 0,
    });
  });

  it('fixed: (was a silent drop) an artifact whose local bytes no longer match their sha256 is skipped and the sync says in-sync (sync-artifact-mirror.ts `if (stored === undefined) continue`)', async () => {
    const { out, source, mirror } = await stores();
    const stored = await source.put({ ...where, attempt: 1, path: 'answer.json', body: '{"ok":true}\n' });
    await writeFile(path.join(out, 'artifacts', ...stored.key.split('/')), '{"ok":false}\n');
    const synced = await syncArtifactMirror({ source, mirror, ...where });
    expect(await mirror.list(where)).toEqual([]);
    expect(synced.status).toBe('behind');
    expect(synced.status === 'behind' && synced.warning).toContain('answer.json');
  });
});
