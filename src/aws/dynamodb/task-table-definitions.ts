import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** `ImplementationTasks` (DESIGN §11): partition key `task_id`, one item per task. */
export const TASKS_TABLE_KEY = 'task_id';
/** The tasks table's index on `repo` + `status`: one repository's tasks in one state. */
export const TASKS_BY_STATUS_INDEX = 'repo-status-index';
/** `ImplementationResults` (DESIGN §11): partition key `task_id`, sort key `sk` = `step#timestamp#sequence`. */
export const RESULTS_TABLE_SORT_KEY = 'sk';

/** The tasks table: on-demand billing (a few writes per task), the status index projecting whole records. */
export function tasksTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TASKS_TABLE_KEY, AttributeType: 'S' },
      { AttributeName: 'repo', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: TASKS_TABLE_KEY, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: TASKS_BY_STATUS_INDEX,
        KeySchema: [
          { AttributeName: 'repo', KeyType: 'HASH' },
          { AttributeName: 'status', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

/** The results table: every event of every task, append-only. */
export function resultsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TASKS_TABLE_KEY, AttributeType: 'S' },
      { AttributeName: RESULTS_TABLE_SORT_KEY, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TASKS_TABLE_KEY, KeyType: 'HASH' },
      { AttributeName: RESULTS_TABLE_SORT_KEY, KeyType: 'RANGE' },
    ],
  };
}
