import type { TaskMarker, UnsentArtifacts } from '../../core/state/state-marker.js';
import type { ResentArtifacts } from '../mirror/resend-unsent-artifacts.js';

/**
 * The earlier attempt's unsent artifacts, re-sent before this move is written: `cleared` when the
 * marker's field can go (everything rebuildable is in the store), with a note for the comment
 * naming what was re-sent and what is lost. A newer attempt's unsent artifacts (`patch`) replace
 * the field: the older ones it could not re-send are then named lost, never dropped silently.
 * Never throws: a failed re-send keeps the field for the next move.
 */
export async function resendEarlierArtifacts(input: {
  marker: TaskMarker | undefined;
  patch: Pick<TaskMarker, 'unsent_artifacts'> | undefined;
  resend: ((unsent: UnsentArtifacts) => Promise<ResentArtifacts>) | undefined;
  log: ((line: string) => void) | undefined;
}): Promise<{ cleared: boolean; note?: string }> {
  const unsent = input.marker?.unsent_artifacts;
  if (unsent === undefined) return { cleared: false };
  const replaced = input.patch?.unsent_artifacts !== undefined;
  const heading = `⚠️ Artifacts of attempt ${unsent.attempt} that the artifacts store did not take earlier`;
  if (input.resend !== undefined) {
    try {
      const { sent, lost } = await input.resend(unsent);
      input.log?.(
        `Re-sent ${sent.length} artifact(s) of attempt ${unsent.attempt}; ${lost.length} kind(s) lost`,
      );
      const parts = [
        ...(sent.length === 0
          ? []
          : [`${sent.length} generated file(s) were re-sent from the agent's commit`]),
        ...(lost.length === 0 ? [] : [`lost: ${lost.join('; ')}`]),
      ];
      return { cleared: true, note: `${heading}: ${parts.join('; ')}.` };
    } catch (error) {
      input.log?.(`The unsent artifacts of attempt ${unsent.attempt} could not be re-sent: ${String(error)}`);
    }
  }
  if (!replaced) return { cleared: false };
  const count = unsent.paths.length + (unsent.more ?? 0);
  return {
    cleared: true,
    note: `${heading} could not be re-sent before a later attempt's took their place: ${count} artifact(s) lost.`,
  };
}
