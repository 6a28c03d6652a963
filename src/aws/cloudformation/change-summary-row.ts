import type { Change, ChangeAction, Replacement } from '@aws-sdk/client-cloudformation';

/** One resource change of a change set, as the summary table shows it. */
export interface ChangeSummaryRow {
  readonly action: ChangeAction;
  readonly logicalId: string;
  readonly resourceType: string;
  /** Only Modify changes say whether the resource is replaced. */
  readonly replacement?: Replacement;
}

/** Keeps resource changes only: hook and other change types carry no resource to list. */
export function toChangeSummaryRows(changes: readonly Change[]): ChangeSummaryRow[] {
  return changes.flatMap((change) => {
    const resource = change.ResourceChange;
    if (resource?.Action === undefined) return [];
    return [
      {
        action: resource.Action,
        logicalId: resource.LogicalResourceId ?? '(unnamed)',
        resourceType: resource.ResourceType ?? '(unknown type)',
        ...(resource.Replacement === undefined ? {} : { replacement: resource.Replacement }),
      },
    ];
  });
}
