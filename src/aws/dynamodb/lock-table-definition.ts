import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Partition key of the lock table: `${repository}#${environment}`, one item per environment. */
export const LOCK_TABLE_PARTITION_KEY = 'lock_id';

/**
 * Epoch seconds after which a lock is void. DynamoDB's TTL deletes such items only eventually
 * (often hours later), so the store also treats them as absent itself.
 */
export const LOCK_TABLE_TTL_ATTRIBUTE = 'expires_at';

/** The lock table: on-demand billing, because deploy locks see a handful of writes a day. */
export function lockTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: LOCK_TABLE_PARTITION_KEY, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: LOCK_TABLE_PARTITION_KEY, KeyType: 'HASH' }],
  };
}
