/** Types that grant by their mere presence, with or without a policy document. */
export const ALWAYS_GRANTING_TYPES: ReadonlySet<string> = new Set([
  'AWS::Events::EventBusPolicy',
  'AWS::Lambda::LayerVersionPermission',
]);

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
