import { codeSpan } from '../markdown/code-span.js';
import { untrustedInline } from '../markdown/untrusted-inline.js';
import { changeSetRisks } from '../risk/change-set-risks.js';
import type { ChangeSetResourceChange } from '../risk/risk-assessment.js';

const ACTIONS: ReadonlySet<string> = new Set(['Add', 'Modify', 'Remove', 'Import', 'Dynamic']);

/**
 * Why an automated deploy (deploy on merge) must not execute its change set, or undefined: DESIGN §4
 * sends resource deletion and replacement to a person, and the change set is the first place they
 * show (`changeSetRisks`: `Remove`, `Replacement: True` or `Conditional`, `Dynamic`, and a modified
 * nested stack, whose inner changes the change set does not list). An action this
 * code does not know (CloudFormation may add some) counts as `Dynamic`. `changes` are every
 * resource change of the change set; `environment` names the `/deploy` a person may run instead.
 * The answer is markdown (logical ids and types escaped).
 */
export function automatedChangeRefusal(params: {
  changes: readonly { action: string; logicalId: string; resourceType: string; replacement?: string }[];
  environment: string;
}): string | undefined {
  const reasons = changeSetRisks(
    params.changes.map((change): ChangeSetResourceChange => ({
      action: ACTIONS.has(change.action) ? (change.action as ChangeSetResourceChange['action']) : 'Dynamic',
      logicalResourceId: change.logicalId,
      resourceType: change.resourceType,
      ...(change.replacement === 'True' ||
      change.replacement === 'Conditional' ||
      change.replacement === 'False'
        ? { replacement: change.replacement }
        : {}),
    })),
  );
  if (reasons.length === 0) return undefined;
  const listed = reasons.map((reason) => untrustedInline(reason.message)).join(' ');
  return (
    `Not deployed automatically: the change set deletes or replaces resources, or changes a nested stack ` +
    `whose inner changes it does not show (${listed}), and automated mode asks a person for that. The change set was deleted without running; review it and deploy with ` +
    `${codeSpan(`/deploy ${params.environment}`)}.`
  );
}
