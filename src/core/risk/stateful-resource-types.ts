/**
 * Resource types that hold data which cannot be had back once CloudFormation deletes the resource.
 * Queues, streams and log groups are left out on purpose: what they hold is transient or a copy,
 * and flagging them would make nearly every change "high". A KMS key is here because deleting it
 * (CloudFormation schedules the deletion, AWS::KMS::Key `PendingWindowInDays`) makes everything
 * encrypted with it unreadable. ElastiCache replication groups and serverless caches (Redis/Valkey
 * data), MemoryDB clusters (a durable primary database), CodeCommit repositories, QLDB ledgers and
 * DocumentDB elastic clusters keep the only copy of what they hold (each type's page in the AWS
 * CloudFormation Template Reference; DeletionPolicy defaults to `Delete` for all of them). So do
 * Keyspaces tables, S3 directory and table buckets, EBS volumes, Redshift Serverless namespaces,
 * OpenSearch Serverless collections, Neptune Analytics graphs, Lightsail databases, disks and
 * buckets, CodeArtifact repositories (published packages) and private certificate authorities
 * (what they issued can no longer be revoked or renewed).
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
  'AWS::KMS::Key',
  'AWS::KMS::ReplicaKey',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElastiCache::ServerlessCache',
  'AWS::MemoryDB::Cluster',
  'AWS::CodeCommit::Repository',
  'AWS::QLDB::Ledger',
  'AWS::DocDBElastic::Cluster',
  'AWS::Cassandra::Table',
  'AWS::S3Express::DirectoryBucket',
  'AWS::S3Tables::TableBucket',
  'AWS::EC2::Volume',
  'AWS::RedshiftServerless::Namespace',
  'AWS::OpenSearchServerless::Collection',
  'AWS::NeptuneGraph::Graph',
  'AWS::Lightsail::Database',
  'AWS::Lightsail::Disk',
  'AWS::Lightsail::Bucket',
  'AWS::CodeArtifact::Repository',
  'AWS::ACMPCA::CertificateAuthority',
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
