import type { TaskMarker } from '../state/state-marker.js';
import { agentRecordedCommits } from './agent-recorded-commits.js';

/** A branch head the agent did not validate, and whether it ever heard of it. */
export interface UnvalidatedHead {
  /** The head, lowercase hex. */
  readonly sha: string;
  /**
   * The marker records it (a `pull_request.synchronize` the agent handled, `last_push`, or a push
   * the guard fell back on, `unvalidated_push`); false: no event about it ever reached the agent
   * (an undelivered or lost delivery, a push made with a token that starts no run, a branch
   * pushed anew while its pull request was closed).
   */
  readonly seen: boolean;
}

/**
 * Whether `head`, a commit on the task's branch the agent is about to build on or act on, is one
 * it validated (DESIGN §4, §5b: automated mode merges only what the agent validated): its own
 * commit, which the marker records as its newest push (`last_push` by the agent; markers written
 * before pushes were recorded: `agentRecordedCommits`). Any other head — a person's or another
 * bot's push, seen or not, or a commit the marker never recorded (no marker at all: someone made
 * the branch before the task's first run) — is returned, and carries files no gate of the agent's
 * saw nor the risk classifier judged. Pure.
 */
export function unvalidatedHead(params: {
  marker:
    Pick<TaskMarker, 'last_push' | 'unvalidated_push' | 'last_outcome' | 'unsent_artifacts'> | undefined;
  head: string;
}): UnvalidatedHead | undefined {
  const { marker } = params;
  const sha = params.head.toLowerCase();
  if (marker?.unvalidated_push === sha) return { sha, seen: true };
  const last = marker?.last_push;
  if (last !== undefined) {
    if (last.sha.toLowerCase() !== sha) return { sha, seen: false };
    return last.by.kind === 'agent' ? undefined : { sha, seen: true };
  }
  if (marker !== undefined && agentRecordedCommits(marker).includes(sha)) return undefined;
  return { sha, seen: false };
}
