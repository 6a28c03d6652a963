import { MAX_UNSENT_DEPLOYMENTS, type UnsentDeployment } from '../../core/state/unsent-deployment.js';
import type { ResentDeployments } from '../mirror/resend-unsent-deployments.js';

/**
 * The marker's `unsent_deployments` after this step: the earlier ones re-sent first (`resend`,
 * when this run has a deployments store), then this step's `added`, the newest
 * `MAX_UNSENT_DEPLOYMENTS` kept. `note` names what was re-sent and what is lost (a record past the
 * bound, or one that cannot be rebuilt), for the comment or the deploy report. Never throws: a
 * failed re-send keeps every earlier record for the next step.
 */
export async function resendEarlierDeployments(input: {
  earlier: readonly UnsentDeployment[] | undefined;
  added: readonly UnsentDeployment[] | undefined;
  resend: ((unsent: readonly UnsentDeployment[]) => Promise<ResentDeployments>) | undefined;
  log: ((line: string) => void) | undefined;
}): Promise<{ unsent: UnsentDeployment[]; note?: string }> {
  let earlier = [...(input.earlier ?? [])];
  const notes: string[] = [];
  if (earlier.length > 0 && input.resend !== undefined) {
    try {
      const resent = await input.resend(earlier);
      input.log?.(
        `Re-sent ${resent.sent.length} deployment record(s); ${resent.lost.length} lost, ${resent.kept.length} still refused`,
      );
      if (resent.sent.length > 0)
        notes.push(
          `re-sent the record of deployment(s) ${resent.sent.join(', ')} (template and parameters; the stack outputs are not kept)`,
        );
      if (resent.lost.length > 0) notes.push(`lost: ${resent.lost.join('; ')}`);
      earlier = [...resent.kept];
    } catch (error) {
      input.log?.(`The unsent deployment records could not be re-sent: ${String(error)}`);
    }
  }
  const all = [
    ...earlier.filter((old) => !input.added?.some((add) => same(add, old))),
    ...(input.added ?? []),
  ];
  const dropped = all.slice(0, Math.max(0, all.length - MAX_UNSENT_DEPLOYMENTS));
  if (dropped.length > 0)
    notes.push(
      `lost: the record of deployment(s) ${dropped.map((record) => record.deployment_id).join(', ')} (the store has been out for too long)`,
    );
  const note =
    notes.length === 0
      ? undefined
      : `⚠️ Deployment records the deployments store did not take earlier: ${notes.join('; ')}.`;
  return { unsent: all.slice(-MAX_UNSENT_DEPLOYMENTS), ...(note === undefined ? {} : { note }) };
}

function same(a: UnsentDeployment, b: UnsentDeployment): boolean {
  return a.deployment_id === b.deployment_id && a.environment === b.environment;
}
