import type { ChangeSetResourceChange, RiskReason } from './risk-assessment.js';

/**
 * What a change set says will be lost: a `Remove` deletes the resource (and its data, unless its
 * DeletionPolicy keeps it), `Replacement: True` creates a new physical resource and deletes the old
 * one, `Conditional` may do so depending on a value known only during the update, and a `Dynamic`
 * action cannot be known until the change set runs (AWS CloudFormation API Reference, "ResourceChange").
 */
export function changeSetRisks(changes: readonly ChangeSetResourceChange[]): RiskReason[] {
  return changes.flatMap((change): RiskReason[] => {
    const where = `change set: ${change.logicalResourceId}`;
    const name = `${change.logicalResourceId} (${change.resourceType})`;
    if (change.action === 'Remove') return [{ code: 'change-remove', where, message: `Deletes ${name}.` }];
    if (change.action === 'Dynamic')
      return [
        {
          code: 'change-dynamic',
          where,
          message: `What happens to ${name} is decided only when the change set runs.`,
        },
      ];
    if (change.action !== 'Modify') return [];
    if (change.replacement === 'True')
      return [
        {
          code: 'change-replacement',
          where,
          message: `Replaces ${name}: a new one is created and the old one deleted.`,
        },
      ];
    if (change.replacement === 'Conditional')
      return [
        {
          code: 'change-conditional-replacement',
          where,
          message: `May replace ${name}, depending on values known only during the update.`,
        },
      ];
    return [];
  });
}
