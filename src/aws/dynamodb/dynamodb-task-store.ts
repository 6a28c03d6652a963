import { randomUUID } from 'node:crypto';
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
import { isWriteOutcomeUnknown } from './is-write-outcome-unknown.js';
import { parseItem } from './parse-item.js';
import { tableError } from './table-error.js';
import { TASKS_BY_STATUS_INDEX, TASKS_TABLE_KEY } from './task-table-definitions.js';

/** The attribute naming the put that wrote an item (see `createDynamoDbTaskStore`). */
const WRITE_ID = 'write_id';

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
 * the loser gets `TaskVersionConflictError`. Each put carries a fresh `write_id`: the SDK retries
 * a put whose answer was lost (a reset connection, a timeout, a 500) although DynamoDB applied it,
 * and the retry then fails its own condition, or the SDK gives up on the answer
 * (`isWriteOutcomeUnknown`); either is read back (strongly consistent) and a stored `write_id`
 * of this put means it landed, so the writer is not sent to
 * re-apply its change on top of itself (counted twice) or to spend its conflict retries on it.
 * Reads are strongly consistent; the status index is eventually consistent, as every DynamoDB
 * global secondary index is. `write_id` is the store's own; the record read back does not have it.
 */
export function createDynamoDbTaskStore(params: {
  client: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
}): TaskStore {
  const { client, tableName } = params;
  const failure = (action: string, error: unknown) =>
    tableError({ action, tableName, definition: 'tasksTableDefinition', error });
  const parse = (item: unknown) => parseItem({ item, schema: taskRecordSchema, tableName });
  /** Whether the item now stored is the one put `writeId` wrote (a put that landed, its answer lost). */
  const landed = async (taskId: string, writeId: string): Promise<boolean> => {
    try {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { [TASKS_TABLE_KEY]: taskId }, ConsistentRead: true }),
      );
      return Item?.[WRITE_ID] === writeId;
    } catch (error) {
      throw failure(`read task ${taskId} back after a failed write`, error);
    }
  };

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
      const writeId = randomUUID();
      try {
        await client.send(
          new PutCommand({ TableName: tableName, Item: { ...record, [WRITE_ID]: writeId }, ...condition }),
        );
      } catch (error) {
        const conflict = isConditionalCheckFailure(error);
        if (!conflict && !isWriteOutcomeUnknown(error)) throw failure(`write task ${record.task_id}`, error);
        if (await landed(record.task_id, writeId)) return;
        // An answer that never came for a put that did not land: the write failed, it is no conflict.
        if (!conflict) throw failure(`write task ${record.task_id}`, error);
        throw new TaskVersionConflictError(record.task_id, expectedVersion);
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
