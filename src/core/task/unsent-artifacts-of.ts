import { markerChars } from '../state/fit-unmirrored.js';
import {
  MAX_UNSENT_ARTIFACT_CHARS,
  MAX_UNSENT_ARTIFACT_PATH_CHARS,
  MAX_UNSENT_ARTIFACT_PATHS,
  type UnsentArtifacts,
} from '../state/state-marker.js';

/**
 * The marker's record of an attempt's artifacts the store did not take (pure): the first
 * `MAX_UNSENT_ARTIFACT_PATHS` paths, generated files first (the ones a later step can re-send),
 * that fit the marker (each at most `MAX_UNSENT_ARTIFACT_PATH_CHARS`, all at most
 * `MAX_UNSENT_ARTIFACT_CHARS` as written), the rest counted in `more`: a marker its reader refuses
 * would lose the task's whole status. `undefined` when nothing failed.
 */
export function unsentArtifactsOf(params: {
  attempt: number;
  /** The agent's commit of the attempt's files, when it published them. */
  commitSha?: string;
  paths: readonly string[];
}): UnsentArtifacts | undefined {
  if (params.paths.length === 0) return undefined;
  const ordered = [...new Set(params.paths)].sort(
    (a, b) => Number(!a.startsWith('files/')) - Number(!b.startsWith('files/')),
  );
  const named: string[] = [];
  let chars = 0;
  for (const path of ordered) {
    const size = markerChars(path) + 1;
    if (named.length === MAX_UNSENT_ARTIFACT_PATHS) break;
    if (path.length > MAX_UNSENT_ARTIFACT_PATH_CHARS || chars + size > MAX_UNSENT_ARTIFACT_CHARS) continue;
    named.push(path);
    chars += size;
  }
  const more = ordered.length - named.length;
  return {
    attempt: params.attempt,
    ...(params.commitSha === undefined ? {} : { commit_sha: params.commitSha }),
    paths: named,
    ...(more > 0 ? { more } : {}),
  };
}
