/**
 * Why a change needs a human: every code is a rule of DESIGN §4's hybrid row (and the cases it
 * implies), listed in the README's modes section.
 */
export const RISK_REASON_CODES = [
  'iam-resource',
  'managed-policy',
  'implicit-iam-role',
  'resource-policy',
  'broad-lambda-permission',
  'wildcard-action',
  'wildcard-resource',
  'wildcard-principal',
  'open-ingress',
  'public-access',
  'fleet-command',
  'data-egress',
  'stateful-delete-policy',
  'data-expiry',
  'unresolved-value',
  'unseen-effect',
  'template-unreadable',
  'change-remove',
  'change-replacement',
  'change-conditional-replacement',
  'change-dynamic',
  'github-path',
  'production-target',
] as const;

export type RiskReasonCode = (typeof RISK_REASON_CODES)[number];

export interface RiskReason {
  readonly code: RiskReasonCode;
  /** Plain text (no markdown); may quote template values, so renderers escape it. */
  readonly message: string;
  /** e.g. `services/orders/template.yaml#Resources.ApiRole.Properties.Policies[0]`, a file path, `change set: Table`. */
  readonly where: string;
}

/** `high` exactly when there is a reason: every rule names a change a reviewer must see. */
export interface RiskAssessment {
  readonly level: 'low' | 'high';
  readonly reasons: readonly RiskReason[];
}

/**
 * One row of a change set as CloudFormation's DescribeChangeSet reports it (`Changes[].ResourceChange`):
 * `Action` Add | Modify | Remove | Import | Dynamic, `Replacement` True | False | Conditional (Modify only).
 * AWS CloudFormation API Reference, "ResourceChange".
 */
export interface ChangeSetResourceChange {
  readonly action: 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';
  readonly logicalResourceId: string;
  readonly resourceType: string;
  readonly replacement?: 'True' | 'False' | 'Conditional';
}
