/** Types that grant by their mere presence, with or without a policy document. */
export const ALWAYS_GRANTING_TYPES: ReadonlySet<string> = new Set([
  'AWS::Events::EventBusPolicy',
  'AWS::Lambda::LayerVersionPermission',
  // Shares resources with other accounts (external ones allowed by default; AWS RAM User Guide).
  'AWS::RAM::ResourceShare',
  // Lets the listed principals (`*` for anyone) connect to an endpoint service (AWS PrivateLink Guide).
  'AWS::EC2::VPCEndpointServicePermissions',
]);

/**
 * Types outside `AWS::IAM::` that give people, roles or accounts permissions, judged like IAM
 * resources: IAM Identity Center permission sets and assignments, Identity Store groups and
 * memberships, Organizations policies (SCPs) and accounts, IAM Roles Anywhere trust anchors and
 * profiles, Lake Formation grants and administrators, EKS access entries, OpenSearch Serverless data
 * access policies (which grant IAM principals, of any account, access to collections and indexes;
 * Amazon OpenSearch Service Developer Guide, "Data access control for Amazon OpenSearch
 * Serverless"), and SAM connectors
 * (which SAM turns into IAM policies; AWS SAM Developer Guide, "AWS::Serverless::Connector").
 */
const ACCESS_TYPE_PREFIXES = [
  'AWS::SSO::',
  'AWS::IdentityStore::',
  'AWS::Organizations::',
  'AWS::RolesAnywhere::',
  'AWS::LakeFormation::',
];
const ACCESS_TYPES: ReadonlySet<string> = new Set([
  'AWS::Serverless::Connector',
  'AWS::EKS::AccessEntry',
  'AWS::OpenSearchServerless::AccessPolicy',
]);

export function isAccessType(type: string): boolean {
  return ACCESS_TYPES.has(type) || ACCESS_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix));
}

/** IAM identities and policies: their documents have no Principal. */
export const IDENTITY_POLICY_TYPES: ReadonlySet<string> = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
  'AWS::Serverless::Function',
  'AWS::Serverless::StateMachine',
  'AWS::SSO::PermissionSet',
]);
