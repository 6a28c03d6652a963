import type { MarkerTrust } from './judge-marker.js';
import type { TaskMarker } from './state-marker.js';
import { rekeyedEvents } from './rekeyed-events.js';

/**
 * The marker a status board continues from, with what it would replay limited to what may be
 * replayed (pure). What a marker embeds for a later run to send — `unmirrored` events for the
 * results table, `unsent` lifecycle events for the bus, `unsent_artifacts` and
 * `unsent_deployments` to re-send — is its writer's text: the tables and the bus are shared by every repository, and a marker's own
 * `task_id` proves nothing about the task ids inside it. So:
 * - of a marker that is not `trusted` (`judgeMarker`: display-only, e.g. written as
 *   `github-actions[bot]` with no marker key), nothing is replayed: a deployment record re-sent
 *   from it would put the writer's parameters and a template of any commit under a real
 *   deployment's key, which a later rollback deploys as "exactly what was deployed";
 * - of a trusted one, only events of this task: named `taskId` or the marker's own `task_id`
 *   (compared without regard to case), which `judgeMarker` found to be this task's — the same
 *   spelling, or the former name of the same repository (its id) after a rename or transfer.
 *   Each is re-keyed to `taskId` (`rekeyedEvents`), so what goes out names the task as its
 *   records do now, never under a former spelling.
 * `setAside` says what was left out, for the status comment and the log; absent when nothing was.
 */
export function replayableMarker(params: { marker: TaskMarker; trust: MarkerTrust; taskId: string }): {
  marker: TaskMarker;
  setAside?: string;
} {
  const { trust, taskId } = params;
  const {
    unmirrored,
    unsent,
    unsent_artifacts: unsentArtifacts,
    unsent_deployments: unsentDeployments,
    ...rest
  } = params.marker;
  const names = new Set([taskId.toLowerCase(), params.marker.task_id.toLowerCase()]);
  const ours = (id: string) => names.has(id.toLowerCase());
  const trusted = trust === 'trusted';
  const { events, lifecycle } = rekeyedEvents({
    taskId,
    events: trusted ? (unmirrored ?? []).filter((event) => ours(event.task_id)) : [],
    lifecycle: trusted ? (unsent ?? []).filter((event) => ours(event.detail.task_id)) : [],
  });
  const marker: TaskMarker = {
    ...rest,
    ...(events.length === 0 ? {} : { unmirrored: events }),
    ...(lifecycle.length === 0 ? {} : { unsent: lifecycle }),
    ...(trusted && unsentArtifacts !== undefined ? { unsent_artifacts: unsentArtifacts } : {}),
    ...(trusted && unsentDeployments !== undefined ? { unsent_deployments: unsentDeployments } : {}),
  };
  const left = [
    count((unmirrored?.length ?? 0) - events.length, 'task event(s) for the results table'),
    count((unsent?.length ?? 0) - lifecycle.length, 'lifecycle event(s) for the event bus'),
    unsentArtifacts !== undefined && !trusted
      ? `the list of attempt ${unsentArtifacts.attempt}'s unsent artifacts`
      : undefined,
    trusted ? undefined : count(unsentDeployments?.length ?? 0, 'deployment record(s) to re-send'),
  ].filter((part) => part !== undefined);
  if (left.length === 0) return { marker };
  const why = trusted
    ? `they name another task than ${taskId}`
    : `nothing proves the agent wrote that marker (${trust})`;
  return {
    marker,
    setAside: `⚠️ The status comment's marker carried ${left.join(', ')} that were not sent: ${why}.`,
  };
}

function count(n: number, what: string): string | undefined {
  return n > 0 ? `${n} ${what}` : undefined;
}
