/**
 * Resource types that hold data which cannot be had back once CloudFormation deletes the resource.
 * Queues, streams and log groups are left out on purpose: what they hold is transient or a copy,
 * and flagging them would make nearly every change "high".
 */
export const STATEFUL_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  // SAM makes an AWS::DynamoDB::Table of it, passing DeletionPolicy and UpdateReplacePolicy on.
  'AWS::Serverless::SimpleTable',
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
  'AWS::EFS::FileSystem',
  'AWS::FSx::FileSystem',
  'AWS::Redshift::Cluster',
  'AWS::OpenSearchService::Domain',
  'AWS::Elasticsearch::Domain',
  'AWS::Cognito::UserPool',
  'AWS::Backup::BackupVault',
  'AWS::Timestream::Table',
]);

/**
 * What CloudFormation does with a resource when it leaves the stack and no policy is written:
 * `Snapshot` for RDS clusters and for instances outside a cluster, `Delete` for the rest
 * (AWS CloudFormation User Guide, "DeletionPolicy attribute").
 */
export function defaultDeletionPolicy(type: string, properties: unknown): string {
  if (type === 'AWS::RDS::DBCluster') return 'Snapshot';
  const inCluster =
    typeof properties === 'object' && properties !== null && 'DBClusterIdentifier' in properties;
  return type === 'AWS::RDS::DBInstance' && !inCluster ? 'Snapshot' : 'Delete';
}
