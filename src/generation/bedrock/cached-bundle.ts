import type { ArtifactBundle } from '../../core/bundle/artifact-bundle.js';
import { checkSecrets } from '../../core/gates/check-secrets.js';
import { parseWriteFilesInput } from './parse-write-files-input.js';
import type { ResponseCache } from './response-cache.js';
import { toWriteFilesInput } from './to-write-files-input.js';

/*
 * The cache is an optimisation: a store that fails or holds something unreadable must never fail
 * generation, so both directions fall back to calling the model.
 */

/** The bundle stored under `key`, re-validated against the tool schema; undefined on a miss. */
export async function readCachedBundle(params: {
  cache: ResponseCache;
  key: string;
}): Promise<ArtifactBundle | undefined> {
  try {
    const stored = await params.cache.get(params.key);
    return stored === undefined ? undefined : parseWriteFilesInput(JSON.parse(stored));
  } catch {
    return undefined;
  }
}

export async function writeCachedBundle(params: {
  cache: ResponseCache;
  key: string;
  bundle: ArtifactBundle;
}): Promise<void> {
  try {
    // The cache is stored like any artifact, so an answer holding a secret is never kept.
    if ((await checkSecrets(params.bundle)).length > 0) return;
    await params.cache.set(params.key, JSON.stringify(toWriteFilesInput(params.bundle)));
  } catch {
    // Not cached this time; the next identical request pays once more.
  }
}
