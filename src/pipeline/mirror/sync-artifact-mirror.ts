import type { ArtifactStore } from '../../core/stores/artifact-store.js';
import type { MirrorSyncResult } from './sync-task-mirror.js';

/**
 * Copies a task's artifacts the mirror (the artifacts bucket) lacks, or holds with other bytes,
 * from the source (the local folder). Idempotent; never throws: a failure is a warning, and the
 * next sync copies what is still missing. A source artifact whose bytes no longer match their
 * sha256 (damaged or edited after it was written) is never mirrored and never dropped silently:
 * the result is `behind`, with a warning naming each such path.
 */
export async function syncArtifactMirror(params: {
  source: ArtifactStore;
  mirror: ArtifactStore;
  repo: string;
  taskId: string;
}): Promise<MirrorSyncResult> {
  const where = { repo: params.repo, taskId: params.taskId };
  let writes = 0;
  let bytes = 0;
  const damaged: string[] = [];
  try {
    const mirrored = new Map(
      (await params.mirror.list(where)).map((artifact) => [artifact.key, artifact.sha256]),
    );
    for (const artifact of await params.source.list(where)) {
      if (mirrored.get(artifact.key) === artifact.sha256) continue;
      const stored = await params.source.get(artifact);
      if (stored === undefined) {
        damaged.push(artifact.key);
        continue;
      }
      await params.mirror.put({ ...artifact, body: stored.body, contentType: stored.contentType });
      writes += 1;
      bytes += stored.bytes;
    }
    if (damaged.length > 0) return { status: 'behind', warning: damagedWarning(damaged), writes, bytes };
    return { status: writes === 0 ? 'in-sync' : 'caught-up', writes, bytes };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      status: 'behind',
      warning:
        `The artifacts mirror could not be written (${reason}); the next sync copies what is missing.` +
        (damaged.length === 0 ? '' : ` ${damagedWarning(damaged)}`),
      writes,
      bytes,
    };
  }
}

/** Paths named in the warning; the rest are counted (the warning goes on a public status comment). */
const MAX_DAMAGED_PATHS_SHOWN = 5;

function damagedWarning(keys: readonly string[]): string {
  const shown = keys.slice(0, MAX_DAMAGED_PATHS_SHOWN).join(', ');
  const more =
    keys.length > MAX_DAMAGED_PATHS_SHOWN ? ` and ${keys.length - MAX_DAMAGED_PATHS_SHOWN} more` : '';
  return `Local artifacts no longer match their sha256 (or their metadata is damaged) and were not mirrored: ${shown}${more}.`;
}
