import { MAX_UNSENT_ARTIFACT_PATHS, type UnsentArtifacts } from '../state/state-marker.js';

/**
 * The marker's record of an attempt's artifacts the store did not take (pure): the first
 * `MAX_UNSENT_ARTIFACT_PATHS` paths, generated files first (the ones a later step can re-send),
 * the rest counted in `more`. `undefined` when nothing failed.
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
  const named = ordered.slice(0, MAX_UNSENT_ARTIFACT_PATHS);
  const more = ordered.length - named.length;
  return {
    attempt: params.attempt,
    ...(params.commitSha === undefined ? {} : { commit_sha: params.commitSha }),
    paths: named,
    ...(more > 0 ? { more } : {}),
  };
}
