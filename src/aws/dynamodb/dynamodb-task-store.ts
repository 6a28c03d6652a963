import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  assertVersionMovesForward,
  TaskVersionConflictError,
  type TaskStore,
} from '../../core/stores/task-store.js';
import { taskRecordSchema, type TaskRecord } from '../../core/task/task-record.js';
import { keyRepository } from '../../core/stores/store-keys.js';
import { isConditionalCheckFailure } from './is-conditional-check-failure.js';
import { parseItem } from './parse-item.js';
import { tableError } from './table-error.js';
import { TASKS_BY_STATUS_INDEX, TASKS_TABLE_KEY } from './task-table-definitions.js';

/** `status` and `version` are DynamoDB reserved words, so expressions name them through placeholders. */
const NAMES = {
  '#id': TASKS_TABLE_KEY,
  '#version': 'version',
  '#repo': 'repo',
  '#status': 'status',
} as const;

/**
 * Task records in `ImplementationTasks` (DESIGN §11). A put is conditional on the version read
 * (`attribute_not_exists` for a new task), so two writers never overwrite each other silently:
 * the loser gets `TaskVersionConflictError`. Reads are strongly consistent; the status index is
 * eventually consistent, as every DynamoDB global secondary index is.
 */
export function createDynamoDbTaskStore(params: {
  client: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
}): TaskStore {
  const { client, tableName } = params;
  const failure = (action: string, error: unknown) =>
    tableError({ action, tableName, definition: 'tasksTableDefinition', error });
  const parse = (item: unknown) => parseItem({ item, schema: taskRecordSchema, tableName });

  return {
    async get(taskId) {
      try {
        const { Item } = await client.send(
          new GetCommand({ TableName: tableName, Key: { [TASKS_TABLE_KEY]: taskId }, ConsistentRead: true }),
        );
        return Item === undefined ? undefined : parse(Item);
      } catch (error) {
        throw failure(`read task ${taskId}`, error);
      }
    },

    async put(record, expectedVersion, options) {
      assertVersionMovesForward(record, expectedVersion, options);
      const condition =
        expectedVersion === 0
          ? {
              ConditionExpression: 'attribute_not_exists(#id)',
              ExpressionAttributeNames: { '#id': NAMES['#id'] },
            }
          : {
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': NAMES['#version'] },
              ExpressionAttributeValues: { ':expected': expectedVersion },
            };
      try {
        await client.send(new PutCommand({ TableName: tableName, Item: record, ...condition }));
      } catch (error) {
        if (isConditionalCheckFailure(error))
          throw new TaskVersionConflictError(record.task_id, expectedVersion);
        throw failure(`write task ${record.task_id}`, error);
      }
    },

    async listByStatus({ repo, status }) {
      const records: TaskRecord[] = [];
      let startKey: Record<string, unknown> | undefined;
      try {
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: TASKS_BY_STATUS_INDEX,
              KeyConditionExpression: '#repo = :repo AND #status = :status',
              ExpressionAttributeNames: { '#repo': NAMES['#repo'], '#status': NAMES['#status'] },
              ExpressionAttributeValues: { ':repo': keyRepository(repo), ':status': status },
              ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
            }),
          );
          records.push(...(page.Items ?? []).map(parse));
          startKey = page.LastEvaluatedKey;
        } while (startKey !== undefined);
      } catch (error) {
        throw failure(`list the ${status} tasks of ${repo}`, error);
      }
      return records;
    },
  };
}
