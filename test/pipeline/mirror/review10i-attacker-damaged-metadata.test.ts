/**
 * Review 10i (attacker): the CLI's artifacts sync (`syncArtifactMirror`) when a local artifact's
 * metadata sidecar (`artifact-metadata/<key>.json`, its sha256 and content type) is damaged — cut
 * short by a crash or edited — rather than its bytes.
 *
 * Attacked: `createFilesystemArtifactStore().list` parses every sidecar and throws on the first that
 * does not parse (`parseStoredJson`), so `syncArtifactMirror` copies nothing of the task — the
 * intact artifacts and every later attempt's included — and says the *mirror* could not be written,
 * on every sync from then on. The right answer: intact artifacts are copied and the damaged one is
 * named, as a damaged body already is.
 *
 * Held (passing): a sidecar whose artifact bytes are gone is named as damaged, the rest copied.
 */
import { rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { syncArtifactMirror } from '../../../src/pipeline/mirror/sync-artifact-mirror.js';

const where = { repo: 'local/shop', taskId: 'local/shop#orders@abcdef012345' };

async function stores() {
  const out = await mkdtemp(path.join(os.tmpdir(), 'review10i-out-'));
  const bucket = await mkdtemp(path.join(os.tmpdir(), 'review10i-bucket-'));
  const source = filesystemStores(out).artifacts;
  const mirror = filesystemStores(bucket).artifacts;
  const intact = await source.put({ ...where, attempt: 1, path: 'prompt.txt', body: 'the prompt\n' });
  const other = await source.put({ ...where, attempt: 1, path: 'answer.json', body: '{"ok":true}\n' });
  return { out, source, mirror, intact, other };
}

describe('review10i: a damaged artifact metadata sidecar in the CLI artifacts sync', () => {
  it('FAULT: one sidecar cut short stops every artifact of the task from being mirrored, and the warning blames the mirror', async () => {
    const { out, source, mirror, intact, other } = await stores();
    await writeFile(
      path.join(out, 'artifact-metadata', ...`${other.key}.json`.split('/')),
      '{"repo":"local/sh',
    );
    const synced = await syncArtifactMirror({ source, mirror, ...where });
    // Right: the intact artifact is copied; the damaged one is named.
    expect((await mirror.list(where)).map((artifact) => artifact.key)).toEqual([intact.key]);
    expect(synced.status === 'behind' && synced.warning).toContain('answer.json');
  });

  it('held: a sidecar whose bytes are gone is named, the intact artifact copied', async () => {
    const { out, source, mirror, intact, other } = await stores();
    await rm(path.join(out, 'artifacts', ...other.key.split('/')));
    const synced = await syncArtifactMirror({ source, mirror, ...where });
    expect((await mirror.list(where)).map((artifact) => artifact.key)).toEqual([intact.key]);
    expect(synced.status === 'behind' && synced.warning).toContain('answer.json');
  });
});
