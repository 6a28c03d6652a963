import type { TaskMarker } from '../state/state-marker.js';

/** A full commit sha: 40 hex digits (SHA-1) or 64 (SHA-256). */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * The commits a task's trusted marker records as the agent's own, for markers written before
 * pushes were recorded (`last_push`): the commit of its last publish when that is still the
 * record's last outcome (`last_outcome` `pr_open` with `commitSha`, what `runIssueTask` records
 * after publishing the pull request), and the commit an attempt's unsent artifacts name
 * (`unsent_artifacts.commit_sha`). Lowercase, without repeats; empty when the marker names none.
 */
export function agentRecordedCommits(
  marker: Pick<TaskMarker, 'last_outcome' | 'unsent_artifacts'>,
): string[] {
  const published = marker.last_outcome?.status === 'pr_open' ? marker.last_outcome['commitSha'] : undefined;
  const found = [published, marker.unsent_artifacts?.commit_sha]
    .filter((sha): sha is string => typeof sha === 'string' && COMMIT_SHA.test(sha))
    .map((sha) => sha.toLowerCase());
  return [...new Set(found)];
}
