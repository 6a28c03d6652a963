import type { ChangeSetResourceChange, RiskReason } from './risk-assessment.js';

/**
 * Nested stacks as a change set lists them. Created without `IncludeNestedStacks` (ours is), a change
 * set shows a nested stack's update as one `Modify` with `Replacement: False`, whatever it removes or
 * replaces inside (AWS CloudFormation User Guide, "Change sets for nested stacks").
 */
const NESTED_STACK_TYPES: ReadonlySet<string> = new Set([
  'AWS::CloudFormation::Stack',
  'AWS::Serverless::Application',
]);

/**
 * What a change set says will be lost: a `Remove` deletes the resource (and its data, unless its
 * DeletionPolicy keeps it), `Replacement: True` creates a new physical resource and deletes the old
 * one, `Conditional` may do so depending on a value known only during the update, and a `Dynamic`
 * action cannot be known until the change set runs (AWS CloudFormation API Reference, "ResourceChange"),
 * and a modified nested stack (`NESTED_STACK_TYPES`) hides its inner changes (`unseen-effect`).
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
    if (NESTED_STACK_TYPES.has(change.resourceType))
      return [
        {
          code: 'unseen-effect',
          where,
          message: `Changes nested stack ${name}: the change set does not show what it adds, deletes or replaces inside.`,
        },
      ];
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
